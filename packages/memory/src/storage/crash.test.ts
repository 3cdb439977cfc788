import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { crashMessage, LOG_PATH, SESSION_ID } from './crash-child.ts';
import { FileSessionStore } from './file-session-store.ts';
import { MemoryStore } from './memory-store.ts';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const KILLS = 20;
/** Longest wait after the child is ready before killing it, in ms: a few hundred writes at most. */
const MAX_KILL_DELAY_MS = 250;

const dir = mkdtempSync(join(tmpdir(), 'cairn-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Acks {
  memory: number[];
  session: number;
}

/** Runs the child until a random moment after it is ready, then kills it; collects the acks it printed. */
function runAndKill(acks: Acks): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [word, kind, n] = line.split(' ');
      if (word === 'ready') setTimeout(() => child.kill('SIGKILL'), Math.random() * MAX_KILL_DELAY_MS);
      else if (kind === 'memory') acks.memory.push(Number(n));
      else if (kind === 'session') acks.session = Math.max(acks.session, Number(n));
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`child exited with ${code} before it was killed:\n${stderr}`));
    });
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged memory and session write through ${KILLS} SIGKILLs at random moments`, async () => {
    const acks: Acks = { memory: [], session: -1 };
    for (let kill = 0; kill < KILLS; kill++) {
      await runAndKill(acks);
      const log = (await new MemoryStore({ file: join(dir, 'memory.json') }).files()).find((f) => f.path === LOG_PATH);
      const lines = new Set(log?.content.split('\n'));
      expect(acks.memory.filter((n) => !lines.has(`m ${n}`))).toEqual([]);
      const session = await new FileSessionStore({ dir: join(dir, 'sessions') }).load(SESSION_ID);
      const messages = (session?.conversation as { messages: string[] } | undefined)?.messages ?? [];
      expect(messages.length).toBeGreaterThan(acks.session);
      expect(messages.every((text, n) => text === crashMessage(n))).toBe(true);
      // No session yet when the child died before its first save landed: nothing to check but that.
      expect(session?.usage ?? []).toHaveLength(messages.length);
    }
    expect(acks.memory.length).toBeGreaterThan(KILLS);
    expect(acks.session).toBeGreaterThan(KILLS);
  }, 120_000);
});
