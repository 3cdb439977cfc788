import { deepFreeze, type SessionStore } from '@cairn/memory';
import type { RunScope } from './agent-steps.ts';
import type { RunRecord } from './run-record.ts';

/** A run's saves: as each step begins, and once at the end. */
export interface RunSaves {
  /** Saves the session with the machine in the step now begun. */
  checkpoint(): Promise<void>;
  /**
   * The last save: a run that failed (`failure`, why) as its failing step began, so that `resume` runs that
   * step again; any other run as it ended.
   */
  end(failure: string | undefined): Promise<void>;
}

/**
 * Saves one run's session through `store`: the conversation, the ledger and the run record with the machine
 * snapshot `persisted()` hands out. A step that changed nothing since the previous save (a `prepare()` that
 * did not compact, say) resumes the same from it, so it is not saved again; the last save always happens.
 */
export function runSaves(
  store: SessionStore,
  scope: RunScope,
  runRecord: Omit<RunRecord, 'snapshot'>,
  persisted: () => RunRecord['snapshot'],
): RunSaves {
  // A frozen copy, the same for every save of this run: a session store copies it once.
  const record = deepFreeze(JSON.parse(JSON.stringify(runRecord)) as typeof runRecord);
  let savedVersion = '';
  // The machine as the running step began.
  let stepStart: RunRecord['snapshot'] | undefined;
  const save = async (machine: RunRecord, force: boolean) => {
    const version = `${scope.manager.transcript.length}:${scope.manager.events.length}:${scope.ledger.length}`;
    if (!force && version === savedVersion) return;
    savedVersion = version;
    await store.save({ id: scope.sessionId, conversation: scope.manager.toJSON(), machine, usage: scope.ledger });
  };
  return {
    // The actor starts its step before the machine's snapshot is handed out: wait for it, then save.
    checkpoint: () =>
      Promise.resolve().then(() => {
        stepStart = persisted();
        return save({ ...record, snapshot: stepStart }, false);
      }),
    end: (failure) =>
      save(
        failure !== undefined && stepStart
          ? { ...record, snapshot: stepStart, failure }
          : { ...record, snapshot: persisted() },
        true,
      ),
  };
}
