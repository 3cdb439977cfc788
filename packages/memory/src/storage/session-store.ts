import type { Session, SessionInput } from './session.ts';

/**
 * Where sessions are kept: everything a run needs to resume. Its two callers are the runtime (saves after
 * every step, loads to resume) and `cairn inspect` (lists, loads). Every adapter passes
 * `describeSessionStore` from `@cairn/memory/testing`.
 */
export interface SessionStore {
  /**
   * The session saved under `id`, or `undefined`. Each call returns a fresh copy; its values come from
   * storage, so check them before use (`ConversationManager.fromJSON` does).
   */
  load(id: string): Promise<Session | undefined>;
  /**
   * Saves the whole session in place of the previous save, stamping `createdAt` on the first save and
   * `updatedAt` on every one. An id that would not make a safe file name throws a `StorageError`.
   */
  save(session: SessionInput): Promise<void>;
  /** Ids of all saved sessions, sorted. */
  list(): Promise<string[]>;
}
