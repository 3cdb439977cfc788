/**
 * The loop's overhead per turn: the same desk run through `createAgent` (machine, context manager, cache
 * breakpoints, ledger, a save per step to an in-memory store) and as a bare loop of direct SDK calls, both
 * against the simulator on loopback. `npx tsx scripts/bench.ts runtime` from the repository root.
 */

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import Anthropic from '@anthropic-ai/sdk';
import { InMemorySessionStore } from '@cairn/memory';
import { runToolCalls } from '@cairn/tools';
import { measure, report } from '../../../scripts/bench-kit.ts';
import { createAgent, withCacheBreakpoints } from '../src/index.ts';
import { DESK_SYSTEM, DESK_TASK, deskTools } from '../src/testing/desk-tools.ts';

const MODEL = 'claude-sonnet-4-6';
const sim = await simulatorProcess();
const client = new Anthropic({ baseURL: sim.baseURL, apiKey: 'bench', maxRetries: 0 });

/**
 * The simulator in a process of its own, as the API would be: in this process it would share the token
 * counter's cache with the agent and hide the cost of counting new text.
 */
async function simulatorProcess(): Promise<{ baseURL: string; close: () => void }> {
  const bin = new URL('../../simulator/bin/cairn-sim.js', import.meta.url).pathname;
  const child = spawn(process.execPath, [bin, '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  for await (const line of createInterface({ input: child.stdout })) {
    const url = /on (http:\/\/\S+)/.exec(line)?.[1];
    if (url) return { baseURL: url, close: () => child.kill() };
  }
  throw new Error('cairn-sim exited before it printed its address');
}

async function direct(): Promise<number> {
  const tools = deskTools();
  const messages: Anthropic.MessageParam[] = [{ role: 'user', content: DESK_TASK }];
  for (let turns = 1; ; turns++) {
    // The same request the agent sends, cache breakpoints included, so the simulator does the same work.
    const prompt = withCacheBreakpoints({
      system: DESK_SYSTEM,
      tools: tools.map((t) => t.definition),
      messages,
    });
    const message = await client.messages.stream({ model: MODEL, max_tokens: 4_096, ...prompt }).finalMessage();
    messages.push({ role: 'assistant', content: message.content });
    const calls = message.content.filter((b) => b.type === 'tool_use');
    if (calls.length === 0) return turns;
    messages.push({ role: 'user', content: await runToolCalls(calls, tools) });
  }
}

async function agent(store = true): Promise<number> {
  const run = createAgent({
    client,
    model: MODEL,
    system: DESK_SYSTEM,
    tools: deskTools(),
    recall: false,
    ...(store && { store: new InMemorySessionStore() }),
  }).run(DESK_TASK);
  return (await run.result()).turns;
}

const turns = await direct();
if ((await agent()) !== turns) throw new Error('the two loops took different numbers of turns');
const options = { runs: 15, warmup: 3 };
const bare = await measure(`direct SDK loop (${turns} turns)`, direct, options);
const loop = await measure(`createAgent run (${turns} turns)`, () => agent(), options);
const unsaved = await measure(`createAgent run, no store (${turns} turns)`, () => agent(false), options);
report('one desk run (3 tickets) against the simulator, whole run', [bare, loop, unsaved]);
const perTurn = (ms: number) => ms / turns;
console.log(
  `  per turn: direct ${perTurn(bare.medianMs).toFixed(2)} ms, agent ${perTurn(loop.medianMs).toFixed(2)} ms, ` +
    `overhead ${(perTurn(loop.medianMs) - perTurn(bare.medianMs)).toFixed(2)} ms, ratio ${(loop.medianMs / bare.medianMs).toFixed(3)} (target ≤ 1.10)`,
);
sim.close();
