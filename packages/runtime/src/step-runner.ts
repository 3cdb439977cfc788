import type { ActorLogic, AnyActorRef, EventObject, Snapshot } from 'xstate';

/** The actor system of a running machine: what tells one run's steps from another's. */
export type RunSystem = AnyActorRef['system'];

/** The machine's three effects. */
export type StepName = 'compact' | 'sample' | 'act';

/** A step of the run: which one, for which turn. */
export interface PendingStep {
  readonly step: StepName;
  readonly turn: number;
}

/** What the runner answers: `compact.done`, `sample.done` or `act.done` with the step's output, or `step.failed`. */
export type StepReply = { readonly type: `${StepName}.done`; readonly output: unknown } | StepFailed;
export type StepFailed = { readonly type: 'step.failed'; readonly error: unknown };

/** The part of `agentMachine`'s snapshot that says which step is due. */
interface MachineState {
  readonly value: unknown;
  readonly context: { readonly turns: number };
}

/**
 * The step `agentMachine`'s state asks for: `compacting` before turn n + 1, `sampling` turn n + 1, `acting`
 * on the calls of turn n (n = `context.turns`, the replies so far); none in any other state.
 */
export function stepOf(state: MachineState): PendingStep | null {
  const { turns } = state.context;
  switch (state.value) {
    case 'compacting':
      return { step: 'compact', turn: turns + 1 };
    case 'sampling':
      return { step: 'sample', turn: turns + 1 };
    case 'acting':
      return { step: 'act', turn: turns };
    default:
      return null;
  }
}

/**
 * The actor that runs `agentMachine`'s effects: one for the whole run, invoked at the machine's root. It
 * follows the machine's state: as the machine enters a working state, it runs that state's step
 * ({@link stepOf}) with `run(step, system)` (`system`, the machine's actor system, tells the runs of one
 * machine apart) and answers the machine with `<step>.done` (the output) or `step.failed` (the error). A
 * machine restored from a saved snapshot is in the state whose step was under way, so the runner starts that
 * step again, as an invoked promise actor would.
 *
 * One long-lived actor that watches the machine's snapshots, rather than an actor invoked per state
 * (spawning and stopping two actors a turn was most of XState's cost) or an event sent to it from each
 * working state's entry (an event relayed, taken and answered by the runner as an actor, each turn twice:
 * ≈20 µs a turn, hot).
 */
export function stepRunner(
  run: (step: PendingStep, system: RunSystem) => Promise<unknown>,
  /** Told of a step's error before the machine is: where a run keeps the error itself (the machine, its text). */
  onFailure: (error: unknown, system: RunSystem) => void = () => {},
): ActorLogic<Snapshot<undefined>, EventObject> {
  return {
    // It takes no events; XState's own stop ends it.
    transition: (snapshot, event) => (event.type === 'xstate.stop' ? STOPPED : snapshot),
    start: (_, { self }) => {
      const machine = self._parent;
      if (machine === undefined) throw new Error('stepRunner: invoke it from agentMachine; it runs its steps');
      let last: PendingStep | null = null;
      const follow = (state: MachineState) => {
        const due = stepOf(state);
        // A snapshot in the same step (an abort noted, say) starts nothing.
        if (due === null || (last !== null && due.step === last.step && due.turn === last.turn)) return;
        last = due;
        stepPromise(run, due, self.system).then(
          (output) => answer(self, { type: `${due.step}.done`, output }),
          (error: unknown) => {
            onFailure(error, self.system);
            answer(self, { type: 'step.failed', error });
          },
        );
      };
      // The machine's failure is its driver's to report: noted here, it would be reported unhandled.
      machine.subscribe({ next: (state: MachineState) => follow(state), error: () => {} });
      // The machine's snapshot as the runner starts: fresh, the state its initial steps led to; restored, the
      // state saved.
      follow(machine.getSnapshot());
    },
    getInitialSnapshot: () => ({ status: 'active', output: undefined, error: undefined }),
    getPersistedSnapshot: (snapshot) => snapshot,
    restoreSnapshot: (snapshot) => snapshot as Snapshot<undefined>,
  };
}

/** The step's promise; a step that throws before it returns one fails like one that rejects. */
function stepPromise(
  run: (step: PendingStep, system: RunSystem) => Promise<unknown>,
  step: PendingStep,
  system: RunSystem,
): Promise<unknown> {
  try {
    return run(step, system);
  } catch (error) {
    return Promise.reject(error);
  }
}

const STOPPED: Snapshot<undefined> = { status: 'stopped', output: undefined, error: undefined };

/** Sends the machine the step's outcome, unless the runner was stopped meanwhile (the run is over). */
function answer(self: AnyActorRef, reply: StepReply): void {
  if (self.getSnapshot().status === 'active') self._parent?.send(reply);
}
