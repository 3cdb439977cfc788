import { mkdir, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { errorCode } from './error-code.ts';
import type { FileLockOptions } from './file-lock.ts';
import {
  assertSessionId,
  SESSION_ID_PATTERN,
  SESSION_SCHEMA_VERSION,
  type Session,
  type SessionInput,
  stampSession,
} from './session.ts';
import { SessionLogFile } from './session-log-file.ts';
import type { SessionStore } from './session-store.ts';
import { StorageError } from './storage-error.ts';

const EXTENSION = '.jsonl';

/** Options of {@link FileSessionStore}. */
export interface FileSessionStoreOptions {
  /** Directory of the session files, one `<id>.jsonl` per session; created on first save. */
  readonly dir: string;
  /** Stamps `createdAt` and `updatedAt`. @default () => new Date() */
  readonly clock?: () => Date;
  readonly lock?: FileLockOptions;
}

/**
 * The embedded {@link SessionStore}: one file per session in a directory, each kept by a lowdb adapter
 * (`SessionLogFile`) that appends what changed since the previous save and flushes it, so a save after
 * every step stays cheap however long the transcript grows. Saves are atomic and locked across
 * processes; a damaged or foreign file throws a `StorageError` naming it and is never overwritten.
 */
export class FileSessionStore implements SessionStore {
  readonly dir: string;
  readonly #clock: () => Date;
  readonly #lock: FileLockOptions;
  readonly #files = new Map<string, SessionLogFile<Session>>();
  /** The last save of each session still under way: saves of one session run in call order. */
  readonly #saving = new Map<string, Promise<void>>();

  constructor(options: FileSessionStoreOptions) {
    this.dir = resolve(options.dir);
    this.#clock = options.clock ?? (() => new Date());
    this.#lock = options.lock ?? {};
  }

  async load(id: string): Promise<Session | undefined> {
    return (await this.#file(id).read()) ?? undefined;
  }

  async save(session: SessionInput): Promise<void> {
    const file = this.#file(session.id);
    const write = async () => {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      const now = this.#clock().toISOString();
      await file.update((current) => stampSession(session, current?.createdAt ?? now, now));
    };
    // Queued before the first await, so that concurrent saves land in the order they were called.
    const saved = (this.#saving.get(session.id) ?? Promise.resolve()).then(write, write);
    this.#saving.set(session.id, saved);
    try {
      await saved;
    } finally {
      if (this.#saving.get(session.id) === saved) this.#saving.delete(session.id);
    }
  }

  async list(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw error;
    }
    return names
      .filter((name) => name.endsWith(EXTENSION))
      .map((name) => name.slice(0, -EXTENSION.length))
      .filter((id) => SESSION_ID_PATTERN.test(id))
      .sort();
  }

  #file(id: string): SessionLogFile<Session> {
    assertSessionId(id);
    let file = this.#files.get(id);
    if (file === undefined) {
      file = new SessionLogFile(
        join(this.dir, `${id}${EXTENSION}`),
        (value, path) => parseSession(value, id, path),
        this.#lock,
      );
      this.#files.set(id, file);
    }
    return file;
  }
}

/** Checks a stored record's frame; what is inside the three opaque values is the callers' to check. */
function parseSession(value: unknown, id: string, path: string): Session {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof Session, unknown>>;
  if (typeof record.schemaVersion === 'number' && record.schemaVersion > SESSION_SCHEMA_VERSION) {
    throw new StorageError(
      'unsupported-version',
      `${path} holds a session of schema version ${record.schemaVersion}, but this @cairn/memory reads up to ` +
        `${SESSION_SCHEMA_VERSION}; upgrade @cairn/memory to load it.`,
      { path },
    );
  }
  const valid =
    record.schemaVersion === SESSION_SCHEMA_VERSION &&
    record.id === id &&
    typeof record.createdAt === 'string' &&
    typeof record.updatedAt === 'string' &&
    Array.isArray(record.usage);
  if (!valid) {
    throw new StorageError(
      'corrupted',
      `${path} does not hold a valid session "${id}"; it was left untouched. Restore it from a backup, or ` +
        'move it aside to drop the session.',
      { path },
    );
  }
  return record as Session;
}
