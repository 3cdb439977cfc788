import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TokenCounter } from '../tokens/token-counter.ts';
import { formatMemoryIndex, memoryIndex } from './memory-index.ts';
import { MemoryStore } from './memory-store.ts';

/** One token per word: easy to reason about in a budget. */
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const file = (path: string, content: string, updatedAt = '2026-01-01T00:00:00.000Z') => ({
  path,
  content,
  updatedAt,
});

describe('formatMemoryIndex', () => {
  it('lists each file with its size and first line, most recently updated first', () => {
    const index = formatMemoryIndex([
      file('/memories/rules.md', '\n# Rules\nAlways cite the ticket id.', '2026-01-01T00:00:00.000Z'),
      file('/memories/facts.md', '## Identifiers\n- TKT-1001', '2026-01-02T00:00:00.000Z'),
      file('/memories/empty.md', '', '2026-01-01T00:00:00.000Z'),
    ]);
    expect(index).toBe(
      [
        'Memory files (view them with the memory tool before relying on them):',
        '- /memories/facts.md (25B): Identifiers',
        '- /memories/empty.md (0B): (empty)',
        '- /memories/rules.md (35B): Rules',
      ].join('\n'),
    );
  });

  it('stays within maxTokens, counting the files it leaves out', () => {
    const files = Array.from({ length: 30 }, (_, i) =>
      file(`/memories/f${String(i).padStart(2, '0')}.md`, 'one two three'),
    );
    const index = formatMemoryIndex(files, { maxTokens: 40, countTokens: words });
    expect(words(index)).toBeLessThanOrEqual(40);
    expect(index.split('\n').at(-1)).toMatch(/^- … and \d+ more files: view \/memories to list them\.$/);
    const listed = index.split('\n').length - 2;
    expect(index).toContain(`and ${30 - listed} more files`);
  });

  it('is empty when memory is, or when not even the header fits', () => {
    expect(formatMemoryIndex([])).toBe('');
    expect(formatMemoryIndex([file('/memories/a.md', 'a')], { maxTokens: 3, countTokens: words })).toBe('');
  });

  it('shortens a long first line', () => {
    const index = formatMemoryIndex([file('/memories/a.md', 'x'.repeat(500))]);
    expect(index).toContain(`${'x'.repeat(120)}…`);
  });

  it('keeps to the budget with the package TokenCounter as well', () => {
    const counter = new TokenCounter();
    const files = Array.from({ length: 200 }, (_, i) =>
      file(`/memories/customer-${i}.md`, `Customer ${i} prefers email.`),
    );
    const index = formatMemoryIndex(files, { maxTokens: 300, countTokens: (text) => counter.text(text) });
    expect(counter.text(index)).toBeLessThanOrEqual(300);
    expect(index).toContain('more files');
  });
});

describe('memoryIndex', () => {
  it('indexes what a MemoryStore holds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-index-'));
    try {
      const store = new MemoryStore({ file: join(dir, 'memory.json') });
      await store.create({ command: 'create', path: '/memories/prefs.md', file_text: 'Reply in French.' });
      expect(await memoryIndex(store)).toContain('- /memories/prefs.md (16B): Reply in French.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
