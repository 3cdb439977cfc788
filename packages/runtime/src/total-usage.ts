import type { CallRole, LedgerEntry } from './price-call.ts';

/** Sums of ledger entries. `totalInputTokens` counts input, cache reads and cache writes once each. */
export interface UsageTotals {
  readonly calls: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheWriteTokens: number;
  readonly totalInputTokens: number;
  readonly costUsd: number;
  readonly costUsdUncached: number;
}

/** An entry's input tokens as `totalInputTokens` counts them: input, cache reads and cache writes. */
export function inputTokensOf(entry: LedgerEntry): number {
  return entry.inputTokens + entry.cacheReadTokens + entry.cacheWriteTokens;
}

/** Adds up entries, optionally only those of one role. */
export function totalUsage(entries: readonly LedgerEntry[], role?: CallRole): UsageTotals {
  const totals = { ...EMPTY_TOTALS };
  for (const e of entries) {
    if (role !== undefined && e.role !== role) continue;
    totals.calls += 1;
    totals.inputTokens += e.inputTokens;
    totals.outputTokens += e.outputTokens;
    totals.cacheReadTokens += e.cacheReadTokens;
    totals.cacheWriteTokens += e.cacheWriteTokens;
    totals.totalInputTokens += inputTokensOf(e);
    totals.costUsd += e.costUsd;
    totals.costUsdUncached += e.costUsdUncached;
  }
  return totals;
}

const EMPTY_TOTALS: UsageTotals = {
  calls: 0,
  inputTokens: 0,
  outputTokens: 0,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  totalInputTokens: 0,
  costUsd: 0,
  costUsdUncached: 0,
};
