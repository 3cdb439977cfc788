import { IDENTIFIER, NUMBER, PROPER_NOUN } from './facts.ts';

/** Weights of the kinds of key term: what a summary must not lose, most precious first. */
const WEIGHTS = { identifier: 3, number: 3, name: 2, rare: 0.5 } as const;
/** Frequent words that are long enough to look specific but never are. */
const COMMON = new Set(
  'about after again always another around because before being between business could customer customers definitely during everything experience finally following getting happen hoping little looking maybe minute morning really should something sometimes somewhat still support thanks thank through totally understand usually wanted wondering would'.split(
    ' ',
  ),
);

/** How often each word occurs across the texts: a word said once is one of the conversation's specifics. */
export function wordFrequency(texts: readonly string[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const text of texts) for (const word of words(text)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  return frequency;
}

/**
 * The key terms of a text and their weights: identifiers, numbers, names, and words said only once in the
 * conversation (products, places, details). A summary that covers more distinct key terms keeps more facts.
 */
export function keyTerms(text: string, frequency: ReadonlyMap<string, number>): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (term: string, weight: number) =>
    terms.set(term.toLowerCase(), Math.max(weight, terms.get(term.toLowerCase()) ?? 0));
  for (const id of text.match(IDENTIFIER) ?? []) add(id, WEIGHTS.identifier);
  for (const n of text.match(NUMBER) ?? []) add(n.replace(/[\s,]/g, ''), WEIGHTS.number);
  for (const name of text.match(PROPER_NOUN) ?? []) add(name, WEIGHTS.name);
  for (const word of words(text)) if (frequency.get(word) === 1 && !COMMON.has(word)) add(word, WEIGHTS.rare);
  return terms;
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z]{6,}/g) ?? []);
}
