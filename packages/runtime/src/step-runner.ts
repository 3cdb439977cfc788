import type { ActorLogic, AnyActorRef, Snapshot } from 'xstate';

/** The actor system of a running machine: what tells one run's steps from another's. */
export type RunSystem = AnyActorRef['system'];

/** The machine's three effects. */
export type StepName = 'compact' | 'sample' | 'act';

/** A step asked of the runner: which one, for which turn. */
export interface PendingStep {
  readonly step: StepName;
  readonly turn: number;
}

/** The runner's state: the step it is working on, saved with the machine so that a resumed run restarts it. */
export type RunnerSnapshot = Snapshot<undefined> & { readonly pending: PendingStep | null };

/** What the machine sends the runner as it enters a working state. */
export type RunStep = { readonly type: 'run' } & PendingStep;

/** What the runner answers: `compact.done`, `sample.done` or `act.done` with the step's output, or `step.failed`. */
export type StepReply = { readonly type: `${StepName}.done`; readonly output: unknown } | StepFailed;
export type StepFailed = { readonly type: 'step.failed'; readonly error: unknown };

/**
 * The actor that runs the machine's effects: one for the whole run, invoked at the machine's root. Each
 * working state sends it `{ type: 'run', step, turn }` on entry; it runs `run(step, system)` (`system`, the
 * machine's actor system, tells the runs of one machine apart) and answers the machine with `<step>.done`
 * (the output) or `step.failed` (the error). The step it is on is part of its snapshot: restored from a
 * saved snapshot, it starts that step again, as an invoked promise actor would.
 *
 * One long-lived actor rather than a promise actor invoked per state: spawning and stopping an actor for
 * each step was most of XState's cost per turn (two actors a turn).
 */
export function stepRunner(
  run: (step: PendingStep, system: RunSystem) => Promise<unknown>,
): ActorLogic<RunnerSnapshot, RunStep> {
  const start = (pending: PendingStep, self: AnyActorRef) => {
    run(pending, self.system).then(
      (output) => answer(self, { type: `${pending.step}.done`, output }),
      (error: unknown) => answer(self, { type: 'step.failed', error }),
    );
  };
  return {
    transition: (snapshot, event, { self, defer }) => {
      if (snapshot.status !== 'active') return snapshot;
      if ((event.type as string) === 'xstate.stop') return { ...snapshot, status: 'stopped' };
      if (event.type !== 'run') return snapshot;
      const pending = { step: event.step, turn: event.turn };
      defer(() => start(pending, self));
      // Written out: `{ ...snapshot, pending }` takes V8's slow path (see agent-machine.ts).
      return { status: 'active', output: undefined, error: undefined, pending };
    },
    start: (snapshot, { self }) => {
      if (snapshot.status === 'active' && snapshot.pending) start(snapshot.pending, self);
    },
    getInitialSnapshot: () => ({ status: 'active', output: undefined, error: undefined, pending: null }),
    getPersistedSnapshot: (snapshot) => snapshot,
    restoreSnapshot: (snapshot) => snapshot as RunnerSnapshot,
  };
}

/** Sends the machine the step's outcome, unless the runner was stopped meanwhile (the run is over). */
function answer(self: AnyActorRef, reply: StepReply): void {
  if (self.getSnapshot().status === 'active') self._parent?.send(reply);
}
