/** A piece of a request as the prompt cache sees it: the stable prefix (system and tools), or one message. */
export interface PromptUnit {
  /** Equal keys mean equal content. */
  readonly key: string;
  readonly tokens: number;
}

/** How a request's input tokens split under prompt caching. */
export interface CacheSplit {
  readonly read: number;
  readonly write: number;
  readonly uncached: number;
}

/**
 * Estimates what the API's prompt cache does with `current`, given the request before it, assuming the
 * breakpoints the runtime places: one after the stable prefix (the first unit) and one on the last message.
 * The longest earlier entry that is a prefix of `current` is read: the whole previous request when the
 * conversation only grew, else the stable prefix alone (a compaction changed the head). The rest is written
 * for the next request. A prompt shorter than `minCacheable` caches nothing. Time-to-live is ignored:
 * replayed turns follow each other at once.
 */
export function cacheSplit(
  previous: readonly PromptUnit[] | null,
  current: readonly PromptUnit[],
  minCacheable: number,
): CacheSplit {
  const total = sum(current);
  if (total < minCacheable) return { read: 0, write: 0, uncached: total };
  const read = cachedPrefix(previous ?? [], current, minCacheable);
  return { read, write: total - read, uncached: 0 };
}

function cachedPrefix(previous: readonly PromptUnit[], current: readonly PromptUnit[], minCacheable: number): number {
  const shared = sharedUnits(previous, current);
  if (shared === previous.length && previous.length > 0 && sum(previous) >= minCacheable) return sum(previous);
  const stable = previous[0];
  if (shared >= 1 && stable && stable.tokens >= minCacheable) return stable.tokens;
  return 0;
}

function sharedUnits(a: readonly PromptUnit[], b: readonly PromptUnit[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n]!.key === b[n]!.key) n++;
  return n;
}

function sum(units: readonly PromptUnit[]): number {
  return units.reduce((total, unit) => total + unit.tokens, 0);
}
