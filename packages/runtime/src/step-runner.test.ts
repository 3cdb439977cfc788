import { describe, expect, it } from 'vitest';
import { assign, createActor, setup, toPromise } from 'xstate';
import { type PendingStep, type StepReply, stepOf, stepRunner } from './step-runner.ts';

/**
 * A machine in `acting` after three replies (so the runner runs `act` of turn 3); it ends `ok` with the
 * output or `failed`, and takes `note` events that change its context but not its state.
 */
function oneStep(run: (step: PendingStep) => Promise<unknown>, onFailure?: (error: unknown) => void) {
  return setup({
    types: {
      context: {} as { turns: number; output: unknown; error: string; notes: number },
      events: {} as StepReply | { type: 'note' },
    },
    actors: { steps: stepRunner(run, onFailure) },
  }).createMachine({
    context: { turns: 3, output: null, error: '', notes: 0 },
    invoke: { id: 'steps', src: 'steps' },
    initial: 'acting',
    states: {
      acting: {
        on: {
          'act.done': { target: 'ok', actions: assign({ output: ({ event }) => event.output }) },
          'step.failed': { target: 'failed', actions: assign({ error: ({ event }) => String(event.error) }) },
          note: { actions: assign({ notes: ({ context }) => context.notes + 1 }) },
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

describe('stepOf', () => {
  it("names the step of agentMachine's working states: compact and sample for the next turn, act for this one", () => {
    const at = (value: string) => stepOf({ value, context: { turns: 2 } });
    expect(at('compacting')).toEqual({ step: 'compact', turn: 3 });
    expect(at('sampling')).toEqual({ step: 'sample', turn: 3 });
    expect(at('acting')).toEqual({ step: 'act', turn: 2 });
    expect([at('preparing'), at('done'), at('stopped'), at('failed')]).toEqual([null, null, null, null]);
  });
});

describe('stepRunner', () => {
  it('runs the step of the state the machine is in and answers <step>.done with its output', async () => {
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

  it('fails a step that throws before returning a promise alike, telling onFailure before the machine', async () => {
    const heard: string[] = [];
    const actor = createActor(
      oneStep(
        () => {
          throw new Error('no scope');
        },
        (error) => heard.push(`${String(error)} while ${actor.getSnapshot().value}`),
      ),
    ).start();
    await toPromise(actor);
    expect(heard).toEqual(['Error: no scope while acting']);
    expect(actor.getSnapshot()).toMatchObject({ value: 'failed', context: { error: 'Error: no scope' } });
  });

  it('starts nothing more for a snapshot that stays in the same step', async () => {
    const held = heldStep();
    const actor = createActor(oneStep(held.run)).start();
    actor.send({ type: 'note' });
    actor.send({ type: 'note' });
    held.settle('once');
    await toPromise(actor);
    expect(held.asked).toEqual([{ step: 'act', turn: 3 }]);
    expect(actor.getSnapshot()).toMatchObject({ value: 'ok', context: { notes: 2, output: 'once' } });
  });

  it("runs the step again when the machine is restored from a snapshot saved in that step's state", async () => {
    const held = heldStep();
    const first = createActor(oneStep(held.run)).start();
    const saved = JSON.parse(JSON.stringify(first.getPersistedSnapshot()));
    expect(saved.value).toBe('acting');
    first.stop();
    held.settle('late'); // the stopped run's step settling later reaches no one
    await Promise.resolve();
    expect(first.getSnapshot()).toMatchObject({ status: 'stopped', value: 'acting' });

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
