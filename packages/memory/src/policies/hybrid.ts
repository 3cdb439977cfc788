import type { Summarizer } from '../summarizers/summarizer.ts';
import { clearToolResults } from './clear-tool-results.ts';
import { importancePruning } from './importance-pruning.ts';
import type { CompactionState, CompactionStep, Policy } from './policy.ts';
import { slidingWindow } from './sliding-window.ts';
import { summarization } from './summarization.ts';

export interface HybridOptions {
  summarizer: Summarizer;
  /** The most recent tokens kept word for word by the pruning and summary tiers. @default min(2_000, target / 4) */
  keepRecentTokens?: number;
  /** What summaries must preserve. @default DEFAULT_SUMMARY_PROMPT */
  prompt?: string;
  /** Longest summary, in tokens. @default min(1_500, 0.6 × target) */
  summaryTokens?: number;
  /** Recent tool results never cleared. @default 3 */
  keepToolResults?: number;
  /** Tools whose results are never cleared. @default [] */
  excludeTools?: readonly string[];
  /** Replace the tiers entirely; they run in the order given. */
  tiers?: readonly Policy[];
}

/** Exchanges scoring below this carry no identifiers, numbers, decisions or errors: safe to drop unsummarized. */
export const LOW_IMPORTANCE = 1;

/**
 * The ladder, cheapest first: clear old tool results, prune exchanges that carry nothing, summarize the
 * older turns, and drop the oldest exchanges only as the last resort. Each tier runs only while the view
 * is still over the target. Below the threshold, the first tier with an `early` step has its way.
 */
export function hybrid(options: HybridOptions): Policy {
  const tiers = options.tiers ?? [
    clearToolResults({
      ...(options.keepToolResults === undefined ? {} : { keep: options.keepToolResults }),
      ...(options.excludeTools === undefined ? {} : { excludeTools: options.excludeTools }),
    }),
    importancePruning({
      maxScore: LOW_IMPORTANCE,
      ...(options.keepRecentTokens === undefined ? {} : { keepRecentTokens: options.keepRecentTokens }),
    }),
    summarization(options),
    slidingWindow(),
  ];
  const policy: Policy = {
    name: 'hybrid',
    next(state: CompactionState): CompactionStep | null {
      for (const tier of tiers) {
        const step = tier.next(state);
        if (step) return step;
      }
      return null;
    },
  };
  // Only when a tier has early steps: asking for them costs a look at the whole view on every turn.
  if (!tiers.some((tier) => tier.early)) return policy;
  return {
    ...policy,
    early(state: CompactionState): CompactionStep | null {
      for (const tier of tiers) {
        const step = tier.early?.(state);
        if (step) return step;
      }
      return null;
    },
  };
}
