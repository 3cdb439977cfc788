import { describe, expect, it } from 'vitest';
import { assign, createActor, setup, toPromise } from 'xstate';
import { fromStep } from './step-actor.ts';

/** A machine that runs one step and ends `ok` with its output, or `failed` with its error's message. */
function oneStep(step: (args: { input: { n: number } }) => Promise<number>) {
  return setup({ actors: { step: fromStep(step) } }).createMachine({
    initial: 'running',
    context: { result: 0, error: '' },
    states: {
      running: {
        invoke: {
          src: 'step',
          input: { n: 20 },
          onDone: { target: 'ok', actions: assign({ result: ({ event }) => event.output }) },
          onError: { target: 'failed', actions: assign({ error: ({ event }) => String(event.error) }) },
        },
      },
      ok: { type: 'final' },
      failed: { type: 'final' },
    },
  });
}

describe('fromStep', () => {
  it('gives the step its input and the machine its output', async () => {
    const actor = createActor(oneStep(async ({ input }) => input.n + 1)).start();
    await toPromise(actor);
    expect(actor.getSnapshot().value).toBe('ok');
    expect(actor.getSnapshot().context.result).toBe(21);
  });

  it('reports a rejected step as the actor error', async () => {
    const actor = createActor(oneStep(async () => Promise.reject(new Error('tool broke')))).start();
    await toPromise(actor);
    expect(actor.getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.error).toBe('Error: tool broke');
  });

  it('starts the step again, with the same input, from a snapshot persisted while it ran', async () => {
    const inputs: number[] = [];
    let settle: (n: number) => void = () => {};
    const pending = (args: { input: { n: number } }) => {
      inputs.push(args.input.n);
      return new Promise<number>((resolve) => {
        settle = resolve;
      });
    };
    const first = createActor(oneStep(pending)).start();
    const persisted = JSON.parse(JSON.stringify(first.getPersistedSnapshot()));
    first.stop();
    settle(1); // a stopped actor's step settling later changes nothing
    expect(first.getSnapshot().status).toBe('stopped');

    const restored = createActor(oneStep(pending), { snapshot: persisted }).start();
    settle(7);
    await toPromise(restored);
    expect(inputs).toEqual([20, 20]);
    expect(restored.getSnapshot().context.result).toBe(7);
  });
});
