import type Anthropic from '@anthropic-ai/sdk';

export const RUN_RECORD_VERSION = 1;

/**
 * What the runtime keeps in a session's `machine` field: the XState persisted snapshot, and what
 * `cairn inspect` needs to account for the context (model, system prompt, tool definitions).
 */
export interface RunRecord {
  readonly version: typeof RUN_RECORD_VERSION;
  readonly model: string;
  readonly system: string | Anthropic.TextBlockParam[] | null;
  readonly tools: readonly Anthropic.ToolUnion[];
  /** Where the latest run started in the usage ledger and in the conversation's events. */
  readonly runStart: { readonly ledger: number; readonly events: number };
  /** `actor.getPersistedSnapshot()` of `agentMachine`. */
  readonly snapshot: { readonly status: string; readonly value: unknown; readonly context: unknown };
}

/** Reads a stored `machine` field back, or explains why it cannot be resumed. */
export function readRunRecord(value: unknown, sessionId: string): RunRecord {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Partial<RunRecord>;
  const snapshot = record.snapshot as Partial<RunRecord['snapshot']> | undefined;
  if (
    record.version !== RUN_RECORD_VERSION ||
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
