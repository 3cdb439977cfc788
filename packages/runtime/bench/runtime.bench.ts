/**
 * The loop's overhead per turn: the same desk run through `createAgent` (machine, context manager, cache
 * breakpoints, ledger, events) and as a bare loop of direct SDK calls, both against the simulator on
 * loopback, measured side by side: without a store, with a save per step to an in-memory store, and to files
 * (an fsync per save: the price of durability). Each ratio comes with a 95% interval from resampling the
 * rounds: on a shared machine the rounds vary by half, and the interval says how far the ratio can be
 * trusted. `pnpm bench runtime` from the repository root.
 */

import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Anthropic from '@anthropic-ai/sdk';
import { FileSessionStore, InMemorySessionStore, type SessionStore } from '@cairn/memory';
import { interleave, ratioInterval, report } from '../../../scripts/bench-kit.ts';
import { agentLoop, directLoop } from './desk-loops.ts';

const pinned = pinToCore0();
const sim = await simulatorProcess();
const client = new Anthropic({ baseURL: sim.baseURL, apiKey: 'bench', maxRetries: 0 });

/**
 * The simulator in a process of its own, as the API would be: in this process it would share the token
 * counter's cache with the agent and hide the cost of counting new text. Where `taskset` can, this process
 * runs on core 0 and the simulator on core 1, as the API would run on a machine of its own: unpinned, the
 * two (and V8's helper threads) take turns on the cores, and the loops' figures measure that.
 */
/** Moves this process, all its threads, to core 0 when there are two cores or more and `taskset` works. */
function pinToCore0(): boolean {
  if (availableParallelism() < 2) return false;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function simulatorProcess(): Promise<{ baseURL: string; close: () => void }> {
  const bin = new URL('../../simulator/bin/cairn-sim.js', import.meta.url).pathname;
  const command = [process.execPath, bin, '--port', '0', '--quiet'];
  if (pinned) command.unshift('taskset', '-c', '1');
  const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
  for await (const line of createInterface({ input: child.stdout })) {
    const url = /on (http:\/\/\S+)/.exec(line)?.[1];
    if (url) return { baseURL: url, close: () => child.kill() };
  }
  throw new Error('cairn-sim exited before it printed its address');
}

/**
 * Each run works new tickets (the desk renumbered, a batch a run): every message is new text, whose tokens
 * the agent counts as it would in real use, not text counted in an earlier run and cached.
 */
let batch = 1_000;
const direct = () => directLoop(client, { batch: ++batch });
const agent = (store?: SessionStore) => agentLoop(client, { batch: ++batch, ...(store && { store }) });

const directory = mkdtempSync(join(tmpdir(), 'cairn-bench-'));
const turns = await direct();
if ((await agent(new InMemorySessionStore())) !== turns)
  throw new Error('the two loops took different numbers of turns');
const measured = await interleave(
  [
    { name: `direct SDK loop (${turns} turns)`, fn: direct },
    { name: 'createAgent, in-memory store', fn: () => agent(new InMemorySessionStore()) },
    { name: 'createAgent, no store', fn: () => agent() },
    { name: 'createAgent, file store', fn: () => agent(new FileSessionStore({ dir: directory })) },
  ],
  { runs: 91, warmup: 3 },
);
rmSync(directory, { recursive: true, force: true });
sim.close();
const where = pinned ? 'this process on core 0, the simulator on core 1' : 'processes not pinned';
report(`one desk run (3 tickets) against the simulator (${where}), whole run, cases interleaved`, measured.samples);
const perTurnMs = (i: number) => measured.samples[i]!.medianMs / turns;
const ratio = (i: number) => {
  const [low, high] = ratioInterval(measured, i, 0);
  const point = measured.samples[i]!.medianMs / measured.samples[0]!.medianMs;
  return `${point.toFixed(3)} (95% interval ${low.toFixed(2)}–${high.toFixed(2)})`;
};
console.log(
  `  per turn: direct ${perTurnMs(0).toFixed(2)} ms; overhead ${overheadUs(2)} µs without a store, ` +
    `${overheadUs(1)} µs with an in-memory store, ${overheadUs(3)} µs with files\n` +
    `  ratio of medians to the direct loop (target ≤ 1.10): no store ${ratio(2)}, in-memory store ${ratio(1)}, ` +
    `file store ${ratio(3)}`,
);

function overheadUs(i: number): string {
  return ((perTurnMs(i) - perTurnMs(0)) * 1_000).toFixed(0);
}
