import { defaultImportance, type ImportanceScorer } from './default-importance.ts';
import type { CompactionState, CompactionStep, Policy } from './policy.ts';
import { excess, keepRecentFor, olderThanRecent } from './policy.ts';

export interface ImportancePruningOptions {
  /** Scores an exchange; the lowest go first. @default defaultImportance */
  score?: ImportanceScorer;
  /** The most recent tokens of conversation, never pruned. @default min(2_000, target / 4) */
  keepRecentTokens?: number;
  /** Only exchanges scoring below this are ever pruned. @default Infinity */
  maxScore?: number;
}

/**
 * Drops the least important older exchanges (whole exchanges, never a call without its result) until
 * the view is under the target. What it drops stays recallable by key.
 */
export function importancePruning(options: ImportancePruningOptions = {}): Policy {
  const score = options.score ?? defaultImportance;
  const maxScore = options.maxScore ?? Number.POSITIVE_INFINITY;
  return {
    name: 'importance',
    next(state: CompactionState): CompactionStep | null {
      const needed = excess(state);
      if (needed <= 0) return null;
      const count = Math.max(1, state.exchanges.length - 1);
      const ranked = olderThanRecent(state, keepRecentFor(state, options.keepRecentTokens))
        .filter((e) => !e.protected)
        .map((e) => ({ exchange: e, score: score(e, 1 - state.exchanges.indexOf(e) / count) }))
        .filter((r) => r.score < maxScore)
        .sort((a, b) => a.score - b.score || a.exchange.id - b.exchange.id);
      const dropped: number[] = [];
      let freed = 0;
      for (const { exchange } of ranked) {
        if (freed >= needed) break;
        dropped.push(exchange.id);
        freed += exchange.tokens;
      }
      if (dropped.length === 0) return null;
      return { type: 'drop', exchangeIds: dropped.sort((a, b) => a - b), reason: 'prune' };
    },
  };
}
