import type { Summarizer } from '../summarizers/summarizer.ts';
import type { CompactionState, CompactionStep, Exchange, Policy } from './policy.ts';
import { excess, keepRecentFor, olderThanRecent } from './policy.ts';

export interface SummarizationOptions {
  summarizer: Summarizer;
  /** The most recent tokens of conversation, kept word for word. @default min(2_000, target / 4) */
  keepRecentTokens?: number;
  /** What the summary must preserve. @default DEFAULT_SUMMARY_PROMPT */
  prompt?: string;
  /** Longest summary, in tokens. @default min(1_500, 0.6 × target) */
  summaryTokens?: number;
}

/** Made for support work: identifiers verbatim, and for every ticket what was decided and done. */
export const DEFAULT_SUMMARY_PROMPT = [
  'Summarize the conversation so far for the agent who will continue it.',
  'Keep verbatim: customer names and emails; ticket, order, invoice, account and tracking identifiers;',
  'amounts, dates and percentages.',
  'For every ticket: its category, priority, assigned team, promises made to the customer, and the outcome.',
  'Then list open items and next steps. Add nothing that is not in the conversation.',
].join('\n');
export const DEFAULT_SUMMARY_TOKENS = 1_500;
/** The largest share of the replaced content a summary may take. */
const MAX_SUMMARY_SHARE = 0.6;
/** Below this a summary says too little to be worth a model call. */
const MIN_SUMMARY_TOKENS = 64;

/**
 * Folds the older exchanges (and the previous summary) into one summary placed at the head of the view,
 * keeping a verbatim recent tail. Everything older than the tail goes in one chunk, so summaries are
 * rare and the cached prefix survives between them.
 */
export function summarization(options: SummarizationOptions): Policy {
  const prompt = options.prompt ?? DEFAULT_SUMMARY_PROMPT;
  return {
    name: 'summarization',
    next(state: CompactionState): CompactionStep | null {
      if (!state.canSummarize || excess(state) <= 0) return null;
      const budget = options.summaryTokens ?? Math.min(DEFAULT_SUMMARY_TOKENS, Math.floor(state.target * 0.6));
      const previous = state.summary ? state.count(state.summary) : 0;
      const keepRecent = keepRecentFor(state, options.keepRecentTokens);
      const chosen = chooseExchanges(state, keepRecent, excess(state) + budget - previous);
      const replaced = previous + chosen.reduce((sum, e) => sum + e.tokens, 0);
      // A summary must be well under what it replaces, or it is refused and nothing is gained.
      const maxTokens = Math.min(budget, Math.floor(replaced * MAX_SUMMARY_SHARE));
      if (chosen.length === 0 || maxTokens < MIN_SUMMARY_TOKENS) return null;
      return {
        type: 'summarize',
        exchangeIds: chosen.map((e) => e.id),
        summarizer: options.summarizer,
        prompt,
        maxTokens,
      };
    },
  };
}

/** Everything older than the recent tail; when that frees too little, the tail shrinks too. */
function chooseExchanges(state: CompactionState, keepRecent: number, needed: number): Exchange[] {
  const older = olderThanRecent(state, keepRecent).filter((e) => !e.protected);
  let freed = older.reduce((sum, e) => sum + e.tokens, 0);
  if (freed >= needed) return older;
  const chosen = [...older];
  const tail = state.exchanges.slice(older.length === 0 ? 0 : state.exchanges.indexOf(older.at(-1)!) + 1, -1);
  for (const exchange of tail) {
    if (freed >= needed) break;
    if (exchange.protected || chosen.includes(exchange)) continue;
    chosen.push(exchange);
    freed += exchange.tokens;
  }
  return chosen;
}
