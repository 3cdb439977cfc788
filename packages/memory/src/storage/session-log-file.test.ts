import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionLogFile } from './session-log-file.ts';
import { StorageError } from './storage-error.ts';

type Value = { entries: string[]; step: number };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cairn-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = (name = 'log.jsonl') => new SessionLogFile<Value>(join(dir, name), (value) => value as Value);
const lines = (name = 'log.jsonl') => readFileSync(join(dir, name), 'utf8').trimEnd().split('\n');
const grown = (n: number): Value => ({ entries: Array.from({ length: n }, (_, i) => `entry ${i}`), step: n });

describe('SessionLogFile', () => {
  it('appends one line per write while the changes are smaller than the checkpoint', async () => {
    const file = open();
    await file.write(grown(50));
    for (let n = 51; n <= 55; n++) await file.write(grown(n));
    expect(lines()).toHaveLength(6);
    expect(JSON.parse(lines()[1]!)).toEqual({
      ops: [
        { op: 'push', path: ['entries'], values: ['entry 50'] },
        { op: 'set', path: ['step'], value: 51 },
      ],
    });
    expect(await open().read()).toEqual(grown(55));
  });

  it('rewrites the file as one checkpoint once the changes outweigh it', async () => {
    const file = open();
    await file.write(grown(2));
    for (let n = 3; n <= 40; n++) await file.write(grown(n));
    expect(lines().length).toBeLessThan(10);
    expect(await open().read()).toEqual(grown(40));
  });

  it('ignores a line cut short by a crash, and writes over it next time', async () => {
    const file = open();
    await file.write(grown(30));
    appendFileSync(join(dir, 'log.jsonl'), '{"ops":[{"op":"set","path":["st');
    expect(await open().read()).toEqual(grown(30));
    await open().write(grown(31));
    expect(await open().read()).toEqual(grown(31));
    expect(lines().every((line) => JSON.parse(line))).toBe(true);
  });

  it('re-reads the file before writing when another writer changed it since', async () => {
    const [mine, theirs] = [open(), open()];
    await mine.write(grown(20));
    await theirs.write({ entries: ['replaced'], step: -1 });
    await mine.write(grown(21));
    expect(await open().read()).toEqual(grown(21));
  });

  it.each([
    ['a damaged line', (text: string) => `${text}{"ops": [oops\n{"ops":[]}\n`, 'corrupted'],
    ['an empty file', () => '', 'corrupted'],
    ['a foreign JSON Lines file', () => '{"event":"login"}\n', 'foreign'],
    ['a newer layout', () => '{"format":"cairn.session-log","version":9,"value":{}}\n', 'unsupported-version'],
  ])('reports %s with its path and leaves it as it was', async (_, damage, kind) => {
    await open().write(grown(10));
    const path = join(dir, 'log.jsonl');
    writeFileSync(path, damage(readFileSync(path, 'utf8')));
    const before = readFileSync(path);
    const error = await open()
      .read()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind, path, message: expect.stringContaining(path) });
    await expect(open().write(grown(11))).rejects.toMatchObject({ kind });
    expect(readFileSync(path)).toEqual(before);
  });
});
