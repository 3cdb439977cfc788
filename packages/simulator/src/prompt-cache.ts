import type { PromptUnit } from './prompt-units.ts';

/** How one request's input tokens split, as the API's `usage` reports them. */
export interface CacheUsage {
  /** `input_tokens`: the part after the last breakpoint, or all of it without a cache hit or write. */
  readonly uncached: number;
  readonly read: number;
  readonly write5m: number;
  readonly write1h: number;
}

/** The API looks for an earlier cache entry up to about this many blocks before each breakpoint. */
export const LOOKBACK_BLOCKS = 20;

const TTL_MS = { '5m': 5 * 60_000, '1h': 60 * 60_000 } as const;
const SWEEP_AT_ENTRIES = 10_000;

interface Entry {
  expiresAt: number;
  readonly ttlMs: number;
}

/**
 * Prompt-cache accounting. A `cache_control` breakpoint whose prefix reaches the model's minimum writes an
 * entry for that exact prefix; a later request reads the longest live entry found at a breakpoint or up
 * to `LOOKBACK_BLOCKS` blocks before one, which refreshes its TTL. Only the usage figures depend on it.
 */
export class PromptCache {
  readonly #entries = new Map<string, Entry>();
  readonly #clock: () => number;

  constructor(clock: () => number) {
    this.#clock = clock;
  }

  /** Splits the input tokens of `units` into uncached, read and written parts, and updates the entries. */
  account(units: readonly PromptUnit[], minCacheableTokens: number): CacheUsage {
    const now = this.#clock();
    const prefixTokens: number[] = [];
    let total = 0;
    for (const unit of units) {
      total += unit.tokens;
      prefixTokens.push(total);
    }
    const breakpoints = units.flatMap((u, i) => (u.ttl && prefixTokens[i]! >= minCacheableTokens ? [i] : []));

    let hit = -1;
    for (const b of breakpoints) {
      for (let j = b; j >= Math.max(0, b - LOOKBACK_BLOCKS) && j > hit; j--) {
        if (this.#alive(units[j]!.digest, now)) {
          hit = j;
          break;
        }
      }
    }
    const read = hit >= 0 ? prefixTokens[hit]! : 0;
    let written = read;
    let write5m = 0;
    let write1h = 0;
    for (const b of breakpoints) {
      if (b <= hit) continue;
      const segment = prefixTokens[b]! - written;
      if (units[b]!.ttl === '1h') write1h += segment;
      else write5m += segment;
      written = prefixTokens[b]!;
    }

    const hitEntry = hit >= 0 ? this.#entries.get(units[hit]!.digest) : undefined;
    if (hitEntry) hitEntry.expiresAt = now + hitEntry.ttlMs;
    for (const b of breakpoints) {
      const ttlMs = TTL_MS[units[b]!.ttl ?? '5m'];
      this.#entries.set(units[b]!.digest, { expiresAt: now + ttlMs, ttlMs });
    }
    if (this.#entries.size > SWEEP_AT_ENTRIES) this.#sweep(now);
    return { uncached: total - read - write5m - write1h, read, write5m, write1h };
  }

  #alive(digest: string, now: number): boolean {
    const entry = this.#entries.get(digest);
    return entry !== undefined && entry.expiresAt > now;
  }

  #sweep(now: number): void {
    for (const [digest, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(digest);
  }
}
