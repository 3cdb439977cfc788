import type { CompactionState, CompactionStep, Policy } from './policy.ts';
import { excess, takeUntil } from './policy.ts';

/** Keep the last `keepTurns` exchanges, or the last `keepTokens` tokens of them. */
export type SlidingWindowOptions = { keepTurns: number } | { keepTokens: number } | Record<string, never>;

/**
 * Drops the oldest whole exchanges: never a `tool_use` without its result, never a protected exchange.
 * Works inside one long turn (a request followed by hundreds of tool calls) as well as across turns.
 * Without options it drops just enough to reach the target.
 */
export function slidingWindow(options: SlidingWindowOptions = {}): Policy {
  return {
    name: 'sliding-window',
    next(state: CompactionState): CompactionStep | null {
      const needed = Math.max(excess(state), windowExcess(state, options));
      if (needed <= 0) return null;
      const dropped = takeUntil(state.exchanges.slice(0, -1), needed);
      if (dropped.length === 0) return null;
      return { type: 'drop', exchangeIds: dropped.map((e) => e.id), reason: 'window' };
    },
  };
}

/** Tokens beyond what the window keeps. */
function windowExcess(state: CompactionState, options: SlidingWindowOptions): number {
  const exchanges = state.exchanges;
  if ('keepTurns' in options) {
    const beyond = exchanges.slice(0, Math.max(0, exchanges.length - options.keepTurns));
    return beyond.reduce((sum, e) => sum + (e.protected ? 0 : e.tokens), 0);
  }
  if ('keepTokens' in options) {
    const total = exchanges.reduce((sum, e) => sum + e.tokens, 0);
    return total - options.keepTokens;
  }
  return 0;
}
