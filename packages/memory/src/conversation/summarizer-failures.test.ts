import { describe, expect, it } from 'vitest';
import { hybrid } from '../policies/hybrid.ts';
import { summarization } from '../policies/summarization.ts';
import type { Summarizer, SummaryResult } from '../summarizers/summarizer.ts';
import { appendAll, assistant, buildConversation, toolRound, user, words } from '../testing/build-conversation.ts';
import { ConversationManager, type ConversationManagerOptions, type MemoryHooks } from './conversation-manager.ts';

const NO_USAGE = { inputTokens: 0, outputTokens: 0, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 };
const THRESHOLD = 1_000;
const TARGET = 800;

// 1,144 tokens: over the threshold, with exchanges 0 to 5 older than the recent tail.
const chat = buildConversation(
  user(words(100)),
  ...[1, 2, 3, 4, 5].flatMap(() => [assistant(words(100)), user(words(100))]),
);

function returning(result: Partial<SummaryResult>): Summarizer {
  return {
    name: 'fixed',
    async summarize() {
      return { text: 'TKT-1 summary.', stopReason: 'end_turn', model: 'test', usage: NO_USAGE, ...result };
    },
  };
}

const throwing: Summarizer = {
  name: 'throwing',
  async summarize() {
    throw new Error('529 overloaded');
  },
};

function managerWith(summarizer: Summarizer, options: ConversationManagerOptions = {}): ConversationManager {
  return appendAll(
    new ConversationManager({
      policy: summarization({ summarizer, keepRecentTokens: 500, summaryTokens: 200 }),
      compaction: { threshold: THRESHOLD, target: TARGET, breakerCooldown: 2 },
      ...options,
    }),
    chat,
  );
}

/** Appends exchanges until the view is over the threshold again. */
function grow(manager: ConversationManager): void {
  while (manager.tokens() <= THRESHOLD) appendAll(manager, [assistant(words(100)), user(words(100))]);
}

const failures: { name: string; summarizer: Summarizer; memory?: MemoryHooks; reason: RegExp }[] = [
  { name: 'throws', summarizer: throwing, reason: /^the summarizer failed: 529 overloaded$/ },
  { name: 'returns empty text', summarizer: returning({ text: '' }), reason: /^the summary was empty$/ },
  {
    name: 'returns only whitespace',
    summarizer: returning({ text: ' \n\t ' }),
    reason: /^the summary was empty$/,
  },
  {
    name: 'stops at max_tokens',
    summarizer: returning({ text: 'TKT-1 was escalated to', stopReason: 'max_tokens' }),
    reason: /^the summary was cut off at max_tokens$/,
  },
  {
    name: 'refuses',
    summarizer: returning({ text: 'I cannot help with that.', stopReason: 'refusal' }),
    reason: /^the summarizer stopped with refusal$/,
  },
  {
    name: 'stops with an error',
    summarizer: returning({ text: 'TKT-1', stopReason: 'error' }),
    reason: /^the summarizer stopped with error$/,
  },
  {
    name: 'returns a summary not smaller than what it replaces',
    summarizer: returning({ text: words(800) }),
    reason: /^the summary \(800 tokens\) is not smaller than what it replaces \(728\)$/,
  },
  {
    name: 'succeeds but flushing facts to memory fails',
    summarizer: returning({}),
    memory: {
      flush: async () => {
        throw new Error('memory file is locked');
      },
      index: () => '',
    },
    reason: /^flushing facts to memory failed: memory file is locked$/,
  },
  {
    name: 'succeeds but the memory index cannot be read',
    summarizer: returning({}),
    memory: {
      index: () => {
        throw new Error('store unreadable');
      },
    },
    reason: /^the memory index failed: store unreadable$/,
  },
];

describe('when the summarizer', () => {
  it.each(failures)(
    '$name, no summary is committed and the view stays as it was',
    async ({ summarizer, memory, reason }) => {
      const manager = managerWith(summarizer, memory ? { memory } : {});
      const view = structuredClone(manager.view());
      const tokens = manager.tokens();

      expect(await manager.prepare()).toBeNull();
      expect(manager.view()).toEqual(view);
      expect(manager.tokens()).toBe(tokens);
      expect(manager.summary).toBeNull();
      expect(manager.events).toEqual([
        {
          type: 'compaction-failed',
          at: chat.length,
          policy: 'summarization',
          reason: expect.stringMatching(reason),
          tokens,
        },
      ]);
    },
  );

  it('fails inside hybrid, the tool results cleared before it are restored too', async () => {
    const messages = buildConversation(
      user(`Ticket TKT-1001 ${words(60)}`),
      ...[1, 2, 3, 4].map((i) =>
        toolRound([{ name: 'lookup', input: { order: `ORD-${i}` }, result: `ORD-${i} ${words(200)}` }]),
      ),
      assistant(`Ticket TKT-1001 resolved. ${words(100)}`),
      user(`Next: ticket TKT-1002. ${words(100)}`),
    );
    const manager = appendAll(
      new ConversationManager({
        policy: hybrid({ summarizer: throwing, keepRecentTokens: 300, keepToolResults: 1 }),
        compaction: { threshold: 800, target: 700 },
      }),
      messages,
    );
    expect(await manager.prepare()).toBeNull();
    expect(manager.view()).toEqual(messages);
    expect(manager.events.map((e) => e.type)).toEqual(['compaction-failed']);
  });
});

describe('the circuit breaker', () => {
  it('opens after three failures in a row; the window keeps the budget while it is open', async () => {
    let calls = 0;
    const counting: Summarizer = {
      name: 'counting',
      async summarize() {
        calls += 1;
        throw new Error('down');
      },
    };
    const manager = managerWith(counting);
    expect(await manager.prepare()).toBeNull();
    expect(await manager.prepare()).toBeNull();
    const third = await manager.prepare();

    expect(manager.events.map((e) => e.type)).toEqual([
      'compaction-failed',
      'compaction-failed',
      'compaction-failed',
      'circuit-open',
      'compaction',
    ]);
    expect(manager.events[3]).toEqual({ type: 'circuit-open', at: chat.length, failures: 3 });
    expect(third?.steps.map((s) => s.type === 'drop' && s.reason)).toEqual(['emergency']);
    expect(manager.tokens()).toBeLessThanOrEqual(TARGET);

    // Open for two compactions (breakerCooldown): the summarizer is not asked, the window compacts.
    for (let i = 0; i < 2; i++) {
      grow(manager);
      const result = await manager.prepare();
      expect(result?.steps.every((s) => s.type === 'drop' && s.reason === 'emergency')).toBe(true);
      expect(manager.tokens()).toBeLessThanOrEqual(TARGET);
    }
    expect(calls).toBe(3);

    // Closed again: the summarizer is tried, and its failure opens the breaker again at once.
    grow(manager);
    const events = manager.events.length;
    await manager.prepare();
    expect(calls).toBe(4);
    expect(manager.events.slice(events).map((e) => e.type)).toEqual([
      'compaction-failed',
      'circuit-open',
      'compaction',
    ]);
    expect(manager.tokens()).toBeLessThanOrEqual(TARGET);
  });

  it('counts only failures in a row: a committed summary resets the count', async () => {
    const script = ['fail', 'fail', 'ok', 'fail', 'fail', 'fail'];
    let call = 0;
    const scripted: Summarizer = {
      name: 'scripted',
      async summarize() {
        const outcome = script[call++];
        return {
          text: outcome === 'ok' ? 'TKT-1 summary.' : '',
          stopReason: 'end_turn',
          model: 'test',
          usage: NO_USAGE,
        };
      },
    };
    const manager = managerWith(scripted);
    const types = async () => {
      if (manager.tokens() <= THRESHOLD) grow(manager);
      await manager.prepare();
      return manager.events.at(-1)?.type;
    };
    const outcomes: (string | undefined)[] = [];
    for (let i = 0; i < script.length; i++) outcomes.push(await types());

    expect(outcomes).toEqual([
      'compaction-failed',
      'compaction-failed',
      'compaction',
      'compaction-failed',
      'compaction-failed',
      'compaction',
    ]);
    expect(manager.events.filter((e) => e.type === 'circuit-open')).toHaveLength(1);
    expect(manager.events.at(-2)).toMatchObject({ type: 'circuit-open', failures: 3 });
  });
});
