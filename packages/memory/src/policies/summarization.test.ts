import type Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import type { AppendOptions } from '../conversation/conversation-manager.ts';
import { ConversationManager } from '../conversation/conversation-manager.ts';
import { viewProblems } from '../conversation/sequence.ts';
import { extractiveSummarizer } from '../summarizers/extractive.ts';
import type { Summarizer, SummaryRequest } from '../summarizers/summarizer.ts';
import {
  appendAll,
  assistant,
  buildConversation,
  compactionState,
  user,
  words,
} from '../testing/build-conversation.ts';
import { DEFAULT_SUMMARY_PROMPT, type SummarizationOptions, summarization } from './summarization.ts';

type Message = Anthropic.MessageParam;

const NO_USAGE = { inputTokens: 0, outputTokens: 0, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 };

/** Summarizes every request as "summary <n>: TKT-<n>" and keeps what it was asked. */
function recordingSummarizer(): Summarizer & { readonly requests: SummaryRequest[] } {
  const requests: SummaryRequest[] = [];
  return {
    name: 'recording',
    requests,
    async summarize(request) {
      requests.push(request);
      return {
        text: `summary ${requests.length}: TKT-${requests.length}`,
        stopReason: 'end_turn',
        model: 'test',
        usage: NO_USAGE,
      };
    },
  };
}

// Exchange 0 is the opening request (104 tokens); 1, 3, 5, 7 and 9 are 208 each; 9 is the latest request.
const chat = buildConversation(
  user(words(100)),
  ...[1, 2, 3, 4, 5].flatMap(() => [assistant(words(100)), user(words(100))]),
);
const summarizer = extractiveSummarizer();
/** A recent tail of 500 tokens and a summary of at most 200: a compaction to 800 summarizes exchanges 0 to 5. */
const TAIL = { keepRecentTokens: 500, summaryTokens: 200 };

interface Case {
  readonly name: string;
  readonly target: number;
  readonly options?: Omit<SummarizationOptions, 'summarizer'>;
  readonly append?: Record<number, AppendOptions>;
  readonly summary?: string;
  readonly canSummarize?: boolean;
  readonly messages?: readonly Message[];
  readonly expected: { exchangeIds: number[]; maxTokens: number } | null;
}

const cases: Case[] = [
  {
    name: 'summarizes everything older than the recent tail, leaving room for the summary',
    target: 800,
    options: { keepRecentTokens: 500, summaryTokens: 266 },
    expected: { exchangeIds: [0, 1, 3, 5], maxTokens: 266 },
  },
  {
    name: 'takes from the recent tail too when the older part frees too little',
    target: 500,
    options: { keepRecentTokens: 500, summaryTokens: 166 },
    expected: { exchangeIds: [0, 1, 3, 5, 7], maxTokens: 166 },
  },
  {
    name: 'caps the summary at 60% of what it replaces',
    target: 1_000,
    options: { keepRecentTokens: 2_000, summaryTokens: 333 },
    expected: { exchangeIds: [0, 1, 3], maxTokens: 312 },
  },
  {
    name: 'counts the previous summary in what is replaced',
    target: 1_000,
    options: { keepRecentTokens: 2_000, summaryTokens: 333 },
    summary: words(200),
    expected: { exchangeIds: [0, 1, 3], maxTokens: 333 },
  },
  {
    name: 'never summarizes a pinned exchange',
    target: 800,
    options: { keepRecentTokens: 500, summaryTokens: 266 },
    append: { 2: { pinned: true } },
    expected: { exchangeIds: [0, 3, 5, 7], maxTokens: 266 },
  },
  {
    name: 'summaryTokens bounds the summary',
    target: 800,
    options: { keepRecentTokens: 500, summaryTokens: 100 },
    expected: { exchangeIds: [0, 1, 3, 5], maxTokens: 100 },
  },
  { name: 'does nothing while summarizing is not allowed', target: 800, canSummarize: false, expected: null },
  { name: 'does nothing when the view is under the target', target: 2_000, expected: null },
  {
    name: 'does nothing when too little could be replaced to be worth a summary',
    target: 10,
    messages: buildConversation(user(words(10)), assistant(words(10)), user(words(10))),
    expected: null,
  },
];

describe('summarization', () => {
  it.each(cases)('$name', (c) => {
    const state = compactionState(c.messages ?? chat, {
      target: c.target,
      ...(c.append ? { append: c.append } : {}),
      ...(c.summary ? { summary: c.summary } : {}),
      ...(c.canSummarize === undefined ? {} : { canSummarize: c.canSummarize }),
    });
    const step = summarization({ summarizer, ...c.options }).next(state);
    const expected = c.expected && {
      type: 'summarize',
      summarizer,
      prompt: DEFAULT_SUMMARY_PROMPT,
      ...c.expected,
    };
    expect(step).toEqual(expected);
  });

  it('passes its prompt to the summarizer', () => {
    const step = summarization({ summarizer, prompt: 'Keep order numbers.' }).next(
      compactionState(chat, { target: 800 }),
    );
    expect(step).toMatchObject({ type: 'summarize', prompt: 'Keep order numbers.' });
  });

  it('places the summary as a marked block at the head and keeps the recent tail word for word', async () => {
    const recording = recordingSummarizer();
    const manager = appendAll(
      new ConversationManager({
        policy: summarization({ summarizer: recording, ...TAIL }),
        compaction: { threshold: 1_000, target: 800 },
      }),
      chat,
    );
    const result = await manager.prepare();
    expect(result?.steps).toMatchObject([{ type: 'summarize', keys: ['turn:0', 'turn:1', 'turn:3', 'turn:5'] }]);
    expect(recording.requests[0]?.messages).toEqual(chat.slice(0, 7));
    const view = manager.view();
    expect(viewProblems(view)).toEqual([]);
    expect(view[0]).toEqual({
      role: 'user',
      content: [
        {
          type: 'text',
          text:
            '<conversation-summary>\nsummary 1: TKT-1\n</conversation-summary>\nEarlier turns were summarized above; ' +
            'call recall with a key (turn:0 to turn:5) to read a removed turn word for word.',
        },
        { type: 'text', text: expect.stringContaining('Earlier turns of this conversation were removed') },
      ],
    });
    expect(view.slice(1)).toEqual(chat.slice(7));
  });

  it('folds the previous summary into the next one', async () => {
    const recording = recordingSummarizer();
    const manager = appendAll(
      new ConversationManager({
        policy: summarization({ summarizer: recording, ...TAIL }),
        compaction: { threshold: 1_000, target: 800 },
      }),
      chat,
    );
    await manager.prepare();
    appendAll(
      manager,
      [1, 2, 3].flatMap(() => [assistant(words(100)), user(words(100))]),
    );
    await manager.prepare();
    expect(recording.requests.map((r) => r.previousSummary)).toEqual([undefined, 'summary 1: TKT-1']);
    expect(manager.summary).toBe('summary 2: TKT-2');
    const head = manager.view()[0]!.content;
    expect(JSON.stringify(head)).not.toContain('summary 1');
  });

  it('keeps what the first extractive summary held after the second one folds it in', async () => {
    const opening = 'Customer jane@example.com reports ticket TKT-1001 about order ORD-5521, charged twice.';
    const manager = appendAll(
      new ConversationManager({
        policy: summarization({ summarizer, ...TAIL }),
        compaction: { threshold: 1_000, target: 800 },
      }),
      [user(`${opening} ${words(80)}`), ...chat.slice(1)],
    );
    await manager.prepare();
    appendAll(
      manager,
      [1, 2, 3].flatMap(() => [assistant(words(100)), user(words(100))]),
    );
    await manager.prepare();
    expect(manager.events.filter((e) => e.type === 'compaction')).toHaveLength(2);
    expect(manager.summary).toContain('## From earlier summaries');
    for (const id of ['TKT-1001', 'ORD-5521', 'jane@example.com']) expect(manager.summary).toContain(id);
  });
});
