import { describe, expect, it } from 'vitest';
import { priceCall } from './price-call.ts';
import { DEFAULT_PRICES, priceFor } from './price-table.ts';
import { totalUsage } from './total-usage.ts';

const AT = new Date(0);

describe('priceCall', () => {
  it.each([
    // model, input, write, read, output, with caching, without
    ['claude-sonnet-4-6', 1_000_000, 0, 0, 0, 3, 3],
    ['claude-sonnet-4-6', 0, 1_000_000, 0, 0, 3.75, 3],
    ['claude-sonnet-4-6', 0, 0, 1_000_000, 0, 0.3, 3],
    ['claude-haiku-4-5', 1_000, 2_000, 10_000, 500, 0.001 + 0.0025 + 0.001 + 0.0025, 0.013 + 0.0025],
    ['claude-opus-5-5', 0, 0, 1_000_000, 1_000_000, 0.2 + 20, 4 + 20],
  ] as const)(
    'bills %s for %i input, %i cache-write, %i cache-read and %i output tokens',
    (model, input, write, read, output, cached, uncached) => {
      const usage = {
        input_tokens: input,
        cache_creation_input_tokens: write,
        cache_read_input_tokens: read,
        output_tokens: output,
      };
      const entry = priceCall('main', model, usage, priceFor(model)!, AT);
      expect(entry.costUsd).toBeCloseTo(cached, 9);
      expect(entry.costUsdUncached).toBeCloseTo(uncached, 9);
    },
  );

  it('bills 1-hour cache writes at twice the input price', () => {
    const usage = {
      input_tokens: 0,
      output_tokens: 0,
      cache_creation_input_tokens: 1_000_000,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 1_000_000 },
    };
    expect(priceCall('main', 'claude-sonnet-4-5', usage, DEFAULT_PRICES['claude-sonnet-4-5']!, AT).costUsd).toBeCloseTo(
      6,
    );
  });

  it('finds dated model names by their longest known prefix and knows no others', () => {
    expect(priceFor('claude-haiku-4-5-20251001')).toBe(DEFAULT_PRICES['claude-haiku-4-5']);
    expect(priceFor('gpt-4o')).toBeUndefined();
  });

  it('adds up entries by role, counting each kind of input token once', () => {
    const usage = {
      input_tokens: 10,
      output_tokens: 5,
      cache_read_input_tokens: 100,
      cache_creation_input_tokens: 20,
    };
    const main = priceCall('main', 'claude-sonnet-4-6', usage, priceFor('claude-sonnet-4-6')!, AT);
    const summary = priceCall('summarizer', 'claude-haiku-4-5', usage, priceFor('claude-haiku-4-5')!, AT);
    expect(totalUsage([main, summary, main], 'main')).toMatchObject({
      calls: 2,
      totalInputTokens: 260,
      outputTokens: 10,
    });
    expect(totalUsage([main, summary]).costUsd).toBeCloseTo(main.costUsd + summary.costUsd, 12);
  });
});
