import type Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import type { AppendOptions } from '../conversation/conversation-manager.ts';
import { ConversationManager } from '../conversation/conversation-manager.ts';
import { viewProblems } from '../conversation/sequence.ts';
import {
  appendAll,
  buildConversation,
  compactionState,
  type ToolCallSpec,
  toolRound,
  user,
  words,
} from '../testing/build-conversation.ts';
import { IMAGE_TOKENS } from '../tokens/token-counter.ts';
import { type ClearToolResultsOptions, clearToolResults } from './clear-tool-results.ts';

type Message = Anthropic.MessageParam;

const call = (name: string, id: number, result: ToolCallSpec['result'] = words(200)): ToolCallSpec => ({
  name,
  input: { id },
  result,
});
// A request and five rounds of one call each: toolu_1..toolu_5, lookup and search in turn, 206 tokens each.
const rounds = buildConversation(
  user(words(20)),
  ...[1, 2, 3, 4, 5].map((i) => toolRound([call(i % 2 === 1 ? 'lookup' : 'search', i)])),
);
const parallel = buildConversation(
  user(words(20)),
  toolRound([call('lookup', 1), call('search', 2)]),
  ...[3, 4, 5].map((i) => toolRound([call('lookup', i)])),
);
const small = buildConversation(user(words(20)), ...[1, 2, 3, 4, 5].map((i) => toolRound([call('lookup', i, 'ok')])));
const image = buildConversation(
  user(words(20)),
  toolRound([
    call('screenshot', 1, [
      { type: 'text', text: 'the checkout page' },
      { type: 'image', source: { type: 'url', url: 'https://example.com/checkout.png' } },
    ]),
  ]),
  ...[2, 3, 4].map((i) => toolRound([call('lookup', i, words(20))])),
);

interface Case {
  readonly name: string;
  readonly messages: readonly Message[];
  /** Tokens the view must lose. */
  readonly free: number;
  readonly options?: ClearToolResultsOptions;
  readonly append?: Record<number, AppendOptions>;
  readonly cleared?: readonly string[];
  readonly chosen: readonly string[] | null;
}

const cases: Case[] = [
  { name: 'clears the oldest result first', messages: rounds, free: 1, chosen: ['toolu_1'] },
  {
    name: 'clears only as many as the target needs',
    messages: rounds,
    free: 200,
    chosen: ['toolu_1', 'toolu_2'],
  },
  {
    name: 'keeps the three most recent results by default',
    messages: rounds,
    free: 1_000,
    chosen: ['toolu_1', 'toolu_2'],
  },
  {
    name: 'keep sets how many recent results stay',
    messages: rounds,
    free: 1_000,
    options: { keep: 1 },
    chosen: ['toolu_1', 'toolu_2', 'toolu_3', 'toolu_4'],
  },
  {
    name: 'never clears the result of the exchange in flight, even with keep 0',
    messages: rounds,
    free: 1_000,
    options: { keep: 0 },
    chosen: ['toolu_1', 'toolu_2', 'toolu_3', 'toolu_4'],
  },
  {
    name: 'never clears the results of an excluded tool',
    messages: rounds,
    free: 1_000,
    options: { keep: 0, excludeTools: ['lookup'] },
    chosen: ['toolu_2', 'toolu_4'],
  },
  {
    name: 'clears nothing when less than clearAtLeast can go',
    messages: rounds,
    free: 1,
    options: { clearAtLeast: 400 },
    chosen: null,
  },
  {
    name: 'clears at least clearAtLeast when it clears, even if the target needs less',
    messages: rounds,
    free: 1,
    options: { clearAtLeast: 300 },
    chosen: ['toolu_1', 'toolu_2'],
  },
  {
    name: 'skips results already cleared',
    messages: rounds,
    free: 1,
    cleared: ['toolu_1'],
    chosen: ['toolu_2'],
  },
  {
    name: 'never clears the results of a pinned exchange',
    messages: rounds,
    free: 1,
    append: { 2: { pinned: true } },
    chosen: ['toolu_2'],
  },
  { name: 'does nothing when the view is under the target', messages: rounds, free: 0, chosen: null },
  {
    name: 'leaves results too small for a placeholder',
    messages: small,
    free: 1_000,
    options: { keep: 0 },
    chosen: null,
  },
  {
    name: 'clears parallel results one at a time',
    messages: parallel,
    free: 1,
    chosen: ['toolu_1'],
  },
  { name: 'counts an image in a result, and clears it', messages: image, free: 1, chosen: ['toolu_1'] },
];

describe('clearToolResults', () => {
  it.each(cases)('$name', ({ messages, free, options, append, cleared, chosen }) => {
    const total = compactionState(messages, { target: 0, ...(cleared ? { cleared } : {}) }).tokens;
    const state = compactionState(messages, {
      target: total - free,
      ...(append ? { append } : {}),
      ...(cleared ? { cleared } : {}),
    });
    const step = clearToolResults(options).next(state);
    expect(step && step.type === 'clear-tool-results' ? step.toolUseIds : step).toEqual(chosen);
  });

  it('estimates a result holding an image at least at the image estimate', () => {
    const [, screenshot] = compactionState(image, { target: 0 }).exchanges;
    expect(screenshot?.toolResults[0]?.tokens).toBeGreaterThanOrEqual(IMAGE_TOKENS);
  });

  it('replaces a cleared result with a placeholder naming the tool, its input and the key', async () => {
    const messages = buildConversation(
      user(words(20)),
      toolRound([{ ...call('lookup', 7), error: true }]),
      ...[2, 3, 4].map((i) => toolRound([call('search', i)])),
    );
    const manager = appendAll(
      new ConversationManager({ policy: clearToolResults(), compaction: { threshold: 900, target: 800 } }),
      messages,
    );
    const result = await manager.prepare();
    expect(result?.steps).toEqual([
      { type: 'clear-tool-results', keys: ['result:toolu_1'], freed: expect.any(Number) },
    ]);
    const view = manager.view();
    expect(viewProblems(view)).toEqual([]);
    expect(view[2]).toEqual({
      role: 'user',
      content: [
        {
          type: 'tool_result',
          tool_use_id: 'toolu_1',
          content:
            '[Result of lookup({"id":7}) cleared to save context (206 tokens). ' +
            'Call recall with key "result:toolu_1" to read it again.]',
          is_error: true,
        },
      ],
    });
    expect(view.slice(3)).toEqual(messages.slice(3));
    expect(manager.recall('result:toolu_1')).toBe(words(200));
    expect(manager.transcript).toEqual(messages);
  });
});
