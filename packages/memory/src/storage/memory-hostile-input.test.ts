import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from './memory-store.ts';
import { MemoryToolError } from './memory-tool-error.ts';

type Case = readonly [name: string, run: (store: MemoryStore) => Promise<unknown>, error: RegExp];

const create =
  (path: unknown, file_text: unknown = 'x') =>
  (s: MemoryStore) =>
    s.create({ command: 'create', path, file_text } as never);
const rename = (old_path: unknown, new_path: unknown) => (s: MemoryStore) =>
  s.rename({ command: 'rename', old_path, new_path } as never);
const replace = (path: string, old_str: unknown, new_str: unknown) => (s: MemoryStore) =>
  s.str_replace({ command: 'str_replace', path, old_str, new_str } as never);
const insert =
  (insert_line: unknown, insert_text = 'x') =>
  (s: MemoryStore) =>
    s.insert({ command: 'insert', path: '/memories/a.md', insert_line, insert_text } as never);

const ESCAPE = /would escape \/memories directory/;
const OUTSIDE = /Path must start with \/memories, got/;
const ENCODED = /contains the escape %/;

const CASES: readonly Case[] = [
  ['an absolute path outside', create('/etc/passwd'), OUTSIDE],
  ['a relative path', create('memories/a.md'), OUTSIDE],
  ['a look-alike root', create('/memoriesX/a.md'), OUTSIDE],
  ['a home path', create('~/memories/a.md'), OUTSIDE],
  ['a file URL', create('file:///memories/a.md'), OUTSIDE],
  ['.. climbing out', create('/memories/../etc/passwd'), ESCAPE],
  ['.. climbing out from a subdirectory', create('/memories/a/../../etc/passwd'), ESCAPE],
  ['.. staying inside', create('/memories/notes/../b.md'), ESCAPE],
  ['a trailing ..', (s) => s.delete({ command: 'delete', path: '/memories/notes/..' }), ESCAPE],
  ['.. as the whole name', (s) => s.view({ command: 'view', path: '/memories/..' }), ESCAPE],
  ['URL-encoded ..', create('/memories/%2e%2e/etc/passwd'), ENCODED],
  ['URL-encoded .. in capitals', create('/memories/%2E%2E/secret'), ENCODED],
  ['double-encoded ..', create('/memories/%252e%252e/etc'), ENCODED],
  ['an encoded slash after ..', create('/memories/..%2fetc'), ENCODED],
  ['half-encoded ..', create('/memories/.%2e/x'), ENCODED],
  ['overlong UTF-8 dots', create('/memories/%c0%ae%c0%ae/x'), ENCODED],
  ['an encoded NUL', create('/memories/a%00.md'), ENCODED],
  ['an encoded backslash', create('/memories/%5c..%5cetc'), ENCODED],
  ['fullwidth dots', create('/memories/\uff0e\uff0e/etc'), ESCAPE],
  ['a fullwidth slash', create('/memories/a\uff0f..'), ESCAPE],
  ['a NUL byte', create('/memories/a\u0000.md'), /control character/],
  ['a newline', create('/memories/a.md\n/memories/b.md'), /control character/],
  ['a right-to-left override', create('/memories/\u202egnp.md'), /control character/],
  ['a lone surrogate', create('/memories/\ud800.md'), /not valid Unicode/],
  ['backslashes', create('/memories\\..\\etc\\passwd'), /backslash/],
  ['a backslash inside a name', create('/memories/a\\b.md'), /backslash/],
  ['a . name', create('/memories/./c.md'), /empty or "\." name/],
  ['an empty name', create('/memories//c.md'), /empty or "\." name/],
  ['an over-long path', create(`/memories/${'a/'.repeat(300)}x.md`), /Path is too long \(614 characters\)/],
  ['an over-long name', create(`/memories/${'é'.repeat(130)}.md`), /263 bytes long; the limit is 255/],
  ['a path that is not a string', create(42), /`path` parameter must be a string, got number/],
  ['a missing path', create(undefined), /`path` parameter must be a string, got undefined/],
  ['file_text that is not a string', create('/memories/d.md', { evil: true }), /`file_text` parameter must be/],
  ['creating /memories itself', create('/memories'), /is a directory/],
  ['creating beneath a file', create('/memories/a.md/inner.md'), /a\.md is a file, not a directory/],
  ['renaming to outside', rename('/memories/a.md', '/memories/../../tmp/x'), ESCAPE],
  ['renaming from outside', rename('/etc/hosts', '/memories/hosts'), OUTSIDE],
  ['renaming /memories itself', rename('/memories', '/memories/x'), /Cannot rename the \/memories directory/],
  ['a file over the size limit', create('/memories/d.md', 'x'.repeat(101)), /would be 101 bytes; the limit is 100/],
  ['a replacement over the size limit', replace('/memories/a.md', 'Z', 'x'.repeat(20)), /would be 109 bytes/],
  ['an insert over the size limit', insert(0, 'x'.repeat(20)), /would be 111 bytes/],
  ['one file too many', create('/memories/d.md', 'd'), /would hold 4 files; the limit is 3/],
  [
    'a store over its total size',
    replace('/memories/c.md', 'Z', 'c'.repeat(20)),
    /would hold 259 bytes in all; the limit is 250/,
  ],
  ['old_str that is not a string', replace('/memories/a.md', { toString: () => 'a' }, 'b'), /`old_str` parameter/],
  ['an insert_line that is a string', insert('0'), /Invalid `insert_line` parameter: "0"/],
  ['a negative insert_line', insert(-1), /Invalid `insert_line` parameter: -1/],
  [
    'a view range past any file',
    (s) => s.view({ command: 'view', path: '/memories/a.md', view_range: [-5, 2 ** 53] }),
    /Invalid `view_range`/,
  ],
];

let dir: string;
let store: MemoryStore;
let before: Record<string, string>;

/** Every file under the temporary directory, with its bytes: what must not change. */
function snapshot(): Record<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(
    entries.map((e) => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), 'hex')]),
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cairn-hostile-'));
  store = new MemoryStore({
    file: join(dir, 'store', 'memory.json'),
    limits: { maxFileBytes: 100, maxFiles: 3, maxStoreBytes: 250 },
  });
  await create('/memories/a.md', `${'a'.repeat(89)}Z`)(store);
  await create('/memories/notes/b.md', 'b'.repeat(90))(store);
  await create('/memories/c.md', `${'c'.repeat(59)}Z`)(store);
  before = snapshot();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('MemoryStore against hostile input', () => {
  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('refuses %s, writing nothing inside or outside the store', async (_, run, error) => {
    const thrown = await run(store).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(thrown).toBeInstanceOf(MemoryToolError);
    expect((thrown as Error).message).toMatch(error);
    expect(snapshot()).toEqual(before);
  });
});
