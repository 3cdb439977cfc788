import { renderMessages } from '../conversation/render.ts';
import { IDENTIFIER } from '../summarizers/facts.ts';
import type { Exchange } from './policy.ts';

/** Scores an exchange: higher is kept longer. `age` is 0 for the newest exchange, 1 for the oldest. */
export type ImportanceScorer = (exchange: Exchange, age: number) => number;

const NUMBER = /\b\d[\d,.]*\b/g;
const DECISION = /\b(decid\w*|promis\w*|agree\w*|must|never|always|refund\w*|escalat\w*|deadline)\b/gi;
type Message = Exchange['original'][number];
// Keyed by the exchange's first and last messages: its `original` array is new on every compaction step.
const scores = new WeakMap<Message, WeakMap<Message, number>>();

/**
 * The default scorer: identifier and number density, decisions, user text and tool errors, an explicit
 * `importance` given on `append`, and recency. Content scores are cached per exchange.
 */
export const defaultImportance: ImportanceScorer = (exchange, age) => {
  const content = cachedContentScore(exchange);
  const explicit = exchange.importance === undefined ? 0 : 4 * exchange.importance;
  return content + explicit + (1 - age);
};

function cachedContentScore(exchange: Exchange): number {
  const [first] = exchange.original;
  const last = exchange.original.at(-1);
  if (!first || !last) return contentScore(exchange);
  let byLast = scores.get(first);
  if (!byLast) {
    byLast = new WeakMap();
    scores.set(first, byLast);
  }
  let content = byLast.get(last);
  if (content === undefined) {
    content = contentScore(exchange);
    byLast.set(last, content);
  }
  return content;
}

function contentScore(exchange: Exchange): number {
  const text = renderMessages(exchange.original);
  const words = Math.max(20, text.split(/\s+/).length);
  const identifiers = text.match(IDENTIFIER)?.length ?? 0;
  const numbers = text.match(NUMBER)?.length ?? 0;
  const decisions = text.match(DECISION)?.length ?? 0;
  // Density, not count: a huge article with a few numbers should not outrank a short decision.
  const density = (100 * (3 * identifiers + numbers + 2 * decisions)) / words;
  const userText = exchange.original.some(
    (m) => m.role === 'user' && (typeof m.content === 'string' || m.content.some((b) => b.type === 'text')),
  );
  const errors = exchange.toolResults.some((r) => r.isError);
  return Math.min(density, 10) + (userText ? 1 : 0) + (errors ? 1 : 0);
}
