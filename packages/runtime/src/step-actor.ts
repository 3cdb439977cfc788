import type { PromiseActorLogic, PromiseSnapshot } from 'xstate';

const DONE = 'cairn.step.done';
const FAILED = 'cairn.step.failed';

/**
 * Actor logic for one step of the agent loop: `run(input)` is started when the machine invokes the step,
 * and its result is the actor's output (or its rejection the actor's error), exactly as XState's
 * `fromPromise` does. Unlike `fromPromise` it makes no `AbortController` per invocation, two for every turn,
 * which the steps never read: a run is aborted through its own signal.
 */
export function fromStep<TOutput, TInput>(run: (args: { input: TInput }) => Promise<TOutput>) {
  const logic: PromiseActorLogic<TOutput, TInput> = {
    transition: (snapshot, event) => {
      if (snapshot.status !== 'active') return snapshot;
      switch (event.type) {
        case DONE:
          return { status: 'done', output: event.output as TOutput, error: undefined, input: undefined };
        case FAILED:
          return { status: 'error', output: undefined, error: event.error, input: undefined };
        case 'xstate.stop':
          return { ...snapshot, status: 'stopped', input: undefined };
        default:
          return snapshot;
      }
    },
    start: (snapshot, { self }) => {
      if (snapshot.status !== 'active') return;
      const settle = (event: { type: string; output?: unknown; error?: unknown }) => {
        if (self.getSnapshot().status === 'active') self.send(event);
      };
      run({ input: snapshot.input as TInput }).then(
        (output) => settle({ type: DONE, output }),
        (error: unknown) => settle({ type: FAILED, error }),
      );
    },
    getInitialSnapshot: (_, input): PromiseSnapshot<TOutput, TInput> => ({
      status: 'active',
      output: undefined,
      error: undefined,
      input,
    }),
    getPersistedSnapshot: (snapshot) => snapshot,
    restoreSnapshot: (snapshot) => snapshot as PromiseSnapshot<TOutput, TInput>,
  };
  return logic;
}
