import { copyJson } from './json-copy.ts';
import { assertSessionId, type Session, type SessionInput, stampSession } from './session.ts';
import type { SessionStore } from './session-store.ts';

/** Options of {@link InMemorySessionStore}. */
export interface InMemorySessionStoreOptions {
  /** Stamps `createdAt` and `updatedAt`. @default () => new Date() */
  readonly clock?: () => Date;
}

/**
 * A {@link SessionStore} in this process's memory, for tests and short-lived agents. Sessions are kept
 * as copies made as a JSON round trip would make them, so what it returns matches a file-backed store
 * exactly: copies, with what JSON drops dropped.
 */
export class InMemorySessionStore implements SessionStore {
  readonly #sessions = new Map<string, Session>();
  readonly #clock: () => Date;

  constructor(options: InMemorySessionStoreOptions = {}) {
    this.#clock = options.clock ?? (() => new Date());
  }

  async load(id: string): Promise<Session | undefined> {
    assertSessionId(id);
    const saved = this.#sessions.get(id);
    return saved === undefined ? undefined : (copyJson(saved) as Session);
  }

  async save(session: SessionInput): Promise<void> {
    const now = this.#clock().toISOString();
    const createdAt = this.#sessions.get(session.id)?.createdAt ?? now;
    this.#sessions.set(session.id, copyJson(stampSession(session, createdAt, now)) as Session);
  }

  async list(): Promise<string[]> {
    return [...this.#sessions.keys()].sort();
  }
}
