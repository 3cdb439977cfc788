import { deepFreeze, type SessionStore } from '@cairn/memory';
import { createActor, type InspectionEvent, type Snapshot, type SnapshotFrom } from 'xstate';
import { AgentError } from './agent-error.ts';
import type { RunResult } from './agent-event.ts';
import { type AgentMachineInput, agentMachine } from './agent-machine.ts';
import type { AgentRun } from './agent-run.ts';
import { agentSteps, bindScope, type RunScope } from './agent-steps.ts';
import type { RunRecord } from './run-record.ts';
import { totalUsage } from './total-usage.ts';

/** The machine with its step runner, built once: XState works out a machine's transitions once, on first use. */
const machineWithSteps = agentMachine.provide({ actors: { steps: agentSteps } });

/** How a run begins: a fresh machine from `input`, or one restored from a saved `snapshot` (input unused). */
export interface RunStart {
  readonly input: AgentMachineInput;
  readonly snapshot: RunRecord['snapshot'] | undefined;
}

export interface DriveOptions {
  readonly store: SessionStore | undefined;
  /** The run record's fields besides the snapshot. */
  readonly record: Omit<RunRecord, 'snapshot'>;
  readonly inspect: ((event: InspectionEvent) => void) | undefined;
}

/**
 * Runs `agentMachine` with the run's actors, saving the session as each step begins (the state entered
 * and the conversation so far) and once more at the end, and settles `run` from the final state.
 */
export function driveRun(run: AgentRun, scope: RunScope, start: RunStart, options: DriveOptions): void {
  const snapshot = start.snapshot as unknown as Snapshot<unknown> | undefined;
  // Without an inspector XState builds no inspection events: pass one only when asked.
  const actor = createActor(machineWithSteps, {
    input: start.input,
    ...(options.inspect && { inspect: options.inspect }),
    ...(snapshot && { snapshot }),
  });
  bindScope(actor.system, scope);
  // A step that changed nothing (a prepare() that did not compact, say) resumes the same from the
  // previous save, so that save is skipped; the final save always happens.
  let savedVersion = '';
  // The machine as the running step began: a failed run is saved so, for `resume` to try that step again.
  let stepStart: RunRecord['snapshot'] | undefined;
  // A frozen copy, the same for every save of this run: a session store copies it once.
  const record = deepFreeze(JSON.parse(JSON.stringify(options.record)) as DriveOptions['record']);
  const save = async (machine: RunRecord, force = false) => {
    if (!options.store) return;
    const version = `${scope.manager.transcript.length}:${scope.manager.events.length}:${scope.ledger.length}`;
    if (!force && version === savedVersion) return;
    savedVersion = version;
    await options.store.save({
      id: scope.sessionId,
      conversation: scope.manager.toJSON(),
      machine,
      usage: scope.ledger,
    });
  };
  const persisted = () => actor.getPersistedSnapshot() as unknown as RunRecord['snapshot'];
  // The actor starts its step before the machine's snapshot is handed out: wait for it, then save.
  if (options.store) {
    scope.checkpoint = () =>
      Promise.resolve().then(() => {
        stepStart = persisted();
        return save({ ...record, snapshot: stepStart });
      });
  }
  scope.emit = (event) => run.push(event);

  const abort = () => actor.send({ type: 'abort' });
  scope.signal?.addEventListener('abort', abort, { once: true });
  actor.subscribe({
    next: (snapshot) => {
      if (snapshot.status !== 'done') return;
      scope.signal?.removeEventListener('abort', abort);
      void finish(snapshot);
    },
    error: (error) =>
      run.end({
        error: new AgentError(`the run stopped on an internal error: ${String(error)}`, scope.sessionId, {
          cause: error,
        }),
      }),
  });
  const finish = async (snapshot: SnapshotFrom<typeof agentMachine>) => {
    const result = runResult(scope, snapshot, options.record.runStart.events);
    const failed = result.status === 'failed';
    let saveError: unknown;
    if (options.store) {
      // A failed run is saved as its failing step began, and why: `resume` runs that step again.
      const end =
        failed && stepStart ? { snapshot: stepStart, failure: result.error ?? '' } : { snapshot: persisted() };
      try {
        await save({ ...record, ...end }, true);
      } catch (error) {
        saveError = error;
      }
    }
    if (!failed && saveError === undefined) return run.end({ result });
    const message = endMessage(scope.sessionId, result, saveError, options.store !== undefined);
    const cause = failed ? (scope.failure ?? saveError) : saveError;
    run.end({ error: new AgentError(message, scope.sessionId, { cause, result }) });
  };
  actor.start();
  if (scope.signal?.aborted) abort();
}

/** Why a run did not end well: it failed (and whether `resume` can run that step again), or its last save did. */
function endMessage(id: string, result: RunResult, saveError: unknown, stored: boolean): string {
  if (result.status !== 'failed') {
    return (
      `run of session "${id}" ended ${result.status}, but saving its end failed (${String(saveError)}): the ` +
      "store holds the step before; the run's result is this error's `result`"
    );
  }
  if (!stored) {
    return (
      `run of session "${id}" failed: ${result.error}. This agent has no store, so the run cannot be resumed: ` +
      'give the agent a store to resume a failed run once its cause is fixed'
    );
  }
  return (
    `run of session "${id}" failed: ${result.error}. Its last step is saved: fix the cause, then call ` +
    `agent.resume("${id}") to run that step again`
  );
}

function runResult(scope: RunScope, snapshot: SnapshotFrom<typeof agentMachine>, eventsStart: number): RunResult {
  const { context } = snapshot;
  const entries = scope.ledger.slice(scope.ledgerStart);
  const total = totalUsage(entries);
  return {
    sessionId: scope.sessionId,
    status: snapshot.value as RunResult['status'],
    stopReason: context.stopReason ?? 'error',
    text: context.text,
    turns: context.turns,
    usage: { main: totalUsage(entries, 'main'), summarizer: totalUsage(entries, 'summarizer'), total },
    costUsd: total.costUsd,
    costUsdUncached: total.costUsdUncached,
    compactions: scope.manager.events.slice(eventsStart).filter((e) => e.type === 'compaction'),
    ...(context.error !== null && { error: context.error }),
  };
}
