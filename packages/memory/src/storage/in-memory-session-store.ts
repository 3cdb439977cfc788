import { assertSessionId, type Session, type SessionInput, stampSession } from './session.ts';
import type { SessionStore } from './session-store.ts';

/** Options of {@link InMemorySessionStore}. */
export interface InMemorySessionStoreOptions {
  /** Stamps `createdAt` and `updatedAt`. @default () => new Date() */
  readonly clock?: () => Date;
}

/**
 * A {@link SessionStore} in this process's memory, for tests and short-lived agents. Sessions are kept
 * as JSON text, so what it returns matches a file-backed store exactly: copies, with what JSON drops
 * dropped.
 */
export class InMemorySessionStore implements SessionStore {
  readonly #sessions = new Map<string, { readonly createdAt: string; readonly json: string }>();
  readonly #clock: () => Date;

  constructor(options: InMemorySessionStoreOptions = {}) {
    this.#clock = options.clock ?? (() => new Date());
  }

  async load(id: string): Promise<Session | undefined> {
    assertSessionId(id);
    const saved = this.#sessions.get(id);
    return saved === undefined ? undefined : (JSON.parse(saved.json) as Session);
  }

  async save(session: SessionInput): Promise<void> {
    const now = this.#clock().toISOString();
    const createdAt = this.#sessions.get(session.id)?.createdAt ?? now;
    this.#sessions.set(session.id, {
      createdAt,
      json: JSON.stringify(stampSession(session, createdAt, now)),
    });
  }

  async list(): Promise<string[]> {
    return [...this.#sessions.keys()].sort();
  }
}
