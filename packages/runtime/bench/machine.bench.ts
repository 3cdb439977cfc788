/**
 * XState's own part of a turn: `agentMachine` driven through a 23-turn run by a step runner whose steps
 * answer at once (a reply asking for a tool, then the tools, until the last reply). What is left is the
 * machine: its transitions, the messages to and from the step runner, the snapshots. The floor of the loop's
 * overhead, whatever the steps cost. `pnpm bench machine`.
 */

import { createActor } from 'xstate';
import { measure, report } from '../../../scripts/bench-kit.ts';
import { agentMachine, type StepOutput } from '../src/agent-machine.ts';
import { stepRunner } from '../src/step-runner.ts';

const TURNS = 23;
const step: StepOutput = { spent: { costUsd: 0, inputTokens: 0 }, needsCompaction: false };

let turns = 0;
// Provided once, as the runtime does: XState works out a machine's transitions on its first run.
const machine = agentMachine.provide({
  actors: {
    steps: stepRunner(async ({ step: name }) => {
      if (name !== 'sample') return step;
      turns += 1;
      return { ...step, stopReason: turns < TURNS ? 'tool_use' : 'end_turn', text: '' };
    }),
  },
});

async function run(): Promise<void> {
  turns = 0;
  const actor = createActor(machine, {
    input: { maxIterations: 100, budget: {}, needsCompaction: false },
  });
  await new Promise<void>((resolve) => {
    actor.subscribe((snapshot) => {
      if (snapshot.status === 'done') resolve();
    });
    actor.start();
  });
  if (turns !== TURNS || actor.getSnapshot().value !== 'done') throw new Error(`the run ended after ${turns} turns`);
}

const sample = await measure(`agentMachine, ${TURNS} turns, instant steps`, run, { runs: 300, warmup: 100 });
report('the machine alone', [sample]);
console.log(`  per turn: ${((sample.medianMs / TURNS) * 1_000).toFixed(1)} µs`);
