/**
 * Why the agent keeps a reply's blocks as plain copies (`replyContent`): the desk's last request (45
 * messages) as the SDK streamed its replies, and with each reply's blocks copied, serialized as the SDK
 * serializes a request body, and each reply frozen as `append` freezes it. Hot figures, one process, the two
 * kinds measured side by side. `pnpm bench reply-blocks`.
 */

import Anthropic from '@anthropic-ai/sdk';
import { deepFreeze } from '@cairn/memory';
import { startSimulator } from '@cairn/simulator';
import { measure, report } from '../../../scripts/bench-kit.ts';
import type { ModelClient } from '../src/call-model.ts';
import { replyContent } from '../src/reply-content.ts';
import { directLoop } from './desk-loops.ts';

type Message = Anthropic.MessageParam;

const sim = await startSimulator({});
const sdk = new Anthropic({ baseURL: sim.baseURL, apiKey: 'bench', maxRetries: 0 });
let last: Message[] = [];
/** The SDK's client, noting each request's messages: the SDK's own reply objects among them. */
const client = {
  messages: {
    stream: (params: Anthropic.MessageStreamParams) => {
      last = params.messages;
      return sdk.messages.stream(params);
    },
  },
} as unknown as ModelClient;
/** The messages of each desk run's last request (40 runs), as the SDK's streamed replies left them. */
async function lastRequests(): Promise<Message[][]> {
  const requests: Message[][] = [];
  for (let batch = 1; batch <= 40; batch++) {
    await directLoop(client, { batch });
    requests.push(last);
  }
  return requests;
}
const requests = await lastRequests();
// Made again for the copies, so that freezing one kind leaves the other's tool inputs unfrozen.
const again = await lastRequests();
await sim.close();

/** The same messages, each reply's blocks copied as the agent keeps them. */
const copied = again.map((messages) =>
  messages.map((m) =>
    m.role === 'assistant' && typeof m.content !== 'string'
      ? { role: m.role, content: replyContent({ content: m.content } as Anthropic.Message, false) }
      : m,
  ),
);
if (JSON.stringify(copied) !== JSON.stringify(requests)) throw new Error('the copies serialize differently');

const serialize = (all: Message[][]) => () => {
  for (const messages of all) JSON.stringify({ model: 'claude-sonnet-4-6', max_tokens: 4_096, messages });
};
const replies = (all: Message[][]) => all.flatMap((messages) => messages.filter((m) => m.role === 'assistant'));
/** µs a reply, each frozen once (a reply cannot be frozen twice). */
const freezeOnce = (list: Message[]) => {
  const start = performance.now();
  for (const message of list) deepFreeze(message);
  return ((performance.now() - start) * 1_000) / list.length;
};

const samples = [
  await measure(`serialize 40 requests of ${requests[0]!.length} messages, SDK blocks`, serialize(requests)),
  await measure('serialize 40 requests, blocks copied', serialize(copied)),
];
report('the desk’s last request, hot, medians', samples);
console.log(
  `  freezing a reply (once each, ${replies(requests).length} replies): SDK blocks ` +
    `${freezeOnce(replies(requests)).toFixed(2)} µs, copied ${freezeOnce(replies(copied)).toFixed(2)} µs; ` +
    `serializing: ${(samples[0]!.medianMs / samples[1]!.medianMs).toFixed(2)}× as long with SDK blocks`,
);
