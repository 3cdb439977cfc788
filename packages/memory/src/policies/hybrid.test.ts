import type Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { ConversationManager } from '../conversation/conversation-manager.ts';
import { viewProblems } from '../conversation/sequence.ts';
import { extractiveSummarizer } from '../summarizers/extractive.ts';
import { appendAll, assistant, buildConversation, toolRound, user, words } from '../testing/build-conversation.ts';
import { type HybridOptions, hybrid } from './hybrid.ts';
import { slidingWindow } from './sliding-window.ts';

type Message = Anthropic.MessageParam;

const summarizer = extractiveSummarizer();
// A ticket worked with four lookups (large results, each naming an order), then the next ticket: 1,279 tokens.
const desk = buildConversation(
  user(`Ticket TKT-1001 from jane@example.com: ${words(60)}`),
  ...[1, 2, 3, 4].map((i) =>
    toolRound(
      [
        {
          name: 'lookup',
          input: { order: `ORD-200${i}` },
          result: `Order ORD-200${i} shipped. ${words(200)}`,
        },
      ],
      { text: `Checking ORD-200${i}.` },
    ),
  ),
  assistant(`Ticket TKT-1001 resolved with a refund of $20. ${words(100)}`),
  user(`Next: ticket TKT-1002 about ORD-3001. ${words(100)}`),
);
// Three exchanges that carry nothing (1, 3, 5: filler text and a trivial call), then three naming orders
// and tickets: 1,113 tokens.
const chatter = buildConversation(
  user(`Ticket TKT-1001 from jane@example.com: ${words(60)}`),
  ...[1, 2, 3].map(() => toolRound([{ name: 'ping', result: 'ok' }], { text: words(100) })),
  ...[1, 2, 3].flatMap((i) => [
    assistant(`Order ORD-300${i} noted. ${words(100)}`),
    user(`Ticket TKT-200${i} opened. ${words(100)}`),
  ]),
);

interface Case {
  readonly name: string;
  readonly messages: readonly Message[];
  readonly target: number;
  readonly options?: Omit<HybridOptions, 'summarizer'>;
  /** The steps of the compaction, as `type` or `type:reason`. */
  readonly steps: readonly string[];
}

const cases: Case[] = [
  {
    name: 'clears old tool results first, and stops there when that is enough',
    messages: desk,
    target: 1_150,
    steps: ['clear-tool-results'],
  },
  {
    name: 'summarizes only when clearing is not enough',
    messages: desk,
    target: 700,
    options: { keepToolResults: 1 },
    steps: ['clear-tool-results', 'summarize'],
  },
  {
    name: 'passes excludeTools to the clearing tier',
    messages: desk,
    target: 1_150,
    options: { excludeTools: ['lookup'] },
    steps: ['summarize'],
  },
  {
    name: 'prunes exchanges that carry nothing before summarizing, and stops there when that is enough',
    messages: chatter,
    target: 900,
    steps: ['drop:prune'],
  },
  {
    name: 'summarizes once pruning is not enough',
    messages: chatter,
    target: 700,
    steps: ['drop:prune', 'summarize'],
  },
  {
    name: 'drops the oldest exchanges only as the last resort, when no summary can be made',
    messages: desk,
    target: 700,
    options: { keepToolResults: 1, summaryTokens: 10 },
    steps: ['clear-tool-results', 'drop:window', 'drop:window'],
  },
  {
    name: 'runs custom tiers in the order given',
    messages: desk,
    target: 700,
    options: { tiers: [slidingWindow()] },
    steps: ['drop:window'],
  },
];

describe('hybrid', () => {
  it.each(cases)('$name', async ({ messages, target, options, steps }) => {
    const manager = appendAll(
      new ConversationManager({
        policy: hybrid({ summarizer, keepRecentTokens: 300, summaryTokens: 200, ...options }),
        compaction: { threshold: target + 100, target },
      }),
      messages,
    );
    const result = await manager.prepare();
    expect(result?.steps.map((s) => (s.type === 'drop' ? `drop:${s.reason}` : s.type))).toEqual(steps);
    expect(result?.after).toBeLessThanOrEqual(target);
    expect(viewProblems(manager.view())).toEqual([]);
    expect(manager.view().at(-1)).toBe(messages.at(-1));
  });

  it('is named hybrid in what it records', async () => {
    const manager = appendAll(
      new ConversationManager({
        policy: hybrid({ summarizer }),
        compaction: { threshold: 1_250, target: 1_150 },
      }),
      desk,
    );
    await manager.prepare();
    expect(manager.events).toMatchObject([{ type: 'compaction', policy: 'hybrid' }]);
  });
});
