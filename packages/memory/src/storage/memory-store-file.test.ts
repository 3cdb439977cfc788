import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MEMORY_SCHEMA_VERSION, MEMORY_STORE_FORMAT } from './memory-document.ts';
import { MemoryStore } from './memory-store.ts';
import { StorageError } from './storage-error.ts';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cairn-memory-file-'));
  file = join(dir, 'memory.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('MemoryStore file', () => {
  it('keeps the whole tree in one JSON file with its format and schema version', async () => {
    const store = new MemoryStore({ file, clock: () => new Date(0) });
    await store.create({ command: 'create', path: '/memories/a.md', file_text: 'hello' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      format: MEMORY_STORE_FORMAT,
      version: MEMORY_SCHEMA_VERSION,
      files: { '/memories/a.md': { content: 'hello', updatedAt: '1970-01-01T00:00:00.000Z' } },
    });
  });

  it.each([
    ['half-written JSON', '{"format":"cairn.memory","version":1,"files":{', 'corrupted', /is not valid JSON/],
    ['a foreign JSON file', '{"name":"my-app","version":"1.0.0"}', 'foreign', /is not a Cairn memory store/],
    [
      'a store from a newer version',
      '{"format":"cairn.memory","version":2,"files":{}}',
      'unsupported-version',
      /version 2/,
    ],
    [
      'an entry with an unsafe path',
      '{"format":"cairn.memory","version":1,"files":{"/memories/../x":{"content":"","updatedAt":""}}}',
      'corrupted',
      /invalid entry "\/memories\/\.\.\/x"/,
    ],
    [
      'an entry that is not a file',
      '{"format":"cairn.memory","version":1,"files":{"/memories/a":3}}',
      'corrupted',
      /invalid entry/,
    ],
  ])('reports %s with its path and never overwrites it', async (_, text, kind, message) => {
    writeFileSync(file, text);
    const store = new MemoryStore({ file });
    for (const attempt of [
      () => store.view({ command: 'view', path: '/memories' }),
      () => store.create({ command: 'create', path: '/memories/new.md', file_text: 'x' }),
      () => store.update('/memories/facts.md', () => 'x'),
    ]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageError);
      expect(error).toMatchObject({ kind, path: file, message: expect.stringContaining(file) });
      expect((error as Error).message).toMatch(message);
    }
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('keeps the previous good state when a command is refused', async () => {
    const store = new MemoryStore({ file, limits: { maxFileBytes: 10 } });
    await store.create({ command: 'create', path: '/memories/a.md', file_text: 'short' });
    const good = readFileSync(file);
    await expect(
      store.str_replace({
        command: 'str_replace',
        path: '/memories/a.md',
        old_str: 'short',
        new_str: 'far too long',
      }),
    ).rejects.toThrow(/limit is 10 bytes/);
    expect(readFileSync(file)).toEqual(good);
  });

  it('updates a file atomically through a function, writing only on change', async () => {
    const store = new MemoryStore({ file });
    expect(await store.update('/memories/facts.md', (current) => `${current ?? ''}one\n`)).toBe(true);
    expect(await store.update('/memories/facts.md', (current) => current)).toBe(false);
    expect(await store.update('/memories/facts.md', () => undefined)).toBe(false);
    expect(await store.update('/memories/facts.md', (current) => `${current}two\n`)).toBe(true);
    expect((await store.files())[0]?.content).toBe('one\ntwo\n');
  });

  it('applies concurrent edits from one process one after another', async () => {
    const store = new MemoryStore({ file });
    await store.create({ command: 'create', path: '/memories/log.md', file_text: '' });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.insert({
          command: 'insert',
          path: '/memories/log.md',
          insert_line: 0,
          insert_text: `line ${i}`,
        }),
      ),
    );
    const lines = (await store.files())[0]?.content.split('\n') ?? [];
    expect(lines.filter((line) => line.startsWith('line ')).sort()).toHaveLength(20);
  });
});
