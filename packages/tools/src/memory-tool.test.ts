import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MemoryToolHandlers } from '@anthropic-ai/sdk/helpers/beta/memory';
import { BetaLocalFilesystemMemoryTool } from '@anthropic-ai/sdk/tools/memory/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryTool } from './memory-tool.ts';
import { runToolCalls } from './run-tool-calls.ts';

describe('memoryTool', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cairn-memory-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const run = async (tool: ReturnType<typeof memoryTool>, input: object) => {
    const [result] = await runToolCalls([{ id: 'm', name: 'memory', input }], [tool]);
    return result!;
  };

  it('is sent to the API as the memory_20250818 tool', () => {
    expect(memoryTool(new BetaLocalFilesystemMemoryTool(dir)).definition).toEqual({
      type: 'memory_20250818',
      name: 'memory',
    });
  });

  it('runs all six commands against a store that writes real files', async () => {
    const tool = memoryTool(await BetaLocalFilesystemMemoryTool.init(dir));
    const ok = async (input: object) => {
      const result = await run(tool, input);
      expect(result).not.toHaveProperty('is_error');
      return result;
    };
    const file = join(dir, 'memories', 'rules.md');
    await ok({
      command: 'create',
      path: '/memories/rules.md',
      file_text: 'Refunds over $500 go to billing.\n',
    });
    await ok({
      command: 'str_replace',
      path: '/memories/rules.md',
      old_str: '$500',
      new_str: '$200',
    });
    await ok({ command: 'insert', path: '/memories/rules.md', insert_line: 0, insert_text: '# Rules' });
    expect(await readFile(file, 'utf8')).toBe('# Rules\nRefunds over $200 go to billing.\n');

    const view = await ok({ command: 'view', path: '/memories/rules.md', view_range: [2, 2] });
    expect(view.content).toContain('Refunds over $200');
    expect(view.content).not.toContain('# Rules');

    await ok({ command: 'rename', old_path: '/memories/rules.md', new_path: '/memories/policy.md' });
    expect(await readFile(join(dir, 'memories', 'policy.md'), 'utf8')).toContain('$200');
    await ok({ command: 'delete', path: '/memories/policy.md' });
    await expect(readFile(join(dir, 'memories', 'policy.md'))).rejects.toThrow(/ENOENT/);
  });

  it('reports what the store refuses, such as a missing file, as an error result', async () => {
    const result = await run(memoryTool(await BetaLocalFilesystemMemoryTool.init(dir)), {
      command: 'view',
      path: '/memories/missing.md',
    });
    expect(result).toMatchObject({ is_error: true, content: expect.stringContaining('memory failed:') });
  });

  it('rejects an unknown command or a path outside /memories before the store sees it', async () => {
    const calls: string[] = [];
    const store = new Proxy({} as MemoryToolHandlers, {
      get: (_, command: string) => () => {
        calls.push(command);
        return '';
      },
    });
    const tool = memoryTool(store);
    expect(await run(tool, { command: 'format', path: '/memories' })).toMatchObject({ is_error: true });
    expect(await run(tool, { command: 'create', path: '/etc/passwd', file_text: 'x' })).toMatchObject({
      is_error: true,
      content: expect.stringContaining('Memory paths start with /memories.'),
    });
    expect(calls).toEqual([]);
  });

  it('sends the text of content blocks a store answers with', async () => {
    const store = new Map<string, string>([['/memories/a.md', 'alpha']]);
    const handlers = {
      view: ({ path }) => [{ type: 'text', text: store.get(path) ?? '' }],
      create: ({ path, file_text }) => `created ${store.set(path, file_text) && path}`,
      str_replace: () => 'unchanged',
      insert: () => 'unchanged',
      delete: ({ path }) => `deleted ${store.delete(path)}`,
      rename: () => 'unchanged',
    } satisfies MemoryToolHandlers;
    const tool = memoryTool(handlers);
    expect((await run(tool, { command: 'view', path: '/memories/a.md' })).content).toBe('alpha');
    expect((await run(tool, { command: 'delete', path: '/memories/a.md' })).content).toBe('deleted true');
  });
});
