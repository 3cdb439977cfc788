import { describe, expect, it } from 'vitest';
import { assign, createActor, sendTo, setup, toPromise } from 'xstate';
import { type PendingStep, type StepReply, stepRunner } from './step-runner.ts';

/** A machine that asks its runner for one `act` step of turn 3 and ends `ok` with the output or `failed`. */
function oneStep(run: (step: PendingStep) => Promise<unknown>) {
  return setup({
    types: { context: {} as { output: unknown; error: string }, events: {} as StepReply },
    actors: { steps: stepRunner(run) },
  }).createMachine({
    context: { output: null, error: '' },
    invoke: { id: 'steps', src: 'steps' },
    initial: 'working',
    states: {
      working: {
        entry: sendTo('steps', { type: 'run', step: 'act', turn: 3 }),
        on: {
          'act.done': { target: 'ok', actions: assign({ output: ({ event }) => event.output }) },
          'step.failed': { target: 'failed', actions: assign({ error: ({ event }) => String(event.error) }) },
        },
      },
      ok: { type: 'final' },
      failed: { type: 'final' },
    },
  });
}

/** A step that waits to be settled by hand, recording what it was asked. */
function heldStep() {
  const asked: PendingStep[] = [];
  let settle: (output: unknown) => void = () => {};
  const run = (step: PendingStep) => {
    asked.push(step);
    return new Promise<unknown>((resolve) => {
      settle = resolve;
    });
  };
  return { asked, run, settle: (output: unknown) => settle(output) };
}

describe('stepRunner', () => {
  it('runs the step asked for and answers <step>.done with its output', async () => {
    const asked: PendingStep[] = [];
    const actor = createActor(
      oneStep(async (step) => {
        asked.push(step);
        return { results: 2 };
      }),
    ).start();
    await toPromise(actor);
    expect(asked).toEqual([{ step: 'act', turn: 3 }]);
    expect(actor.getSnapshot()).toMatchObject({ value: 'ok', context: { output: { results: 2 } } });
  });

  it('answers step.failed with the error of a step that rejects', async () => {
    const actor = createActor(oneStep(async () => Promise.reject(new Error('tool broke')))).start();
    await toPromise(actor);
    expect(actor.getSnapshot()).toMatchObject({ value: 'failed', context: { error: 'Error: tool broke' } });
  });

  it('keeps the step it is on in its snapshot, and runs it again when restored from a saved one', async () => {
    const held = heldStep();
    const first = createActor(oneStep(held.run)).start();
    const saved = JSON.parse(JSON.stringify(first.getPersistedSnapshot()));
    expect(saved.children.steps.snapshot.pending).toEqual({ step: 'act', turn: 3 });
    first.stop();
    held.settle('late'); // the stopped run's step settling later reaches no one
    await Promise.resolve();
    expect(first.getSnapshot()).toMatchObject({ status: 'stopped', value: 'working' });

    const restored = createActor(oneStep(held.run), { snapshot: saved }).start();
    held.settle('again');
    await toPromise(restored);
    expect(held.asked).toEqual([
      { step: 'act', turn: 3 },
      { step: 'act', turn: 3 },
    ]);
    expect(restored.getSnapshot().context.output).toBe('again');
  });
});
