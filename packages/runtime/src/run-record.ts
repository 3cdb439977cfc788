import type Anthropic from '@anthropic-ai/sdk';

/** Version 2: the machine's effects run in one `steps` actor (version 1 invoked an actor per state). */
export const RUN_RECORD_VERSION = 2;
/** Versions whose records can still be read (inspected, or followed by a new run once finished). */
const READABLE_VERSIONS: readonly number[] = [1, RUN_RECORD_VERSION];

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
  if (record.version === RUN_RECORD_VERSION) return;
  throw new TypeError(
    `session "${sessionId}" was saved mid-run by an older @cairn/runtime (run record version ${record.version}, ` +
      `this one resumes version ${RUN_RECORD_VERSION}): resume it with the version that saved it, or start a new ` +
      'session; its conversation and usage are left as they are',
  );
}
