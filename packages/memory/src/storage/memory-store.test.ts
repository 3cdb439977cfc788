import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BetaLocalFilesystemMemoryTool, betaMemoryTool } from '@anthropic-ai/sdk/tools/memory/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryStore } from './memory-store.ts';
import { MemoryToolError } from './memory-tool-error.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cairn-memory-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = (path: string) =>
  `Here're the files and directories up to 2 levels deep in ${path}, excluding hidden items and node_modules:`;

function store() {
  return new MemoryStore({ file: join(dir, 'memory.json'), clock: () => new Date(Date.UTC(2026, 0, 1)) });
}

async function storeWith(files: Record<string, string>) {
  const memory = store();
  for (const [path, file_text] of Object.entries(files)) await memory.create({ command: 'create', path, file_text });
  return memory;
}

describe('MemoryStore', () => {
  it('lists an empty /memories directory', async () => {
    expect(await store().view({ command: 'view', path: '/memories' })).toBe(`${HEADER('/memories')}\n0B\t/memories`);
  });

  it('lists two levels with sizes, leaving out hidden items and node_modules', async () => {
    const memory = await storeWith({
      '/memories/notes/deep/more/d.md': 'd'.repeat(2048),
      '/memories/a.md': '0123456789',
      '/memories/notes/b.md': 'bb',
      '/memories/.hidden/x.md': 'x',
      '/memories/node_modules/y.md': 'y',
      '/memories/notes-2.md': '',
    });
    expect(await memory.view({ command: 'view', path: '/memories/' })).toBe(
      [
        HEADER('/memories'),
        '2.0K\t/memories',
        '10B\t/memories/a.md',
        '2.0K\t/memories/notes/',
        '2B\t/memories/notes/b.md',
        '2K\t/memories/notes/deep/',
        '0B\t/memories/notes-2.md',
      ].join('\n'),
    );
  });

  it('shows a file with line numbers, whole or a range', async () => {
    const memory = await storeWith({ '/memories/a.md': 'one\ntwo\nthree\nfour' });
    expect(await memory.view({ command: 'view', path: '/memories/a.md' })).toBe(
      "Here's the content of /memories/a.md with line numbers:\n     1\tone\n     2\ttwo\n     3\tthree\n     4\tfour",
    );
    expect(await memory.view({ command: 'view', path: '/memories/a.md', view_range: [2, 3] })).toBe(
      "Here's the content of /memories/a.md with line numbers:\n     2\ttwo\n     3\tthree",
    );
    expect(await memory.view({ command: 'view', path: '/memories/a.md', view_range: [4, -1] })).toMatch(/ {5}4\tfour$/);
  });

  it.each([[[0, 2]], [[3, 2]], [[9, 9]], [[1]], [['1', 2]]])('refuses the view range %j', async (range) => {
    const memory = await storeWith({ '/memories/a.md': 'one\ntwo' });
    await expect(
      memory.view({ command: 'view', path: '/memories/a.md', view_range: range as number[] }),
    ).rejects.toThrow(/Invalid `view_range` parameter/);
  });

  it('replaces text that spans lines when it occurs exactly once, showing the change', async () => {
    const memory = await storeWith({ '/memories/a.md': 'l1\nl2\nstatus: open\nowner: sam\nl5\nl6\nl7' });
    const result = await memory.str_replace({
      command: 'str_replace',
      path: '/memories/a.md',
      old_str: 'open\nowner: sam',
      new_str: 'closed\nowner: kim\nclosed by: kim',
    });
    expect(result).toBe(
      'The memory file has been edited. Here is the snippet showing the change (with line numbers):\n' +
        '     1\tl1\n     2\tl2\n     3\tstatus: closed\n     4\towner: kim\n     5\tclosed by: kim\n     6\tl5\n     7\tl6',
    );
  });

  it('says how many times old_str occurs, and on which lines, when it is not unique', async () => {
    const memory = await storeWith({ '/memories/a.md': 'TKT-1 open\nTKT-2 open\nnote\nTKT-3 open' });
    const replace = (old_str: string) =>
      memory.str_replace({ command: 'str_replace', path: '/memories/a.md', old_str, new_str: 'x' });
    await expect(replace(' open')).rejects.toThrow(
      'No replacement was performed. Multiple occurrences (3) of old_str ` open` in lines: 1, 2, 4. Please ensure it is unique',
    );
    await expect(replace('aa')).rejects.toThrow(
      'No replacement was performed, old_str `aa` did not appear verbatim in /memories/a.md.',
    );
    await expect(replace('')).rejects.toThrow(/old_str is empty/);
  });

  it('counts overlapping occurrences as ambiguous', async () => {
    const memory = await storeWith({ '/memories/a.md': 'aaa' });
    await expect(
      memory.str_replace({ command: 'str_replace', path: '/memories/a.md', old_str: 'aa', new_str: 'b' }),
    ).rejects.toThrow(/Multiple occurrences \(2\)/);
  });

  it('inserts a line at the top, in the middle and at the end, and refuses other lines', async () => {
    const memory = await storeWith({ '/memories/a.md': 'b\nd' });
    const insert = (insert_line: number, insert_text: string) =>
      memory.insert({ command: 'insert', path: '/memories/a.md', insert_line, insert_text });
    expect(await insert(0, 'a\n')).toBe('The file /memories/a.md has been edited.');
    await insert(2, 'c');
    await insert(4, 'e');
    expect((await memory.files())[0]?.content).toBe('a\nb\nc\nd\ne');
    await expect(insert(7, 'x')).rejects.toThrow(
      'Invalid `insert_line` parameter: 7. It should be within the range of lines of the file: [0, 5]',
    );
    await expect(insert(1.5, 'x')).rejects.toThrow(/Invalid `insert_line` parameter: 1.5/);
  });

  it('deletes a file or a whole directory, never /memories itself', async () => {
    const memory = await storeWith({
      '/memories/a.md': 'a',
      '/memories/dir/b.md': 'b',
      '/memories/dir/sub/c.md': 'c',
    });
    expect(await memory.delete({ command: 'delete', path: '/memories/dir' })).toBe(
      'Successfully deleted /memories/dir',
    );
    expect((await memory.files()).map((f) => f.path)).toEqual(['/memories/a.md']);
    await expect(memory.delete({ command: 'delete', path: '/memories' })).rejects.toThrow(
      'Cannot delete the /memories directory itself',
    );
    await expect(memory.delete({ command: 'delete', path: '/memories/dir' })).rejects.toThrow(
      'The path /memories/dir does not exist',
    );
  });

  it('renames a file or a directory, never over an existing path or into itself', async () => {
    const memory = await storeWith({
      '/memories/a.md': 'a',
      '/memories/dir/b.md': 'b',
      '/memories/dir/sub/c.md': 'c',
    });
    const rename = (old_path: string, new_path: string) => memory.rename({ command: 'rename', old_path, new_path });
    expect(await rename('/memories/dir', '/memories/archive/2026')).toBe(
      'Successfully renamed /memories/dir to /memories/archive/2026',
    );
    expect((await memory.files()).map((f) => f.path)).toEqual([
      '/memories/a.md',
      '/memories/archive/2026/b.md',
      '/memories/archive/2026/sub/c.md',
    ]);
    await expect(rename('/memories/a.md', '/memories/archive')).rejects.toThrow(
      'The destination /memories/archive already exists',
    );
    await expect(rename('/memories/archive', '/memories/archive/inner')).rejects.toThrow(/into itself/);
    await expect(rename('/memories/nope', '/memories/b')).rejects.toThrow('The path /memories/nope does not exist');
    await expect(rename('/memories/archive/2026/b.md', '/memories/a.md/b.md')).rejects.toThrow(
      'Cannot create /memories/a.md/b.md: /memories/a.md is a file, not a directory.',
    );
  });

  it('answers str_replace and insert on a directory or a missing file as the SDK does', async () => {
    const memory = await storeWith({ '/memories/dir/a.md': 'a' });
    await expect(
      memory.insert({ command: 'insert', path: '/memories/dir', insert_line: 0, insert_text: 'x' }),
    ).rejects.toThrow('The path /memories/dir is not a file.');
    await expect(
      memory.str_replace({ command: 'str_replace', path: '/memories/b.md', old_str: 'a', new_str: 'b' }),
    ).rejects.toThrow('The path /memories/b.md does not exist. Please provide a valid path.');
  });

  it('gives the same texts as the SDK filesystem memory tool for the same commands', async () => {
    const sdk = await BetaLocalFilesystemMemoryTool.init(join(dir, 'sdk'));
    const ours = store();
    const commands = [
      {
        command: 'create',
        path: '/memories/notes.md',
        file_text: 'Customer: Ana\nTicket: TKT-1001\nStatus: open',
      },
      { command: 'create', path: '/memories/notes.md', file_text: 'again' },
      { command: 'view', path: '/memories/notes.md' },
      { command: 'view', path: '/memories/notes.md', view_range: [2, -1] },
      { command: 'view', path: '/memories/missing.md' },
      { command: 'str_replace', path: '/memories/notes.md', old_str: 'open', new_str: 'closed' },
      { command: 'str_replace', path: '/memories/notes.md', old_str: 'absent', new_str: 'x' },
      {
        command: 'insert',
        path: '/memories/notes.md',
        insert_line: 1,
        insert_text: 'Email: ana@example.com\n',
      },
      { command: 'insert', path: '/memories/notes.md', insert_line: 99, insert_text: 'x' },
      { command: 'rename', old_path: '/memories/notes.md', new_path: '/memories/customers/ana.md' },
      { command: 'rename', old_path: '/memories/gone.md', new_path: '/memories/x.md' },
      { command: 'view', path: '/memories/customers/ana.md' },
      { command: 'delete', path: '/memories/customers/ana.md' },
      { command: 'delete', path: '/memories/customers/ana.md' },
      { command: 'delete', path: '/memories' },
      { command: 'view', path: '/etc/passwd' },
    ] as const;
    for (const command of commands) {
      const run = async (handlers: typeof ours | typeof sdk) => {
        try {
          return String(await betaMemoryTool(handlers).run(command as never));
        } catch (error) {
          return `Error: ${(error as Error).message}`;
        }
      };
      expect(await run(ours), JSON.stringify(command)).toBe(await run(sdk));
    }
  });

  it('throws MemoryToolError naming the command, for the SDK tool runner to return as an error result', async () => {
    const error = await store()
      .view({ command: 'view', path: '/memories/none' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MemoryToolError);
    expect(error).toMatchObject({ name: 'MemoryToolError', command: 'view' });
  });

  it('stamps updatedAt from its clock and keeps it through a rename', async () => {
    const memory = await storeWith({ '/memories/a.md': 'a' });
    await memory.rename({ command: 'rename', old_path: '/memories/a.md', new_path: '/memories/b.md' });
    expect(await memory.files()).toEqual([
      { path: '/memories/b.md', content: 'a', updatedAt: '2026-01-01T00:00:00.000Z' },
    ]);
  });
});
