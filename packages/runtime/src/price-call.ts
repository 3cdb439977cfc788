import type Anthropic from '@anthropic-ai/sdk';
import type { ModelPrice } from './price-table.ts';

/** Who made a call: the agent's own turns, or the summarizer during a compaction. */
export type CallRole = 'main' | 'summarizer';

/** One model call: its tokens as the API billed them and what they cost, with and without caching. */
export interface LedgerEntry {
  readonly role: CallRole;
  readonly model: string;
  /** ISO 8601, from the agent's clock. */
  readonly time: string;
  /** Uncached input (after the last cache breakpoint). */
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheWriteTokens: number;
  /** Of `cacheWriteTokens`, those written with the 1-hour TTL. */
  readonly cacheWrite1hTokens: number;
  readonly costUsd: number;
  /** What the same call would have cost with every input token at the plain input price. */
  readonly costUsdUncached: number;
}

/** The usage fields the ledger reads; `Anthropic.Usage` has them all. */
export type BilledUsage = Pick<Anthropic.Usage, 'input_tokens' | 'output_tokens'> &
  Partial<Pick<Anthropic.Usage, 'cache_read_input_tokens' | 'cache_creation_input_tokens' | 'cache_creation'>>;

const PER_TOKEN = 1 / 1_000_000;

/**
 * Prices one call as the API bills it: 5-minute and 1-hour cache writes, cache reads and output apart. The
 * entry is frozen.
 */
export function priceCall(
  role: CallRole,
  model: string,
  usage: BilledUsage,
  price: ModelPrice,
  time: Date,
): LedgerEntry {
  const input = usage.input_tokens;
  const read = usage.cache_read_input_tokens ?? 0;
  const write = usage.cache_creation_input_tokens ?? 0;
  const write1h = Math.min(write, usage.cache_creation?.ephemeral_1h_input_tokens ?? 0);
  const output = usage.output_tokens;
  const costUsd =
    (input * price.input +
      (write - write1h) * price.cacheWrite5m +
      write1h * price.cacheWrite1h +
      read * price.cacheRead +
      output * price.output) *
    PER_TOKEN;
  const costUsdUncached = ((input + read + write) * price.input + output * price.output) * PER_TOKEN;
  // Frozen: an entry never changes once billed, and a session store copies a frozen entry only once.
  return Object.freeze({
    role,
    model,
    time: time.toISOString(),
    inputTokens: input,
    outputTokens: output,
    cacheReadTokens: read,
    cacheWriteTokens: write,
    cacheWrite1hTokens: write1h,
    costUsd,
    costUsdUncached,
  });
}
