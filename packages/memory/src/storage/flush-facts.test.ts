import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_FACTS_PATH, flushFacts } from './flush-facts.ts';
import { MemoryStore } from './memory-store.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cairn-flush-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const before = [
  { role: 'user' as const, content: 'My order ORD-77 never arrived; write to ana@example.com.' },
  { role: 'assistant' as const, content: "I'll escalate ORD-77 to logistics today." },
];

describe('flushFacts', () => {
  it('writes the durable facts of messages about to be summarized into /memories/facts.md', async () => {
    const store = new MemoryStore({ file: join(dir, 'memory.json') });
    const added = await flushFacts(store, before);
    expect(added.map((f) => f.text)).toEqual(['ORD-77', 'ana@example.com', "I'll escalate ORD-77 to logistics today."]);
    const view = await store.view({ command: 'view', path: DEFAULT_FACTS_PATH });
    expect(view).toContain('- ana@example.com');
    expect(view).toContain("- I'll escalate ORD-77 to logistics today.");
  });

  it('adds nothing and writes nothing when flushed twice', async () => {
    const store = new MemoryStore({ file: join(dir, 'memory.json') });
    await flushFacts(store, before);
    const [first] = await store.files();
    expect(await flushFacts(store, before)).toEqual([]);
    expect(await store.files()).toEqual([first]);
  });

  it('writes to another file when asked, and leaves memory alone when there are no facts', async () => {
    const store = new MemoryStore({ file: join(dir, 'memory.json') });
    expect(await flushFacts(store, [{ role: 'user', content: 'hello' }])).toEqual([]);
    expect(await store.files()).toEqual([]);
    await flushFacts(store, before, { path: '/memories/tickets/facts.md' });
    expect((await store.files()).map((f) => f.path)).toEqual(['/memories/tickets/facts.md']);
  });
});
