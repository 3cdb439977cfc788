import type { SessionStore } from '@cairn/memory';
import { createActor, type InspectionEvent, type Snapshot, type SnapshotFrom } from 'xstate';
import { AgentError } from './agent-error.ts';
import type { RunResult } from './agent-event.ts';
import { type AgentMachineInput, agentMachine } from './agent-machine.ts';
import type { AgentRun } from './agent-run.ts';
import { agentSteps, bindScope, type RunScope } from './agent-steps.ts';
import type { RunRecord } from './run-record.ts';
import { runSaves } from './run-saves.ts';
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
 * Runs `agentMachine` with the run's actors, saving the session (with a store: {@link runSaves}) as each step
 * begins and once more at the end, and settles `run` from the final state.
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
  const persisted = () => actor.getPersistedSnapshot() as unknown as RunRecord['snapshot'];
  const saves = options.store && runSaves(options.store, scope, options.record, persisted);
  if (saves) scope.checkpoint = saves.checkpoint;
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
    try {
      await saves?.end(failed ? (result.error ?? '') : undefined);
    } catch (error) {
      saveError = error;
    }
    if (!failed && saveError === undefined) return run.end({ result });
    const message = endMessage(scope.sessionId, result, saveError, saves !== undefined);
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
