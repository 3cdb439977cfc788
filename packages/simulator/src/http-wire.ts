import type { IncomingMessage, ServerResponse } from 'node:http';
import type Anthropic from '@anthropic-ai/sdk';
import { ApiError } from './api-error.ts';
import { encodeEvent, messageEvents } from './sse-events.ts';

/** The API's request size limit. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** The request body parsed as JSON (`undefined` when empty), or a 400/413 `ApiError`. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES)
      throw new ApiError(413, 'request_too_large', 'Request exceeds the maximum size of 32 MB.');
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw ApiError.invalid('The request body is not valid JSON; send a JSON object.');
  }
}

/** Writes a JSON response; with `cut`, only its first half, then drops the connection. */
export function sendJson(
  res: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string>,
  cut = false,
): void {
  if (res.destroyed) return;
  const body = JSON.stringify(payload);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  if (cut) res.write(body.slice(0, Math.floor(body.length / 2)), () => res.destroy());
  else res.end(body);
}

/**
 * Writes a message as the API's SSE stream; with `cut`, only its first `afterEvents` events (default: half,
 * at least one, never all), then drops the connection.
 */
export function sendEventStream(
  res: ServerResponse,
  message: Anthropic.Message,
  headers: Record<string, string>,
  cut?: { readonly afterEvents?: number },
): void {
  if (res.destroyed) return;
  const events = messageEvents(message);
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers });
  if (!cut) return void res.end(events.map(encodeEvent).join(''));
  const count = Math.max(1, Math.min(events.length - 1, cut.afterEvents ?? Math.floor(events.length / 2)));
  res.write(events.slice(0, count).map(encodeEvent).join(''), () => res.destroy());
}
