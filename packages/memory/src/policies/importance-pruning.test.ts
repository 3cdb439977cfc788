import { describe, expect, it } from 'vitest';
import type { AppendOptions } from '../conversation/conversation-manager.ts';
import { ConversationManager } from '../conversation/conversation-manager.ts';
import { viewProblems } from '../conversation/sequence.ts';
import {
  appendAll,
  buildConversation,
  compactionState,
  toolRound,
  user,
  words,
} from '../testing/build-conversation.ts';
import { defaultImportance, type ImportanceScorer } from './default-importance.ts';
import { type ImportancePruningOptions, importancePruning } from './importance-pruning.ts';

const DENSE = 'Ticket TKT-1042 for order ORD-7781: refund of $49.99 approved on 2026-03-14, escalated to billing.';
// A request (0) and five tool exchanges of about 176 tokens each. By the default scorer: 1 is plain and
// oldest (lowest), 7 plain and recent, 5 a tool error, 3 dense with identifiers (highest); 9 is in flight.
const messages = buildConversation(
  user(words(20)),
  toolRound([{ name: 'search', input: { q: 'a' }, result: words(150) }]),
  toolRound([{ name: 'lookup', input: { q: 'b' }, result: `${DENSE} ${words(120)}` }]),
  toolRound([{ name: 'search', input: { q: 'c' }, result: `timeout ${words(149)}`, error: true }]),
  toolRound([{ name: 'search', input: { q: 'd' }, result: words(150) }]),
  toolRound([{ name: 'search', input: { q: 'e' }, result: words(150) }]),
);
const total = compactionState(messages, { target: 0 }).tokens;

const newestFirst: ImportanceScorer = (exchange) => -exchange.id;
const errorsFirst: ImportanceScorer = (exchange) => (exchange.toolResults.some((r) => r.isError) ? 0 : 1);

interface Case {
  readonly name: string;
  /** Tokens the view must lose. */
  readonly free: number;
  readonly options?: ImportancePruningOptions;
  readonly append?: Record<number, AppendOptions>;
  readonly dropped: readonly number[] | null;
}

const cases: Case[] = [
  { name: 'drops the lowest-scoring exchange first', free: 1, dropped: [1] },
  {
    name: 'then the next lowest, a plain recent exchange before an older tool error',
    free: 200,
    dropped: [1, 7],
  },
  { name: 'keeps the exchange dense with identifiers and numbers longest', free: 400, dropped: [1, 5, 7] },
  { name: 'drops every unprotected exchange when the target needs it', free: 600, dropped: [1, 3, 5, 7] },
  { name: 'does nothing when the view is under the target', free: 0, dropped: null },
  {
    name: 'an importance given on append keeps an exchange longer',
    free: 200,
    append: { 2: { importance: 1 } },
    dropped: [5, 7],
  },
  {
    name: 'importance 0 changes nothing',
    free: 1,
    append: { 2: { importance: 0 } },
    dropped: [1],
  },
  { name: 'a custom scorer decides the order', free: 200, options: { score: newestFirst }, dropped: [5, 7] },
  { name: 'a custom scorer sees the tool results', free: 1, options: { score: errorsFirst }, dropped: [5] },
  {
    name: 'never prunes the most recent keepRecentTokens',
    free: 200,
    options: { keepRecentTokens: 400 },
    dropped: [1, 5],
  },
  {
    name: 'prunes nothing when everything is recent',
    free: 600,
    options: { keepRecentTokens: 10_000 },
    dropped: null,
  },
  {
    name: 'prunes only exchanges scoring below maxScore',
    free: 600,
    options: { maxScore: 1.5 },
    dropped: [1, 7],
  },
  { name: 'never prunes a pinned exchange', free: 1, append: { 1: { pinned: true } }, dropped: [7] },
];

describe('importancePruning', () => {
  it.each(cases)('$name', ({ free, options, append, dropped }) => {
    const state = compactionState(messages, { target: total - free, ...(append ? { append } : {}) });
    const step = importancePruning({ keepRecentTokens: 0, ...options }).next(state);
    expect(step && step.type === 'drop' ? step.exchangeIds : step).toEqual(dropped);
    if (step?.type === 'drop') expect(step.reason).toBe('prune');
  });

  it('scores an exchange afresh once the results of its calls arrive', () => {
    const round = buildConversation(
      user(words(20)),
      toolRound([{ name: 'lookup', result: `TKT-1 ORD-2 INV-3 failed. ${words(10)}`, error: true }]),
    );
    const score = (messages: typeof round) => {
      const [, exchange] = compactionState(messages, { target: 0 }).exchanges;
      return defaultImportance(exchange!, 0);
    };
    const inFlight = score(round.slice(0, 2));
    expect(score(round)).toBeGreaterThan(inFlight + 1);
    expect(score(round.slice(0, 2))).toBe(inFlight);
  });

  it('never prunes the request or the exchange in flight', () => {
    const step = importancePruning({ keepRecentTokens: 0, score: () => 0 }).next(
      compactionState(messages, { target: 0 }),
    );
    expect(step).toMatchObject({ type: 'drop', exchangeIds: [1, 3, 5, 7] });
  });

  it('leaves a valid view without the dropped exchanges, each recallable by key', async () => {
    const manager = appendAll(
      new ConversationManager({
        policy: importancePruning({ keepRecentTokens: 0 }),
        compaction: { threshold: total - 100, target: total - 200 },
      }),
      messages,
    );
    const result = await manager.prepare();
    expect(result?.steps).toEqual([
      { type: 'drop', reason: 'prune', keys: ['turn:1', 'turn:7'], freed: expect.any(Number) },
    ]);
    expect(viewProblems(manager.view())).toEqual([]);
    expect(manager.view()).toEqual(messages.filter((_, i) => ![1, 2, 7, 8].includes(i)));
    expect(manager.recall('turn:7')).toBe(
      `assistant: [tool call toolu_4] search({"q":"d"})\n\nuser: [tool result toolu_4] ${words(150)}`,
    );
  });
});
