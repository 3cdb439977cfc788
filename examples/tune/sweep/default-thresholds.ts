/** Points in a default sweep. */
export const DEFAULT_THRESHOLD_COUNT = 20;
/** The smallest default threshold, as a share of the whole conversation. */
const LOWEST_SHARE = 0.1;
/** The largest: just above the whole conversation, where nothing is compacted (the reference point). */
const HIGHEST_SHARE = 1.05;
const ROUND_TO = 100;

/**
 * Twenty thresholds for a conversation of `fullTokens`: from a tenth of it, where compaction is hardest,
 * to just above all of it, where nothing is compacted. Rounded to hundreds of tokens.
 */
export function defaultThresholds(fullTokens: number): number[] {
  const low = LOWEST_SHARE * fullTokens;
  const high = HIGHEST_SHARE * fullTokens;
  const values = Array.from({ length: DEFAULT_THRESHOLD_COUNT }, (_, i) => {
    const t = low + ((high - low) * i) / (DEFAULT_THRESHOLD_COUNT - 1);
    return Math.max(ROUND_TO, Math.round(t / ROUND_TO) * ROUND_TO);
  });
  return [...new Set(values)];
}
