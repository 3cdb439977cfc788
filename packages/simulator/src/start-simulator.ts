import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type Anthropic from '@anthropic-ai/sdk';
import { extractiveSummarizer, type Summarizer, TokenCounter } from '@cairn/memory';
import { ApiError } from './api-error.ts';
import { DEFAULT_SLOW_FIRST_BYTE_MS, type FaultPlan, type FaultType, faultResponse, pickFault } from './fault-plan.ts';
import { readJsonBody, sendEventStream, sendJson } from './http-wire.ts';
import { type CacheUsage, PromptCache } from './prompt-cache.ts';
import { type PromptUnit, promptUnits } from './prompt-units.ts';
import { type ModelReply, type RespondDeps, respond } from './respond.ts';
import { seededRandom } from './seeded-random.ts';
import { type SimRequest, validateRequest } from './validate-request.ts';

export interface SimulatorOptions {
  /** Port on 127.0.0.1. @default 0 (a free port) */
  port?: number;
  /** Faults to inject. @default none */
  faults?: FaultPlan;
  /** Milliseconds since the epoch; drives the prompt cache's TTL. @default Date.now */
  clock?: () => number;
  /** Random source for `faults.random`. @default seededRandom(DEFAULT_SEED) */
  rng?: () => number;
  /** Writes summaries when a request asks for one. @default extractiveSummarizer() from `@cairn/memory` */
  summarizer?: Summarizer;
  /** Called after each request is answered, e.g. to log it. */
  onRequest?: (request: RecordedRequest) => void;
}

/** What the simulator saw and answered, one entry per HTTP request, in arrival order (filled in as it is answered). */
export interface RecordedRequest {
  readonly path: string;
  readonly body: unknown;
  readonly status: number;
  readonly fault: FaultType | undefined;
  readonly usage: Anthropic.Usage | undefined;
}

/** A running simulator. */
export interface Simulator {
  /** `http://127.0.0.1:<port>`: pass it as the SDK client's `baseURL`. */
  readonly baseURL: string;
  /** Every request so far, live. */
  readonly requests: readonly RecordedRequest[];
  close(): Promise<void>;
}

/** Seed of the default random source. */
export const DEFAULT_SEED = 1;

const MESSAGES = '/v1/messages';
const COUNT_TOKENS = '/v1/messages/count_tokens';

/**
 * Starts an Anthropic Messages API on 127.0.0.1: `POST /v1/messages` (JSON or SSE) and
 * `POST /v1/messages/count_tokens`, answered by the deterministic support-desk model, with the API's
 * validation, usage and prompt-cache accounting (token figures are `TokenCounter` estimates), and faults.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const faults = options.faults ?? {};
  const rng = options.rng ?? seededRandom(DEFAULT_SEED);
  const cache = new PromptCache(options.clock ?? Date.now);
  const models = new Map<string, RespondDeps>();
  const requests: RecordedRequest[] = [];
  let created = 0;

  // One counter per model (its tokenizer correction), shared by the summarizer so a summary fits max_tokens.
  const depsFor = (model: string): RespondDeps => {
    let deps = models.get(model);
    if (!deps) {
      const counter = new TokenCounter({ model });
      deps = { counter, summarizer: options.summarizer ?? extractiveSummarizer({ counter }) };
      models.set(model, deps);
    }
    return deps;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    const entry: { -readonly [K in keyof RecordedRequest]: RecordedRequest[K] } = {
      path,
      body: undefined,
      status: 200,
      fault: undefined,
      usage: undefined,
    };
    requests.push(entry);
    const headers = { 'request-id': `req_sim_${String(requests.length).padStart(6, '0')}` };
    try {
      if (req.method !== 'POST' || (path !== MESSAGES && path !== COUNT_TOKENS)) {
        throw new ApiError(
          404,
          'not_found_error',
          `Not found: ${req.method} ${path}; use POST ${MESSAGES} or ${COUNT_TOKENS}.`,
        );
      }
      entry.body = await readJsonBody(req);
      if (path === COUNT_TOKENS) {
        const request = validateRequest(entry.body, 'count');
        return sendJson(
          res,
          200,
          { input_tokens: total(promptUnits(request, depsFor(request.model).counter)) },
          headers,
        );
      }
      const n = ++created;
      const fault = pickFault(faults, n, rng);
      entry.fault = fault?.type;
      if (fault?.type === 'slow_first_byte') await sleep(fault.delayMs ?? DEFAULT_SLOW_FIRST_BYTE_MS);
      const failure = fault && faultResponse(fault);
      if (failure) {
        entry.status = failure.error.status;
        return sendJson(res, failure.error.status, failure.error.toJSON(), {
          ...headers,
          ...failure.headers,
        });
      }
      const request = validateRequest(entry.body, 'create');
      const deps = depsFor(request.model);
      const units = promptUnits(request, deps.counter);
      if (total(units) > request.spec.contextWindow) {
        throw ApiError.invalid(`prompt is too long: ${total(units)} tokens > ${request.spec.contextWindow} maximum`);
      }
      const split = cache.account(units, request.spec.minCacheableTokens);
      const message = apiMessage(n, request, await respond(request, deps), split);
      entry.usage = message.usage;
      const cut = fault?.type === 'stream_cut' ? fault : undefined;
      if (!request.stream) return sendJson(res, 200, message, headers, cut !== undefined);
      return sendEventStream(res, message, headers, cut);
    } catch (error) {
      const apiError =
        error instanceof ApiError
          ? error
          : new ApiError(500, 'api_error', `Simulator failure (a bug in @cairn/simulator; please report it): ${error}`);
      entry.status = apiError.status;
      return sendJson(res, apiError.status, apiError.toJSON(), headers);
    } finally {
      options.onRequest?.(entry);
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function apiMessage(n: number, request: SimRequest, reply: ModelReply, split: CacheUsage): Anthropic.Message {
  return {
    id: `msg_sim_${String(n).padStart(6, '0')}`,
    type: 'message',
    role: 'assistant',
    model: request.model,
    content: reply.content,
    stop_reason: reply.stopReason,
    stop_sequence: null,
    stop_details: null,
    container: null,
    diagnostics: null,
    usage: {
      input_tokens: split.uncached,
      cache_creation_input_tokens: split.write5m + split.write1h,
      cache_read_input_tokens: split.read,
      cache_creation: { ephemeral_5m_input_tokens: split.write5m, ephemeral_1h_input_tokens: split.write1h },
      output_tokens: reply.outputTokens,
      output_tokens_details: null,
      server_tool_use: null,
      service_tier: 'standard',
      inference_geo: null,
      speed: null,
    },
  };
}

function total(units: readonly PromptUnit[]): number {
  return units.reduce((sum, u) => sum + u.tokens, 0);
}
