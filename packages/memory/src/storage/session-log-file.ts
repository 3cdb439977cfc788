import { open, stat } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { errorCode } from './error-code.ts';
import { type FileLockOptions, withFileLock } from './file-lock.ts';
import { applyJsonDiff, diffJson, type JsonOp } from './json-diff.ts';
import { StorageError } from './storage-error.ts';
import { FILE_MODE, writeFileAtomic } from './write-file-atomic.ts';

/** Marks a JSON Lines file as a Cairn session log, so a foreign file is never taken for one. */
const SESSION_LOG_FORMAT = 'cairn.session-log';
/** Version of the session log's layout (the records in it carry their own). */
const SESSION_LOG_VERSION = 1;
const NEWLINE = 0x0a;

/** The file as this process last wrote or read it under the lock. */
interface Loaded {
  /** The value, as plain JSON that nobody else holds: the base of the next diff. */
  value: unknown;
  checkpointBytes: number;
  /** Bytes of complete lines; anything after them is a line cut short by a crash. */
  validBytes: number;
  identity: string;
}

/**
 * lowdb adapter for a value saved again and again that mostly grows, such as a session: a JSON Lines
 * file whose first line is a checkpoint of the whole value and each further line the changes of one
 * write (`diffJson`). A write appends one line and flushes it, so its cost follows the change, not the
 * value; once the changes outweigh the checkpoint, the file is rewritten atomically as one checkpoint.
 * A line cut short by a crash was never acknowledged and is ignored. Writes hold the file's lock, and
 * re-read the file first if another process wrote it; reads need no lock.
 */
export class SessionLogFile<T> implements Adapter<T> {
  readonly path: string;
  readonly #parse: (value: unknown, path: string) => T;
  readonly #lock: FileLockOptions;
  #loaded: Loaded | undefined;

  constructor(path: string, parse: (value: unknown, path: string) => T, lock: FileLockOptions = {}) {
    this.path = path;
    this.#parse = parse;
    this.#lock = lock;
  }

  async read(): Promise<T | null> {
    const loaded = await this.#load();
    return loaded === undefined ? null : this.#parse(loaded.value, this.path);
  }

  write(data: T): Promise<void> {
    return this.update(() => data);
  }

  /**
   * Writes `fn(current)` under the lock, `current` being the stored value (`undefined` if none), which
   * `fn` must not modify.
   */
  update(fn: (current: T | undefined) => T): Promise<void> {
    return withFileLock(
      this.path,
      async () => {
        try {
          const identity = await identityOf(this.path);
          if (identity === undefined) this.#loaded = undefined;
          else if (this.#loaded?.identity !== identity) this.#loaded = await this.#load();
          const current = this.#loaded;
          const next = fn(current === undefined ? undefined : this.#parse(current.value, this.path));
          if (current === undefined) return await this.#checkpoint(next);
          const ops = diffJson(current.value, next);
          if (ops.length === 0) return;
          const line = `${JSON.stringify({ ops })}\n`;
          const bytes = Buffer.byteLength(line);
          if (current.validBytes - current.checkpointBytes + bytes > current.checkpointBytes) {
            return await this.#checkpoint(next);
          }
          current.identity = await this.#append(line, current.validBytes);
          current.value = applyJsonDiff(current.value, (JSON.parse(line) as { ops: JsonOp[] }).ops);
          current.validBytes += bytes;
        } catch (error) {
          this.#loaded = undefined;
          throw error;
        }
      },
      this.#lock,
    );
  }

  async #checkpoint(value: T): Promise<void> {
    const body = JSON.stringify(value);
    const line = `{"format":"${SESSION_LOG_FORMAT}","version":${SESSION_LOG_VERSION},"value":${body}}\n`;
    await writeFileAtomic(this.path, line);
    const bytes = Buffer.byteLength(line);
    const identity = (await identityOf(this.path)) ?? '';
    this.#loaded = { value: JSON.parse(body), checkpointBytes: bytes, validBytes: bytes, identity };
  }

  /** Appends after the last complete line (dropping a torn one), flushes, returns the new identity. */
  async #append(line: string, at: number): Promise<string> {
    const file = await open(this.path, 'r+', FILE_MODE);
    try {
      const { size } = await file.stat();
      if (size > at) await file.truncate(at);
      await file.write(line, at, 'utf8');
      await file.datasync();
      return identity(await file.stat({ bigint: true }));
    } finally {
      await file.close();
    }
  }

  async #load(): Promise<Loaded | undefined> {
    let file: Awaited<ReturnType<typeof open>>;
    try {
      file = await open(this.path, 'r');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const info = await file.stat({ bigint: true });
      return { ...parseLog(await file.readFile(), this.path), identity: identity(info) };
    } finally {
      await file.close();
    }
  }
}

function parseLog(buffer: Buffer, path: string): Omit<Loaded, 'identity'> {
  let value: unknown;
  let checkpointBytes = 0;
  let start = 0;
  for (let end = buffer.indexOf(NEWLINE), line = 1; end !== -1; end = buffer.indexOf(NEWLINE, start), line++) {
    const text = buffer.toString('utf8', start, end);
    start = end + 1;
    try {
      const record = JSON.parse(text) as Record<string, unknown>;
      if (line === 1) {
        checkHeader(record, path);
        value = record.value;
        checkpointBytes = start;
      } else {
        value = applyJsonDiff(value, record.ops as JsonOp[]);
      }
    } catch (cause) {
      if (cause instanceof StorageError) throw cause;
      throw damaged(path, `line ${line} is damaged (${(cause as Error).message})`, cause);
    }
  }
  if (checkpointBytes === 0) throw damaged(path, 'has no complete first line');
  return { value, checkpointBytes, validBytes: start };
}

function checkHeader(record: Record<string, unknown>, path: string): void {
  if (record.format !== SESSION_LOG_FORMAT) {
    throw new StorageError(
      'foreign',
      `${path} is not a Cairn session log (its first line has no "format": "${SESSION_LOG_FORMAT}"); it was ` +
        'left untouched. Move it out of the sessions directory.',
      { path },
    );
  }
  if (typeof record.version !== 'number' || record.version > SESSION_LOG_VERSION) {
    throw new StorageError(
      'unsupported-version',
      `${path} has session log version ${String(record.version)}, but this @cairn/memory reads up to ` +
        `${SESSION_LOG_VERSION}; upgrade @cairn/memory to use it.`,
      { path },
    );
  }
}

function damaged(path: string, problem: string, cause?: unknown): StorageError {
  return new StorageError(
    'corrupted',
    `${path} ${problem}; it was left untouched. Restore it from a backup, or move it aside to drop the session.`,
    { path, cause },
  );
}

async function identityOf(path: string): Promise<string | undefined> {
  try {
    return identity(await stat(path, { bigint: true }));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/** Changes with every write by anyone: a rename gives a new inode, an append a new size and mtime. */
function identity(info: { ino: bigint; size: bigint; mtimeNs: bigint }): string {
  return `${info.ino}:${info.size}:${info.mtimeNs}`;
}
