import { ApiError } from './api-error.ts';

/** A fault the simulator injects into one `POST /v1/messages` request. */
export type Fault =
  /** 429 `rate_limit_error` with a `retry-after` header of `retryAfterSeconds` (default 1). */
  | { readonly type: 'rate_limit'; readonly retryAfterSeconds?: number }
  /** 529 `overloaded_error`. */
  | { readonly type: 'overloaded' }
  /** 500 `api_error`. */
  | { readonly type: 'api_error' }
  /** The connection drops after `afterEvents` SSE events (default: half of them), or mid-body when not streaming. */
  | { readonly type: 'stream_cut'; readonly afterEvents?: number }
  /** Nothing is sent for `delayMs` (default 2,000), then the response proceeds normally. */
  | { readonly type: 'slow_first_byte'; readonly delayMs?: number };

export type FaultType = Fault['type'];

/** Which requests fail and how. Requests are numbered from 1; `count_tokens` calls are not counted. */
export interface FaultPlan {
  /** The fault for a given request number: `{ 1: { type: 'rate_limit' } }`. Takes precedence over `random`. */
  readonly script?: Readonly<Record<number, Fault>>;
  /** Faults drawn per request with these probabilities (summing to at most 1), from the simulator's `rng`. */
  readonly random?: readonly { readonly fault: Fault; readonly probability: number }[];
}

/** The `retry-after` of a rate-limit fault that sets none. */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;
/** The delay of a slow-first-byte fault that sets none. */
export const DEFAULT_SLOW_FIRST_BYTE_MS = 2_000;

/** The fault for request number `n`, or `undefined`. Draws `rng` once per request when `random` is set. */
export function pickFault(plan: FaultPlan, n: number, rng: () => number): Fault | undefined {
  const scripted = plan.script?.[n];
  if (scripted) return scripted;
  if (!plan.random || plan.random.length === 0) return undefined;
  let draw = rng();
  for (const { fault, probability } of plan.random) {
    if (draw < probability) return fault;
    draw -= probability;
  }
  return undefined;
}

/** The error response a fault answers with, or `undefined` for faults that let the request through. */
export function faultResponse(fault: Fault): { error: ApiError; headers: Record<string, string> } | undefined {
  switch (fault.type) {
    case 'rate_limit': {
      const seconds = fault.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
      const error = new ApiError(
        429,
        'rate_limit_error',
        'Number of requests has exceeded your rate limit (simulated).',
      );
      return { error, headers: { 'retry-after': String(seconds) } };
    }
    case 'overloaded':
      return { error: new ApiError(529, 'overloaded_error', 'Overloaded (simulated).'), headers: {} };
    case 'api_error':
      return { error: new ApiError(500, 'api_error', 'Internal server error (simulated).'), headers: {} };
    case 'stream_cut':
    case 'slow_first_byte':
      return undefined;
  }
}
