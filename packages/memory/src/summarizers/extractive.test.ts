import { describe, expect, it } from 'vitest';
import { assistant, buildConversation, toolRound, user, words } from '../testing/build-conversation.ts';
import { TokenCounter } from '../tokens/token-counter.ts';
import { extractiveSummarizer, SUMMARY_HEADING, summarizeExtractively } from './extractive.ts';

const counter = new TokenCounter();
const PROMPT = 'Keep identifiers.';
const ticket = buildConversation(
  user('Hi, I am Jane Doe (jane@example.com). My order ORD-7781 arrived broken, ticket TKT-1042.'),
  toolRound(
    [
      {
        name: 'lookup_order',
        input: { order_id: 'ORD-7781' },
        result: JSON.stringify({
          order_id: 'ORD-7781',
          total: '$49.99',
          status: 'delivered',
          notes: `Customer called twice about the damaged box. ${words(40)}`,
        }),
      },
    ],
    { text: 'Let me look that up.' },
  ),
  assistant(
    'I have escalated TKT-1042 to the billing team and promised a refund of $49.99 within 5 days. ' +
      'The weather is nice today.',
  ),
  user('Thanks. Also my address changed to 12 Elm Street.'),
);
const queue = buildConversation(
  user('Work the queue.'),
  ...Array.from({ length: 20 }, (_, i) =>
    toolRound([
      {
        name: 'get_ticket',
        input: { id: `TKT-${2000 + i}` },
        result: `TKT-${2000 + i} from customer${i}@example.com: order ORD-${5000 + i} is late. ${words(30)}`,
      },
    ]),
  ),
);

describe('extractiveSummarizer', () => {
  it.each([64, 80, 120, 200, 400, 1_000])('stays within maxTokens (%i)', (maxTokens) => {
    for (const messages of [ticket, queue]) {
      const text = summarizeExtractively({ messages, prompt: PROMPT, maxTokens }, counter);
      expect(text.startsWith(SUMMARY_HEADING)).toBe(true);
      expect(counter.text(text)).toBeLessThanOrEqual(maxTokens);
    }
  });

  it('is deterministic and calls no model', async () => {
    const request = { messages: queue, prompt: PROMPT, maxTokens: 300 };
    const first = await extractiveSummarizer().summarize(request);
    const second = await extractiveSummarizer({ counter: new TokenCounter() }).summarize(request);
    expect(second).toEqual(first);
    expect(first).toEqual({
      text: summarizeExtractively(request, counter),
      stopReason: 'end_turn',
      model: 'extractive',
      usage: { inputTokens: 0, outputTokens: 0, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 },
    });
  });

  it.each([120, 200, 400])('keeps every identifier and the tool call (maxTokens %i)', (maxTokens) => {
    const text = summarizeExtractively({ messages: ticket, prompt: PROMPT, maxTokens }, counter);
    for (const id of ['jane@example.com', 'ORD-7781', 'TKT-1042']) expect(text).toContain(id);
    expect(text).toContain('lookup_order({"order_id":"ORD-7781"})');
  });

  it('keeps amounts, commitments and details when there is room', () => {
    const text = summarizeExtractively({ messages: ticket, prompt: PROMPT, maxTokens: 400 }, counter);
    for (const fact of ['$49.99', 'escalated TKT-1042', 'Elm Street']) expect(text).toContain(fact);
  });

  it('writes sections in a fixed order: actions, facts, then the identifiers', () => {
    const text = summarizeExtractively({ messages: ticket, prompt: PROMPT, maxTokens: 400 }, counter);
    const headings = text.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([SUMMARY_HEADING, '## Actions taken', '## Facts', '## Identifiers']);
    expect(text).toMatch(/## Actions taken\n- lookup_order\(\{"order_id":"ORD-7781"\}\)\n## Facts\n/);
    expect(text).toMatch(/\n## Identifiers\n[^\n]*TKT-1042[^\n]*$/);
  });

  it('folds the previous summary in, without carrying its identifier list as a fact', () => {
    const previousSummary = summarizeExtractively({ messages: ticket, prompt: PROMPT, maxTokens: 200 }, counter);
    const text = summarizeExtractively(
      { messages: queue.slice(1, 7), previousSummary, prompt: PROMPT, maxTokens: 400 },
      counter,
    );
    expect(text).toContain('## From earlier summaries\n- Hi, I am Jane Doe (jane@example.com).');
    expect(text).not.toContain('- jane@example.com, ORD-7781');
    const identifiers = text.split('## Identifiers\n')[1] ?? '';
    for (const id of ['jane@example.com', 'TKT-1042', 'ORD-7781', 'TKT-2000', 'ORD-5002'])
      expect(identifiers).toContain(id);
  });

  it.each([
    { prompt: 'Preserve every shipment detail.', kept: 'warehouse shipment', dropped: 'regional delivery' },
    { prompt: 'Preserve every delivery detail.', kept: 'regional delivery', dropped: 'warehouse shipment' },
  ])('prefers sentences with words of the prompt ($prompt)', ({ prompt, kept, dropped }) => {
    // Two sentences alike in every other way, and room for one.
    const messages = [
      user('Any news?'),
      assistant('The warehouse shipment arrived late today. The regional delivery arrived late today.'),
    ];
    const text = summarizeExtractively({ messages, prompt, maxTokens: 52 }, counter);
    expect(text).toContain(kept);
    expect(text).not.toContain(dropped);
  });
});
