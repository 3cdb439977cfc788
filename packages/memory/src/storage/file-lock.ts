import { randomUUID } from 'node:crypto';
import { link, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorCode } from './error-code.ts';
import { StorageError } from './storage-error.ts';
import { FILE_MODE } from './write-file-atomic.ts';

/** How long to wait for another process to release a lock, in milliseconds. */
export const DEFAULT_LOCK_TIMEOUT_MS = 10_000;
/** A lock older than this (ms) is presumed abandoned: its holder hung, or its pid was reused. */
export const DEFAULT_LOCK_STALE_MS = 30_000;
const MAX_RETRY_DELAY_MS = 20;
const QUEUES = Symbol.for('cairn.file-lock.queues');

/** How a cross-process lock waits. */
export interface FileLockOptions {
  /** @default DEFAULT_LOCK_TIMEOUT_MS */
  readonly timeoutMs?: number;
  /** @default DEFAULT_LOCK_STALE_MS */
  readonly staleMs?: number;
}

interface Holder {
  readonly raw: string;
  readonly pid: number | undefined;
  readonly token: string | undefined;
  readonly ageMs: number;
}

/**
 * One attempt per lock file per process at a time; the file lock orders processes. Kept on `globalThis`
 * so that two copies of this module in one process still share it.
 */
const shared = globalThis as { [QUEUES]?: Map<string, Promise<unknown>> };
shared[QUEUES] ??= new Map();
const queues = shared[QUEUES];

/**
 * Runs `fn` while holding `<target>.lock`, a file created atomically (written aside, then hard-linked
 * into place) and holding the owner's pid. A lock whose owner is dead, or older than `staleMs`, is
 * broken under a second guard file so that two waiters never both break it. For processes on one
 * machine, over a local filesystem with hard links.
 */
export async function withFileLock<T>(target: string, fn: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const lockPath = `${resolve(target)}.lock`;
  const run = (queues.get(lockPath) ?? Promise.resolve()).then(() => holdWhile(target, lockPath, fn, options));
  const tail = run.catch(() => {});
  queues.set(lockPath, tail);
  try {
    return await run;
  } finally {
    if (queues.get(lockPath) === tail) queues.delete(lockPath);
  }
}

async function holdWhile<T>(target: string, lockPath: string, fn: () => Promise<T>, options: FileLockOptions) {
  const token = await acquire(target, lockPath, options);
  try {
    return await fn();
  } finally {
    const holder = await readHolder(lockPath);
    if (holder?.token === token) await unlink(lockPath);
  }
}

async function acquire(target: string, lockPath: string, options: FileLockOptions): Promise<string> {
  const { timeoutMs = DEFAULT_LOCK_TIMEOUT_MS, staleMs = DEFAULT_LOCK_STALE_MS } = options;
  const token = randomUUID();
  const deadline = Date.now() + timeoutMs;
  for (let delay = 1; ; delay = Math.min(delay * 2, MAX_RETRY_DELAY_MS)) {
    if (await createExclusive(lockPath, JSON.stringify({ pid: process.pid, token }))) return token;
    const holder = await readHolder(lockPath);
    if (holder === undefined) continue;
    if (isStale(holder, staleMs) && (await breakStale(lockPath, holder, staleMs))) continue;
    if (Date.now() >= deadline) {
      throw new StorageError(
        'locked',
        `${target} is locked by process ${holder.pid ?? 'unknown'} (for ${Math.round(holder.ageMs)} ms); ` +
          `wait for it to finish, or if no Cairn process is using the file, delete ${lockPath}`,
        { path: target },
      );
    }
    await sleep(delay * (0.5 + Math.random()));
  }
}

/** Creates `path` with `content` only if it does not exist; a reader never sees it half written. */
async function createExclusive(path: string, content: string): Promise<boolean> {
  const aside = `${path}.${process.pid}`;
  await writeFile(aside, content, { mode: FILE_MODE });
  try {
    await link(aside, path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(aside);
  }
}

async function readHolder(lockPath: string): Promise<Holder | undefined> {
  try {
    const [raw, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    const parsed = parseOwner(raw);
    return { raw, pid: parsed.pid, token: parsed.token, ageMs: Date.now() - info.mtimeMs };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

function parseOwner(raw: string): { pid?: number; token?: string } {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return {};
    const { pid, token } = value as Record<string, unknown>;
    return {
      ...(Number.isInteger(pid) ? { pid: pid as number } : {}),
      ...(typeof token === 'string' ? { token } : {}),
    };
  } catch {
    return {};
  }
}

function isStale(holder: Holder, staleMs: number): boolean {
  if (holder.ageMs > staleMs) return true;
  if (holder.pid === undefined) return false;
  // This process waits here one attempt at a time, so a lock bearing its pid is a previous life's.
  if (holder.pid === process.pid) return true;
  return !isAlive(holder.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/** Removes the lock only if it still is the stale one observed, under a guard so one waiter does it. */
async function breakStale(lockPath: string, holder: Holder, staleMs: number): Promise<boolean> {
  const guard = `${lockPath}.break`;
  if (!(await createExclusive(guard, JSON.stringify({ pid: process.pid })))) {
    const breaker = await readHolder(guard);
    if (breaker !== undefined && isStale(breaker, staleMs)) await unlinkIfPresent(guard);
    return false;
  }
  try {
    const current = await readFile(lockPath, 'utf8').catch(() => undefined);
    if (current === holder.raw) {
      await unlinkIfPresent(lockPath);
      // A holder killed inside createExclusive leaves its aside file behind.
      if (holder.pid !== undefined) await unlinkIfPresent(`${lockPath}.${holder.pid}`);
    }
    return current === holder.raw || current === undefined;
  } finally {
    await unlinkIfPresent(guard);
  }
}

async function unlinkIfPresent(path: string): Promise<void> {
  await unlink(path).catch((error: unknown) => {
    if (errorCode(error) !== 'ENOENT') throw error;
  });
}
