/**
 * `pnpm bench storage`: median latency of each memory command on a store of 50 files, and of a session
 * save (one more message, the machine snapshot and the usage ledger) at 1K and 10K stored messages,
 * next to a full rewrite and a load of the same session. Real files in a temporary directory, flushed
 * to disk as in production.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Anthropic from '@anthropic-ai/sdk';
import { measure, report, type Sample } from '../../../scripts/bench-kit.ts';
import { deepFreeze, FileSessionStore, flushFacts, MemoryStore, memoryIndex } from '../src/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'cairn-bench-storage-'));

/** A ticket-desk exchange: a tool call, its ~1 KB knowledge-base result, a short reply. */
function message(n: number): Anthropic.MessageParam {
  const ticket = `TKT-${1000 + Math.floor(n / 3)}`;
  switch (n % 3) {
    case 0:
      return {
        role: 'assistant',
        content: [
          { type: 'text', text: `Searching the knowledge base for ${ticket}.` },
          {
            type: 'tool_use',
            id: `toolu_${n}`,
            name: 'search_knowledge_base',
            input: { category: 'billing', query: 'refund' },
          },
        ],
      };
    case 1:
      return {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            tool_use_id: `toolu_${n - 1}`,
            content: 'KB-112: Refunds are issued to the original payment method. '.repeat(16),
          },
        ],
      };
    default:
      return { role: 'assistant', content: `Classified ${ticket} as billing and routed it to billing-team.` };
  }
}

async function memorySamples(): Promise<Sample[]> {
  const store = new MemoryStore({ file: join(dir, 'memory.json') });
  for (let i = 0; i < 50; i++) {
    await store.create({
      command: 'create',
      path: `/memories/customers/c${i}.md`,
      file_text: `Customer ${i}\n${'note '.repeat(200)}`,
    });
  }
  await store.create({ command: 'create', path: '/memories/edit.md', file_text: 'status: A\n' });
  const next = { created: 0, renamed: 0, deleted: 0, flushed: 0, flip: false };
  return [
    await measure('view /memories (50 files)', () => store.view({ command: 'view', path: '/memories' })),
    await measure('view file', () => store.view({ command: 'view', path: '/memories/customers/c7.md' })),
    await measure('create', () =>
      store.create({ command: 'create', path: `/memories/new/n${next.created++}.md`, file_text: 'new fact' }),
    ),
    await measure('str_replace', () => {
      next.flip = !next.flip;
      const [old_str, new_str] = next.flip ? ['A', 'B'] : ['B', 'A'];
      return store.str_replace({ command: 'str_replace', path: '/memories/edit.md', old_str, new_str });
    }),
    await measure('insert', () =>
      store.insert({ command: 'insert', path: '/memories/edit.md', insert_line: 0, insert_text: 'line' }),
    ),
    await measure('rename', () =>
      store.rename({
        command: 'rename',
        old_path: `/memories/new/n${next.renamed}.md`,
        new_path: `/memories/old/n${next.renamed++}.md`,
      }),
    ),
    await measure('delete', () => store.delete({ command: 'delete', path: `/memories/old/n${next.deleted++}.md` })),
    await measure('memoryIndex', () => memoryIndex(store, { countTokens: (text) => Math.ceil(text.length / 4) })),
    await measure('flushFacts (30 messages)', () =>
      flushFacts(
        store,
        Array.from({ length: 30 }, () => message(next.flushed++)),
      ),
    ),
  ];
}

async function reportSessions(messages: number): Promise<void> {
  const sessions = join(dir, `sessions-${messages}`);
  const store = new FileSessionStore({ dir: sessions });
  // Frozen through, as a ConversationManager keeps its entries and the runtime its ledger.
  const entry = (n: number) => deepFreeze({ message: message(n), pinned: n === 0 });
  const billed = (n: number) => deepFreeze({ model: 'claude-haiku-4-5', input: 1_000 + n, output: 50 });
  const entries = Array.from({ length: messages }, (_, n) => entry(n));
  const usage = entries.map((_, n) => billed(n));
  const session = (id: string) => ({
    id,
    conversation: { version: 1, entries, events: [], offloaded: {} },
    machine: { value: 'preparing', context: { iteration: entries.length } },
    usage,
  });
  await store.save(session('growing'));
  const label = `${messages / 1_000}K messages`;
  let copies = 0;
  const samples = [
    await measure(`session save, ${label} (+1 message)`, () => {
      entries.push(entry(entries.length));
      usage.push(billed(usage.length));
      return store.save(session('growing'));
    }),
    await measure(`session full rewrite, ${label}`, () => store.save(session(`copy-${copies++}`)), {
      runs: 15,
      warmup: 2,
    }),
    await measure(`session load, ${label}`, () => store.load('growing'), { runs: 15, warmup: 2 }),
  ];
  const megabytes = (statSync(join(sessions, 'growing.jsonl')).size / 1e6).toFixed(1);
  report(`session store (FileSessionStore), ${label}, ${megabytes} MB on disk`, samples);
}

try {
  report('memory commands (MemoryStore, one lowdb JSON file, fsync on write)', await memorySamples());
  for (const messages of [1_000, 10_000]) await reportSessions(messages);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
