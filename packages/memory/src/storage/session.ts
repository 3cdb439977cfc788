import { StorageError } from './storage-error.ts';

/** Version of the {@link Session} record. */
export const SESSION_SCHEMA_VERSION = 1;
/** Session ids: 1–128 letters, digits, `.`, `_`, `-`, starting with a letter or digit (a safe file name). */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * What a run saves after every step. The three values are opaque to the store and must be plain JSON:
 * what `JSON.stringify` drops (`undefined`, functions) is dropped.
 */
export interface SessionInput {
  readonly id: string;
  /** `ConversationManager.toJSON()`: transcript, compaction events, offloaded blocks by key. */
  readonly conversation: unknown;
  /** The runtime's persisted machine snapshot. */
  readonly machine: unknown;
  /** The usage ledger, oldest entry first. */
  readonly usage: readonly unknown[];
}

/** A saved session: what was saved, read back as JSON, with the store's stamps. */
export interface Session extends SessionInput {
  readonly schemaVersion: typeof SESSION_SCHEMA_VERSION;
  /** ISO 8601: the first save. */
  readonly createdAt: string;
  /** ISO 8601: the latest save. */
  readonly updatedAt: string;
}

/** Throws a `StorageError` (`invalid-id`) unless `id` matches {@link SESSION_ID_PATTERN}. */
export function assertSessionId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || !SESSION_ID_PATTERN.test(id)) {
    throw new StorageError(
      'invalid-id',
      `Session id ${typeof id === 'string' ? JSON.stringify(id) : String(id)} is not allowed: use 1 to 128 ` +
        "letters, digits, '.', '_' or '-', starting with a letter or digit.",
    );
  }
}

/** The record a store keeps: the input's own fields only, stamped. */
export function stampSession(input: SessionInput, createdAt: string, updatedAt: string): Session {
  assertSessionId(input.id);
  if (!Array.isArray(input.usage)) throw new TypeError(`Session ${input.id}: usage must be an array.`);
  const { id, conversation, machine, usage } = input;
  return { id, schemaVersion: SESSION_SCHEMA_VERSION, createdAt, updatedAt, conversation, machine, usage };
}
