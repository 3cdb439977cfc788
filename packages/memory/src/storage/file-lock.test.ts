import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from './file-lock.ts';

let dir: string;
let target: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cairn-lock-'));
  target = join(dir, 'store.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('withFileLock', () => {
  it('runs callers one at a time and removes the lock afterwards, even when one throws', async () => {
    let inside = 0;
    let most = 0;
    const task = async (fail: boolean) => {
      inside++;
      most = Math.max(most, inside);
      await sleep(2);
      inside--;
      if (fail) throw new Error('boom');
    };
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => withFileLock(target, () => task(i % 3 === 0))),
    );
    expect(most).toBe(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(3);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('breaks a lock left by a process that died', async () => {
    writeFileSync(`${target}.lock`, JSON.stringify({ pid: deadPid(), token: 'old' }));
    await expect(withFileLock(target, async () => 'ran', { timeoutMs: 500 })).resolves.toBe('ran');
  });

  it('breaks a lock bearing its own pid, left by an earlier life of this process id', async () => {
    writeFileSync(`${target}.lock`, JSON.stringify({ pid: process.pid, token: 'earlier' }));
    await expect(withFileLock(target, async () => 'ran', { timeoutMs: 500 })).resolves.toBe('ran');
  });

  it('breaks a lock older than staleMs even if its pid is alive', async () => {
    writeFileSync(`${target}.lock`, JSON.stringify({ pid: process.ppid, token: 'hung' }));
    const past = new Date(Date.now() - 60_000);
    utimesSync(`${target}.lock`, past, past);
    await expect(withFileLock(target, async () => 'ran', { staleMs: 30_000 })).resolves.toBe('ran');
  });

  it('waits for a live holder, then gives up naming it and the lock file', async () => {
    writeFileSync(`${target}.lock`, JSON.stringify({ pid: process.ppid, token: 'busy' }));
    await expect(withFileLock(target, async () => 'ran', { timeoutMs: 50 })).rejects.toMatchObject({
      name: 'StorageError',
      kind: 'locked',
      path: target,
      message: expect.stringMatching(new RegExp(`locked by process ${process.ppid}.*delete ${target}\\.lock`)),
    });
    expect(existsSync(`${target}.lock`)).toBe(true);
  });
});
