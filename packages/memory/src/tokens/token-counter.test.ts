import type Anthropic from '@anthropic-ai/sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { user, words } from '../testing/build-conversation.ts';
import { trickyText } from '../testing/tricky-text.ts';
import {
  DOCUMENT_TOKENS,
  IMAGE_TOKENS,
  MESSAGE_OVERHEAD_TOKENS,
  TOOL_OVERHEAD_TOKENS,
  TokenCounter,
} from './token-counter.ts';

const counter = new TokenCounter();
const image: Anthropic.ImageBlockParam = {
  type: 'image',
  source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo'.repeat(1_000) },
};
const lookup: Anthropic.Tool = {
  name: 'lookup_order',
  description: 'Looks up an order by its id.',
  input_schema: { type: 'object', properties: { order_id: { type: 'string' } }, required: ['order_id'] },
};

describe('TokenCounter', () => {
  it.each([
    { text: '', tokens: 0 },
    { text: 'data', tokens: 1 },
    { text: words(250), tokens: 250 },
  ])('counts text: $tokens tokens', ({ text, tokens }) => {
    expect(counter.text(text)).toBe(tokens);
  });

  it("counts a special token's string as the text it is (a tool result quoting one once failed to append)", () => {
    const result = user([
      { type: 'tool_result', tool_use_id: 'toolu_1', content: 'GPT-2 ends each document with <|endoftext|>.' },
    ]);
    expect(counter.text('<|endoftext|>')).toBe(7);
    expect(counter.message(result)).toBeGreaterThan(MESSAGE_OVERHEAD_TOKENS + 7);
  });

  it('estimates a huge text by its length rather than encoding it', () => {
    expect(counter.text('x'.repeat(1_000_000))).toBe(250_000);
  });

  const blocks: { name: string; block: Anthropic.ContentBlockParam; tokens: number }[] = [
    { name: 'text', block: { type: 'text', text: words(10) }, tokens: 10 },
    { name: 'an image, whatever its bytes', block: image, tokens: IMAGE_TOKENS },
    {
      name: 'an image by URL',
      block: { type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } },
      tokens: IMAGE_TOKENS,
    },
    {
      name: 'a PDF',
      block: {
        type: 'document',
        source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0x' },
      },
      tokens: DOCUMENT_TOKENS,
    },
    {
      name: 'a plain-text document',
      block: { type: 'document', source: { type: 'text', media_type: 'text/plain', data: words(30) } },
      tokens: 30,
    },
    {
      name: 'a document of content blocks',
      block: {
        type: 'document',
        source: { type: 'content', content: [{ type: 'text', text: words(30) }, image] },
      },
      tokens: 30 + IMAGE_TOKENS,
    },
    {
      name: 'thinking',
      block: { type: 'thinking', thinking: words(40), signature: 'c2lnbmF0dXJl' },
      tokens: 40,
    },
    {
      name: 'redacted thinking, by length',
      block: { type: 'redacted_thinking', data: 'x'.repeat(400) },
      tokens: 100,
    },
    {
      name: 'a tool_use, name and input',
      block: { type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { order_id: 'ORD-7781' } },
      tokens: 6 + counter.text('lookup') + counter.text('{"order_id":"ORD-7781"}'),
    },
    {
      name: 'a tool_result of text',
      block: { type: 'tool_result', tool_use_id: 'toolu_1', content: words(20) },
      tokens: 6 + 20,
    },
    {
      name: 'a tool_result with an image',
      block: {
        type: 'tool_result',
        tool_use_id: 'toolu_1',
        content: [{ type: 'text', text: words(20) }, image],
      },
      tokens: 6 + 20 + IMAGE_TOKENS,
    },
    { name: 'an empty tool_result', block: { type: 'tool_result', tool_use_id: 'toolu_1' }, tokens: 6 },
  ];

  it.each(blocks)('counts $name', ({ block, tokens }) => {
    expect(counter.block(block)).toBe(tokens);
    expect(counter.message(user([block]))).toBe(MESSAGE_OVERHEAD_TOKENS + tokens);
  });

  it('counts a list of messages as the sum of its messages', () => {
    const messages = blocks.map((b) => user([b.block]));
    const sum = blocks.reduce((total, b) => total + MESSAGE_OVERHEAD_TOKENS + b.tokens, 0);
    expect(counter.messages(messages)).toBe(sum);
  });

  it.each([
    { name: 'a string', system: words(30), tokens: 30 },
    {
      name: 'text blocks',
      system: [
        { type: 'text' as const, text: words(10) },
        { type: 'text' as const, text: words(20) },
      ],
      tokens: 30,
    },
    { name: 'nothing', system: undefined, tokens: 0 },
  ])('counts a system prompt given as $name', ({ system, tokens }) => {
    expect(counter.system(system)).toBe(tokens);
  });

  it.each([
    { name: 'no tools', tools: [], tokens: 0 },
    {
      name: 'one tool',
      tools: [lookup],
      tokens: TOOL_OVERHEAD_TOKENS + counter.text(JSON.stringify(lookup)),
    },
    {
      name: 'two tools',
      tools: [lookup, { ...lookup, name: 'refund_order' }],
      tokens:
        2 * TOOL_OVERHEAD_TOKENS +
        counter.text(JSON.stringify(lookup)) +
        counter.text(JSON.stringify({ ...lookup, name: 'refund_order' })),
    },
  ])('counts tool definitions with their schemas: $name', ({ tools, tokens }) => {
    expect(counter.tools(tools)).toBe(tokens);
  });

  it.each([
    { model: undefined, factor: 1 },
    { model: 'claude-haiku-4-5', factor: 1 },
    { model: 'claude-sonnet-4-5-20250929', factor: 1 },
    { model: 'claude-opus-4-7', factor: 1.3 },
    { model: 'claude-opus-4-7-20260301', factor: 1.3 },
    { model: 'a-model-nobody-knows', factor: 1 },
  ])('applies the per-model correction for $model', ({ model, factor }) => {
    const corrected = new TokenCounter(model === undefined ? {} : { model });
    expect(corrected.factor).toBe(factor);
    expect(corrected.text(words(100))).toBe(Math.ceil(100 * factor));
    expect(corrected.message(user(words(100)))).toBe(Math.ceil(104 * factor));
    expect(corrected.system(words(100))).toBe(Math.ceil(100 * factor));
  });

  it('switches the correction when the model changes', () => {
    const switching = new TokenCounter({ model: 'claude-haiku-4-5' });
    switching.setModel('claude-opus-4-7');
    expect(switching.text(words(100))).toBe(130);
    switching.setModel('claude-sonnet-4-5');
    expect(switching.text(words(100))).toBe(100);
  });

  it.each([
    { name: 'moves 30% of the way to the observed ratio', estimate: 1_000, actual: 1_500, ratio: 1.15 },
    { name: 'learns an overestimate as well', estimate: 1_000, actual: 500, ratio: 0.85 },
    { name: 'stays put when the estimate was right', estimate: 1_000, actual: 1_000, ratio: 1 },
    { name: 'clamps a wild ratio at 2', estimate: 200, actual: 100_000, ratio: 2 },
    { name: 'ignores a request too small to say anything', estimate: 199, actual: 400, ratio: 1 },
    { name: 'ignores a usage of zero', estimate: 1_000, actual: 0, ratio: 1 },
  ])('calibrate $name', ({ estimate, actual, ratio }) => {
    const calibrated = new TokenCounter();
    calibrated.calibrate(estimate, actual);
    expect(calibrated.ratio).toBeCloseTo(ratio, 10);
    expect(calibrated.text(words(1_000))).toBe(Math.ceil(1_000 * calibrated.factor));
  });

  it('converges on the true ratio over repeated calibrations, times the model correction', () => {
    const calibrated = new TokenCounter({ model: 'claude-opus-4-7' });
    // The API counts 1.2 × what the corrected estimate says, every time.
    for (let i = 0; i < 40; i++) calibrated.calibrate(1_000 * calibrated.factor, 1_000 * 1.3 * 1.2);
    expect(calibrated.ratio).toBeCloseTo(1.2, 3);
    expect(calibrated.factor).toBeCloseTo(1.56, 3);
  });

  it('never lets the ratio fall below 0.5, however low the API counts', () => {
    const calibrated = new TokenCounter();
    for (let i = 0; i < 10; i++) calibrated.calibrate(10_000 * calibrated.factor, 1);
    expect(calibrated.ratio).toBe(0.5);
  });

  it.each([
    { set: 5, ratio: 2 },
    { set: 0.1, ratio: 0.5 },
    { set: 1.2, ratio: 1.2 },
  ])('clamps a restored ratio of $set to $ratio', ({ set, ratio }) => {
    const restored = new TokenCounter();
    restored.ratio = set;
    expect(restored.ratio).toBe(ratio);
  });

  it('returns the same numbers from its caches as from a fresh count', () => {
    const cached = new TokenCounter();
    const tiny = new TokenCounter({ cacheSize: 1 });
    const message = user([{ type: 'text', text: words(50) }, image]);
    const first = [cached.text(words(77)), cached.message(message), cached.tools([lookup]), cached.block(image)];
    const again = [cached.text(words(77)), cached.message(message), cached.tools([lookup]), cached.block(image)];
    const copies = [
      cached.text(words(77)),
      cached.message(structuredClone(message)),
      cached.tools([structuredClone(lookup)]),
      cached.block(structuredClone(image)),
    ];
    const uncached = [tiny.text(words(77)), tiny.message(message), tiny.tools([lookup]), tiny.block(image)];
    expect(again).toEqual(first);
    expect(copies).toEqual(first);
    expect(uncached).toEqual(first);
  });

  it('bounds a message it has not counted: at least its count, whatever the text; its count once counted', () => {
    const anyText = fc.oneof(trickyText, fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string());
    const block: fc.Arbitrary<Anthropic.ContentBlockParam> = fc.oneof(
      anyText.map((text) => ({ type: 'text' as const, text })),
      anyText.map((q) => ({ type: 'tool_use' as const, id: 'toolu_1', name: 'lookup', input: { q } })),
      anyText.map((content) => ({ type: 'tool_result' as const, tool_use_id: 'toolu_1', content })),
      anyText.map((text) => ({
        type: 'tool_result' as const,
        tool_use_id: 'toolu_1',
        content: [{ type: 'text' as const, text }, image],
      })),
      anyText.map((data) => ({
        type: 'document' as const,
        source: { type: 'text' as const, media_type: 'text/plain' as const, data },
      })),
      fc.constant(image),
    );
    const message = fc.oneof(anyText.map(user), fc.array(block, { minLength: 1, maxLength: 4 }).map(user));
    fc.assert(
      fc.property(message, (m) => {
        const fresh = new TokenCounter({ cacheSize: 100 });
        const bound = fresh.rawMessageAtMost(m);
        const count = fresh.rawMessage(m);
        expect(bound).toBeGreaterThanOrEqual(count);
        expect(fresh.rawMessageAtMost(m)).toBe(count);
      }),
      { numRuns: 300 },
    );
  });
});
