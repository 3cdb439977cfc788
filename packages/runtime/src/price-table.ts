/** Dollars per million tokens for one model. */
export interface ModelPrice {
  readonly input: number;
  readonly output: number;
  /** Writing the prompt cache with the default 5-minute TTL: 1.25 × input. */
  readonly cacheWrite5m: number;
  /** Writing the prompt cache with the 1-hour TTL: 2 × input. */
  readonly cacheWrite1h: number;
  readonly cacheRead: number;
}

/** Prices by model name; a name matches the longest key it starts with (`claude-haiku-4-5-20251001`). */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

/** The day `DEFAULT_PRICES` were copied from Anthropic's price list; check it before relying on them. */
export const PRICES_AS_OF = '2026-10-07';

function price(input: number, output: number, cacheRead: number): ModelPrice {
  return { input, output, cacheWrite5m: input * 1.25, cacheWrite1h: input * 2, cacheRead };
}

const OPUS_4 = price(5, 25, 0.5);
const SONNET_4 = price(3, 15, 0.3);

/** Anthropic's list prices as of {@link PRICES_AS_OF} (claude-haiku-5-5: prompts up to 100K tokens). */
export const DEFAULT_PRICES: PriceTable = {
  'claude-opus-4-5': OPUS_4,
  'claude-opus-4-6': OPUS_4,
  'claude-opus-4-7': OPUS_4,
  'claude-opus-4-8': OPUS_4,
  'claude-sonnet-4-5': SONNET_4,
  'claude-sonnet-4-6': SONNET_4,
  'claude-haiku-4-5': price(1, 5, 0.1),
  'claude-sonnet-5-5': price(2, 10, 0.1),
  'claude-opus-5-5': price(4, 20, 0.2),
  'claude-haiku-5-5': price(0.1, 0.5, 0.01),
};

/** The price of `model` in `table`, or `undefined` when no key is a prefix of its name. */
export function priceFor(model: string, table: PriceTable = DEFAULT_PRICES): ModelPrice | undefined {
  const exact = table[model];
  if (exact) return exact;
  const key = Object.keys(table)
    .filter((name) => model.startsWith(name))
    .sort((a, b) => b.length - a.length)[0];
  return key === undefined ? undefined : table[key];
}
