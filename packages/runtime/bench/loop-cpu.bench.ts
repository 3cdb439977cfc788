/**
 * The loop's own CPU per turn, without HTTP: the same desk run through `createAgent` and as a bare loop, with
 * the model answered in this process by the simulator's `respond` (the function its server wraps), memoized:
 * a request seen before gets the answer `respond` gave it, read back from JSON, so that the simulator's own
 * work (most of a turn, and noisy) stays out of the figures and the difference between the two loops is the
 * loop's work alone. The desk repeats word for word, so the agent's token counts come from its cache: this is
 * the loop's machinery without counting new text. The figure to watch for regressions; `runtime.bench.ts`
 * gives the ratio over HTTP, with new text each run.
 * `pnpm bench loop-cpu`.
 */

import type Anthropic from '@anthropic-ai/sdk';
import { extractiveSummarizer, InMemorySessionStore, TokenCounter } from '@cairn/memory';
import { respond, validateRequest } from '@cairn/simulator';
import { interleave, report } from '../../../scripts/bench-kit.ts';
import type { ModelClient } from '../src/index.ts';
import { agentLoop, directLoop, MODEL } from './desk-loops.ts';

const deps = { counter: new TokenCounter({ model: MODEL }), summarizer: extractiveSummarizer() };

/** Each request's body as sent, and the reply `respond` gave it, as JSON. */
const answered = new Map<string, string>();

/**
 * The slice of the SDK client the loops use: the request as JSON (as the SDK sends it), the reply parsed from
 * JSON (as the SDK reads it), in a later turn of the event loop, as a reply from a socket would come.
 */
const client = {
  messages: {
    stream(params: Anthropic.MessageStreamParams) {
      const body = JSON.stringify({ ...params, stream: true });
      const later = new Promise((resolve) => setImmediate(resolve)).then(() => replyTo(body));
      return { on: () => {}, finalMessage: () => later };
    },
  },
} as unknown as ModelClient;

async function replyTo(body: string): Promise<Anthropic.Message> {
  let reply = answered.get(body);
  if (reply === undefined) {
    reply = JSON.stringify(await answer(JSON.parse(body)));
    answered.set(body, reply);
  }
  return JSON.parse(reply) as Anthropic.Message;
}

let calls = 0;
async function answer(body: unknown): Promise<Anthropic.Message> {
  const request = validateRequest(body, 'create');
  const reply = await respond(request, deps);
  const usage = { input_tokens: 1_000, output_tokens: reply.outputTokens };
  return {
    id: `msg_${++calls}`,
    type: 'message',
    role: 'assistant',
    model: request.model,
    content: reply.content,
    stop_reason: reply.stopReason,
    stop_sequence: null,
    usage: { ...usage, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 },
  } as Anthropic.Message;
}

const direct = () => directLoop(client);
const agent = (store: boolean) => agentLoop(client, store ? { store: new InMemorySessionStore() } : {});

const turns = await direct();
const measured = await interleave(
  [
    { name: `bare loop (${turns} turns)`, fn: direct },
    { name: 'createAgent, no store', fn: () => agent(false) },
    { name: 'createAgent, in-memory store', fn: () => agent(true) },
  ],
  { runs: 41, warmup: 10 },
);
report(
  'one desk run (3 tickets), answers of the simulator replayed in-process, whole run, cases interleaved',
  measured.samples,
);
if (answered.size !== turns) throw new Error(`the loops sent ${answered.size} different requests, not ${turns}`);
const perTurnUs = (i: number) => ((measured.samples[i]!.medianMs - measured.samples[0]!.medianMs) / turns) * 1_000;
console.log(
  `  the loop's own work per turn: ${perTurnUs(1).toFixed(0)} µs without a store, ${perTurnUs(2).toFixed(0)} µs ` +
    `with a save per step to an in-memory store (the bare loop's whole turn: ` +
    `${((measured.samples[0]!.medianMs / turns) * 1_000).toFixed(0)} µs)`,
);
