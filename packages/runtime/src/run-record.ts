import type Anthropic from '@anthropic-ai/sdk';

/**
 * Version 3: the `steps` actor follows the machine's state and keeps nothing of its own. Version 2's also
 * kept the step it was on, which the machine's state says as well: its records are resumed alike. Version 1
 * invoked an actor per state.
 */
export const RUN_RECORD_VERSION = 3;
/** Versions whose runs, saved mid-step, this version resumes. */
const RESUMABLE_VERSIONS: readonly number[] = [2, RUN_RECORD_VERSION];
/** Versions whose records can still be read (inspected, or followed by a new run once finished). */
const READABLE_VERSIONS: readonly number[] = [1, ...RESUMABLE_VERSIONS];

/**
 * What the runtime keeps in a session's `machine` field: the XState persisted snapshot, and what
 * `cairn inspect` needs to account for the context (model, system prompt, tool definitions).
 */
export interface RunRecord {
  readonly version: number;
  readonly model: string;
  readonly system: string | Anthropic.TextBlockParam[] | null;
  readonly tools: readonly Anthropic.ToolUnion[];
  /** Where the latest run started in the usage ledger and in the conversation's events. */
  readonly runStart: { readonly ledger: number; readonly events: number };
  /** `actor.getPersistedSnapshot()` of `agentMachine`; for a failed run, as the step that failed began. */
  readonly snapshot: { readonly status: string; readonly value: unknown; readonly context: unknown };
  /** Why the run failed, when it did: `resume` runs the failed step again. */
  readonly failure?: string;
}

/** Reads a stored `machine` field back, or explains why it cannot be resumed. */
export function readRunRecord(value: unknown, sessionId: string): RunRecord {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Partial<RunRecord>;
  const snapshot = record.snapshot as Partial<RunRecord['snapshot']> | undefined;
  if (
    !READABLE_VERSIONS.includes(record.version as number) ||
    typeof record.model !== 'string' ||
    !Array.isArray(record.tools) ||
    typeof record.runStart?.ledger !== 'number' ||
    typeof snapshot?.status !== 'string'
  ) {
    throw new TypeError(
      `session "${sessionId}" holds no run this @cairn/runtime can read (expected run record version ` +
        `${RUN_RECORD_VERSION}); it was written by another version or another program`,
    );
  }
  return record as RunRecord;
}

/** Throws unless `record`'s machine snapshot can be restored by this version, to resume its run. */
export function assertResumable(record: RunRecord, sessionId: string): void {
  if (RESUMABLE_VERSIONS.includes(record.version)) return;
  throw new TypeError(
    `session "${sessionId}" was saved mid-run by an older @cairn/runtime (run record version ${record.version}, ` +
      `this one resumes versions ${RESUMABLE_VERSIONS.join(' and ')}): resume it with the version that saved it, or start a new ` +
      'session; its conversation and usage are left as they are',
  );
}
