import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Anthropic from '@anthropic-ai/sdk';

/** One scripted answer: a reply (content and stop reason) or an HTTP error status. */
export type ScriptedAnswer =
  | { readonly content: Anthropic.ContentBlock[]; readonly stopReason: Anthropic.StopReason }
  | { readonly status: number };

/**
 * A Messages API on loopback that streams the scripted answers in order (the last one repeats), for stop
 * reasons and errors the simulator's model never produces. Records each request body.
 */
export async function startScriptedApi(answers: readonly ScriptedAnswer[]) {
  const requests: Anthropic.MessageCreateParams[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Anthropic.MessageCreateParams);
      const answer = answers[Math.min(requests.length, answers.length) - 1]!;
      if ('status' in answer) {
        res.writeHead(answer.status, { 'content-type': 'application/json', 'x-should-retry': 'false' });
        return res.end(JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'scripted' } }));
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(sse(answer.content, answer.stopReason, requests.length));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function sse(content: readonly Anthropic.ContentBlock[], stopReason: Anthropic.StopReason, n: number): string {
  const usage = {
    input_tokens: 100,
    output_tokens: 10,
    cache_read_input_tokens: 0,
    cache_creation_input_tokens: 0,
  };
  const events: unknown[] = [
    {
      type: 'message_start',
      message: {
        id: `msg_${n}`,
        type: 'message',
        role: 'assistant',
        model: 'scripted',
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage,
      },
    },
  ];
  content.forEach((block, index) => {
    if (block.type === 'text') {
      events.push({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
      events.push({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: block.text } });
    } else if (block.type === 'tool_use') {
      events.push({ type: 'content_block_start', index, content_block: { ...block, input: {} } });
      events.push({
        type: 'content_block_delta',
        index,
        delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input) },
      });
    }
    events.push({ type: 'content_block_stop', index });
  });
  events.push({ type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage });
  events.push({ type: 'message_stop' });
  return events.map((e) => `event: ${(e as { type: string }).type}\ndata: ${JSON.stringify(e)}\n\n`).join('');
}

/** A text block, as the API returns it. */
export function text(value: string): Anthropic.TextBlock {
  return { type: 'text', text: value, citations: null };
}
