import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import type { Tiktoken } from 'js-tiktoken/lite';
import { describe, expect, it } from 'vitest';
import { geneSequence } from '../testing/build-conversation.ts';
import { trickyText } from '../testing/tricky-text.ts';
import { countO200k } from './o200k-count.ts';

const require = createRequire(import.meta.url);
const { Tiktoken: TiktokenClass } = require('js-tiktoken/lite') as typeof import('js-tiktoken/lite');
const ranks = require('js-tiktoken/ranks/o200k_base') as { default?: unknown };
const tokenizer: Tiktoken = new TiktokenClass(
  (ranks.default ?? ranks) as ConstructorParameters<typeof TiktokenClass>[0],
);

/** The tokenizer's own count of `text` as ordinary text. */
const encoded = (text: string) => tokenizer.encode(text, [], []).length;

describe('countO200k', () => {
  it.each([
    ['empty', ''],
    ['a word', 'data'],
    ['a ticket', 'I was charged twice on 2024-03-02: two payments of $49.99 for invoice INV-2231. Please refund one.'],
    ['JSON', JSON.stringify({ ticket_id: 'TKT-0001', response: 'Refund issued.\nThanks!', n: [1, 22, 333] })],
    ['code', 'function add(a, b) {\n  return a + b; // sum\n}\n\n\tconst x = add(1, 2);'],
    ['whitespace runs', 'a  b   c\n\n\n  d \t e   \n'],
    ['other scripts', 'Größe naïve — 東京都に住んでいます。 Привет, мир! 🙂👩‍💻'],
    ['special tokens as text', 'before <|endoftext|> after <|endofprompt|>'],
  ])('counts %s as the tokenizer does', (_, text) => {
    expect(countO200k(text)).toBe(encoded(text));
  });

  it('counts any text as the tokenizer does, the second time from its cache as well', () => {
    fc.assert(
      fc.property(fc.oneof(trickyText, fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string()), (text) => {
        expect(countO200k(text)).toBe(encoded(text));
        expect(countO200k(text)).toBe(encoded(text));
      }),
      { numRuns: 500 },
    );
  });

  it('counts real conversations as the tokenizer does: every line of the BFCL customer-service sessions', () => {
    const sessions = new URL('../../../../examples/tune/data/bfcl-customer.sessions.jsonl', import.meta.url);
    const lines = readFileSync(sessions, 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(countO200k(line)).toBe(encoded(line));
  });

  it('merges a piece longer than 2 KB (letters with no space) a chunk at a time, as if each were a piece', () => {
    const sequence = geneSequence(5_000);
    const chunks = [sequence.slice(0, 2_048), sequence.slice(2_048, 4_096), sequence.slice(4_096)];
    expect(countO200k(sequence)).toBe(chunks.reduce((sum, chunk) => sum + encoded(chunk), 0));
  });

  it("never refuses a special token's string, which the tokenizer refuses by default", () => {
    const text = 'A model emits <|endoftext|> at the end of a document.';
    expect(() => tokenizer.encode(text)).toThrow(/special token/);
    expect(countO200k(text)).toBe(encoded(text));
  });
});
