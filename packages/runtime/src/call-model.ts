import Anthropic from '@anthropic-ai/sdk';

/** The slice of the Anthropic client the runtime uses: `messages.stream`. */
export type ModelClient = Pick<Anthropic, 'messages'>;

/** Retries on top of the SDK's own (which already covers 408, 409, 429 and 5xx before the stream starts). */
export interface RetryOptions {
  /** Further attempts after the SDK gives up on a 529, or when a stream breaks mid-message. @default 4 */
  readonly attempts?: number;
  /** First backoff; doubled on each attempt. @default 1_000 */
  readonly baseDelayMs?: number;
  /** Waits between attempts; rejects when `signal` aborts. @default a timer */
  readonly sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

export const DEFAULT_RETRY_ATTEMPTS = 4;
export const DEFAULT_RETRY_DELAY_MS = 1_000;
const MAX_RETRY_DELAY_MS = 30_000;

/** What a streaming call reports as it goes. */
export interface CallHandlers {
  readonly signal?: AbortSignal | undefined;
  readonly onText?: (text: string) => void;
  /** A failed attempt is about to be retried: text already reported for it is void. */
  readonly onRetry?: (attempt: number, error: unknown, delayMs: number) => void;
}

/**
 * One streamed Messages API call, retried with exponential backoff when the API is overloaded (529) after
 * the SDK's own retries, or when the stream breaks before the message is complete.
 */
export async function callModel(
  client: ModelClient,
  params: Anthropic.MessageStreamParams,
  handlers: CallHandlers = {},
  retry: RetryOptions = {},
): Promise<Anthropic.Message> {
  const attempts = retry.attempts ?? DEFAULT_RETRY_ATTEMPTS;
  const baseDelay = retry.baseDelayMs ?? DEFAULT_RETRY_DELAY_MS;
  const sleep = retry.sleep ?? abortableSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      const stream = client.messages.stream(params, handlers.signal ? { signal: handlers.signal } : {});
      if (handlers.onText) stream.on('text', handlers.onText);
      return await stream.finalMessage();
    } catch (error) {
      if (attempt >= attempts || handlers.signal?.aborted || !isTransient(error)) throw error;
      const delay = Math.min(baseDelay * 2 ** attempt, MAX_RETRY_DELAY_MS);
      handlers.onRetry?.(attempt + 1, error, delay);
      await sleep(delay, handlers.signal);
    }
  }
}

/** Worth another attempt: overloaded, rate-limited, a server error, or a connection or stream that broke. */
export function isTransient(error: unknown): boolean {
  if (error instanceof Anthropic.APIUserAbortError) return false;
  if (error instanceof Anthropic.APIError) {
    const status = error.status;
    return status === undefined || status === 408 || status === 429 || status >= 500;
  }
  // A stream cut mid-message surfaces as a bare AnthropicError (or a TypeError from fetch).
  return error instanceof Anthropic.AnthropicError || error instanceof TypeError;
}

function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
