import { describe, expect, it } from 'vitest';
import type { AppendOptions } from '../conversation/conversation-manager.ts';
import { ConversationManager } from '../conversation/conversation-manager.ts';
import { viewProblems } from '../conversation/sequence.ts';
import { CONTINUATION_NOTE } from '../conversation/view-parts.ts';
import {
  appendAll,
  assistant,
  buildConversation,
  compactionState,
  toolRound,
  user,
  words,
} from '../testing/build-conversation.ts';
import { type SlidingWindowOptions, slidingWindow } from './sliding-window.ts';

// Exchange 0 is the opening request (104 tokens); 1, 3, 5, 7 and 9 are 208 each; 9 is the latest request.
const chat = buildConversation(
  user(words(100)),
  ...[1, 2, 3, 4, 5].flatMap(() => [assistant(words(100)), user(words(100))]),
);
// One request (0, 24 tokens) followed by five tool exchanges of 226 tokens: 1, 3, 5, 7 and 9 (in flight).
const longTurn = buildConversation(
  user(words(20)),
  ...[1, 2, 3, 4, 5].map(() => toolRound([{ name: 'lookup', input: { id: 1 }, result: words(200) }])),
);

interface Case {
  readonly name: string;
  readonly messages: typeof chat;
  readonly target: number;
  readonly options?: SlidingWindowOptions;
  readonly append?: Record<number, AppendOptions>;
  readonly dropped: readonly number[] | null;
}

const cases: Case[] = [
  {
    name: 'drops the oldest exchanges until the view is under the target',
    messages: chat,
    target: 500,
    dropped: [0, 1, 3, 5],
  },
  { name: 'drops only what the target needs', messages: chat, target: 1_000, dropped: [0, 1] },
  { name: 'does nothing when the view is under the target', messages: chat, target: 2_000, dropped: null },
  {
    name: 'keepTurns keeps at most that many exchanges, beyond what the target needs',
    messages: chat,
    target: 500,
    options: { keepTurns: 1 },
    dropped: [0, 1, 3, 5, 7],
  },
  {
    name: 'keepTurns applies even when the target would allow more',
    messages: chat,
    target: 2_000,
    options: { keepTurns: 2 },
    dropped: [0, 1, 3, 5],
  },
  {
    name: 'keepTurns larger than the target allows still reaches the target',
    messages: chat,
    target: 500,
    options: { keepTurns: 4 },
    dropped: [0, 1, 3, 5],
  },
  {
    name: 'keepTokens keeps at most that many tokens of exchanges',
    messages: chat,
    target: 500,
    options: { keepTokens: 300 },
    dropped: [0, 1, 3, 5, 7],
  },
  {
    name: 'keepTokens larger than the target allows still reaches the target',
    messages: chat,
    target: 500,
    options: { keepTokens: 1_000 },
    dropped: [0, 1, 3, 5],
  },
  {
    name: 'skips a pinned exchange and takes the next one',
    messages: chat,
    target: 500,
    append: { 2: { pinned: true } },
    dropped: [0, 3, 5, 7],
  },
  {
    name: 'skips a pinned opening request',
    messages: chat,
    target: 500,
    append: { 0: { pinned: true } },
    dropped: [1, 3, 5, 7],
  },
  {
    name: 'never drops the latest request or the last exchange, even to keep one turn',
    messages: chat,
    target: 100,
    options: { keepTurns: 0 },
    dropped: [0, 1, 3, 5, 7],
  },
  {
    name: 'works inside one long turn: keeps the request and drops the oldest tool exchanges',
    messages: longTurn,
    target: 500,
    dropped: [1, 3, 5],
  },
  {
    name: 'inside one long turn, with keepTurns, keeps the request and the last tool exchanges',
    messages: longTurn,
    target: 1_000,
    options: { keepTurns: 2 },
    dropped: [1, 3, 5],
  },
];

describe('slidingWindow', () => {
  it.each(cases)('$name', ({ messages, target, options, append, dropped }) => {
    const state = compactionState(messages, { target, ...(append ? { append } : {}) });
    const step = slidingWindow(options).next(state);
    expect(step && step.type === 'drop' ? step.exchangeIds : step).toEqual(dropped);
    if (step?.type === 'drop') expect(step.reason).toBe('window');
  });

  it.each([
    { name: 'across turns', messages: chat, kept: [7, 8, 9, 10], opening: CONTINUATION_NOTE },
    { name: 'inside one long turn', messages: longTurn, kept: [7, 8, 9, 10], opening: longTurn[0]!.content },
  ])('leaves a valid view that keeps the latest request and the last exchange, $name', async (c) => {
    const manager = appendAll(
      new ConversationManager({ policy: slidingWindow(), compaction: { threshold: 1_000, target: 600 } }),
      c.messages,
    );
    const result = await manager.prepare();
    const view = manager.view();
    expect(result?.after).toBeLessThanOrEqual(600);
    expect(viewProblems(view)).toEqual([]);
    expect(view[0]!.content).toEqual(c.opening);
    expect(view.slice(1)).toEqual(c.kept.map((i) => c.messages[i]));
    for (const key of result?.steps.flatMap((s) => s.keys) ?? []) expect(manager.recall(key)).toBeDefined();
  });
});
