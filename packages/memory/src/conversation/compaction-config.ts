/** When and how far to compact. All figures are tokens (estimates). */
export interface CompactionConfig {
  /** Compact when the context grows past this. @default 100_000 */
  threshold?: number;
  /** Cut down to this, well below the threshold, so compactions come in chunks. @default threshold / 2 */
  target?: number;
  /** Room kept free in the context window for the reply. @default 4_096 */
  reserve?: number;
  /** The model's context window. @default 200_000 */
  contextWindow?: number;
  /** A compaction that frees less than this share of the context is not committed. @default 0.05 */
  minGain?: number;
  /** Summary failures in a row that open the circuit breaker. @default 3 */
  maxFailures?: number;
  /** Compactions that skip summarization while the breaker is open. @default 5 */
  breakerCooldown?: number;
}

export type ResolvedCompaction = Required<CompactionConfig>;

export const DEFAULT_THRESHOLD = 100_000;
export const DEFAULT_RESERVE = 4_096;
export const DEFAULT_CONTEXT_WINDOW = 200_000;
export const DEFAULT_MIN_GAIN = 0.05;
export const DEFAULT_MAX_FAILURES = 3;
export const DEFAULT_BREAKER_COOLDOWN = 5;

/** Fills in defaults and rejects settings that could never work, saying which to change. */
export function resolveCompaction(config: CompactionConfig = {}): ResolvedCompaction {
  const threshold = config.threshold ?? DEFAULT_THRESHOLD;
  const resolved: ResolvedCompaction = {
    threshold,
    target: config.target ?? Math.floor(threshold / 2),
    reserve: config.reserve ?? DEFAULT_RESERVE,
    contextWindow: config.contextWindow ?? DEFAULT_CONTEXT_WINDOW,
    minGain: config.minGain ?? DEFAULT_MIN_GAIN,
    maxFailures: config.maxFailures ?? DEFAULT_MAX_FAILURES,
    breakerCooldown: config.breakerCooldown ?? DEFAULT_BREAKER_COOLDOWN,
  };
  for (const key of ['threshold', 'target', 'contextWindow'] as const) {
    if (!Number.isInteger(resolved[key]) || resolved[key] <= 0) {
      throw new RangeError(`compaction.${key} must be a positive whole number of tokens, got ${resolved[key]}`);
    }
  }
  if (!Number.isInteger(resolved.reserve) || resolved.reserve < 0) {
    throw new RangeError(`compaction.reserve must be a whole number of tokens, 0 or more, got ${resolved.reserve}`);
  }
  for (const key of ['maxFailures', 'breakerCooldown'] as const) {
    if (!Number.isInteger(resolved[key]) || resolved[key] < 1) {
      throw new RangeError(`compaction.${key} must be a whole number, 1 or more, got ${resolved[key]}`);
    }
  }
  if (resolved.target >= threshold) {
    throw new RangeError(
      `compaction.target (${resolved.target}) must be below compaction.threshold (${threshold}); ` +
        'try half the threshold',
    );
  }
  if (threshold + resolved.reserve > resolved.contextWindow) {
    throw new RangeError(
      `compaction.threshold (${threshold}) plus reserve (${resolved.reserve}) exceeds the context window ` +
        `(${resolved.contextWindow}); lower the threshold or the reserve`,
    );
  }
  if (!(resolved.minGain >= 0 && resolved.minGain < 1)) {
    throw new RangeError(`compaction.minGain must be in [0, 1), got ${resolved.minGain}`);
  }
  return resolved;
}
