/**
 * The loop's own CPU per turn, without HTTP: the same desk run through `createAgent` and as a bare loop, with
 * the model answered in this process by the simulator's `respond` (the function its server wraps), so the
 * difference between the two is the loop's work alone, free of the network's noise. The figure to watch
 * for regressions; `runtime.bench.ts` gives the ratio over HTTP. `pnpm bench loop-cpu`.
 */

import type Anthropic from '@anthropic-ai/sdk';
import { extractiveSummarizer, InMemorySessionStore, TokenCounter } from '@cairn/memory';
import { respond, validateRequest } from '@cairn/simulator';
import { interleave, report } from '../../../scripts/bench-kit.ts';
import type { ModelClient } from '../src/index.ts';
import { agentLoop, directLoop, MODEL } from './desk-loops.ts';

const deps = { counter: new TokenCounter({ model: MODEL }), summarizer: extractiveSummarizer() };

/**
 * The slice of the SDK client the loops use, answered by `respond` from a JSON copy of the request, in a later
 * turn of the event loop, as a reply from a socket would come.
 */
const client = {
  messages: {
    stream(params: Anthropic.MessageStreamParams) {
      const message = answer(JSON.parse(JSON.stringify({ ...params, stream: true })));
      const later = new Promise((resolve) => setImmediate(resolve)).then(() => message);
      return { on: () => {}, finalMessage: () => later };
    },
  },
} as unknown as ModelClient;

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
const agent = (store: boolean) => agentLoop(client, store ? new InMemorySessionStore() : undefined);

const turns = await direct();
const measured = await interleave(
  [
    { name: `bare loop (${turns} turns)`, fn: direct },
    { name: 'createAgent, no store', fn: () => agent(false) },
    { name: 'createAgent, in-memory store', fn: () => agent(true) },
  ],
  { runs: 41, warmup: 10 },
);
report('one desk run (3 tickets), model answered in-process, whole run, cases interleaved', measured.samples);
const perTurnUs = (i: number) => ((measured.samples[i]!.medianMs - measured.samples[0]!.medianMs) / turns) * 1_000;
console.log(
  `  the loop's own work per turn: ${perTurnUs(1).toFixed(0)} µs without a store, ${perTurnUs(2).toFixed(0)} µs ` +
    `with a save per step to an in-memory store (the bare loop's turn, model included: ` +
    `${((measured.samples[0]!.medianMs / turns) * 1_000).toFixed(0)} µs)`,
);
