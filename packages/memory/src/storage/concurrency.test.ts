import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SHARED_PATH } from './concurrent-editor-child.ts';
import { MemoryStore } from './memory-store.ts';

const CHILD = fileURLToPath(new URL('./concurrent-editor-child.ts', import.meta.url));
const EDITS = 500;

const dir = mkdtempSync(join(tmpdir(), 'cairn-concurrency-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function editor(file: string, name: string): { child: ChildProcess; ready: Promise<void>; done: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, name, String(EDITS)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const ready = new Promise<void>((resolve) => {
    createInterface({ input: child.stdout! }).on('line', (line) => line === 'ready' && resolve());
  });
  const done = new Promise<void>((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} exited with ${code}:\n${stderr}`))));
  });
  return { child, ready, done };
}

describe('concurrency', () => {
  it(`loses no update when two processes each apply ${EDITS} edits to the same memory store`, async () => {
    const file = join(dir, 'memory.json');
    const store = new MemoryStore({ file });
    await store.create({ command: 'create', path: SHARED_PATH, file_text: 'end' });
    const editors = [editor(file, 'alpha'), editor(file, 'beta')];
    await Promise.all(editors.map((e) => e.ready));
    for (const e of editors) e.child.stdin?.end('go\n');
    await Promise.all(editors.map((e) => e.done));
    const lines = (await store.files())[0]?.content.split('\n') ?? [];
    const expected = ['alpha', 'beta'].flatMap((name) => Array.from({ length: EDITS }, (_, i) => `${name} ${i}`));
    expect(lines).toHaveLength(2 * EDITS + 1);
    expect(lines.slice(0, -1).sort()).toEqual(expected.sort());
    // Both really ran at once: the two editors' lines alternate many times.
    const owners = lines.slice(0, -1).map((line) => line.split(' ')[0]);
    const switches = owners.filter((owner, i) => i > 0 && owner !== owners[i - 1]).length;
    expect(switches).toBeGreaterThan(10);
  }, 60_000);
});
