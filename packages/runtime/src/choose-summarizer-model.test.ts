import { describe, expect, it } from 'vitest';
import { chooseSummarizerModel } from './choose-summarizer-model.ts';
import { priceFor } from './price-table.ts';

const option = (model: string) => ({ model, price: priceFor(model)! });

describe('chooseSummarizerModel', () => {
  it.each([
    // main, cheap, warm, prefix, system, prompt, summary, chosen
    ['claude-sonnet-4-6', 'claude-haiku-4-5', true, 3_000, 500, 10_000, 1_500, 'claude-haiku-4-5'],
    ['claude-haiku-5-5', 'claude-haiku-4-5', true, 40_000, 500, 5_000, 500, 'claude-haiku-5-5'],
    ['claude-haiku-5-5', 'claude-haiku-4-5', false, 40_000, 500, 5_000, 500, 'claude-haiku-4-5'],
    ['claude-haiku-4-5', 'claude-haiku-4-5', true, 3_000, 500, 10_000, 1_500, 'claude-haiku-4-5'],
  ] as const)(
    'with %s over %s (cache warm: %s, prefix %i) picks the cheaper',
    (main, cheap, warm, p, s, m, o, chosen) => {
      const choice = chooseSummarizerModel({
        main: option(main),
        cheap: option(cheap),
        cacheWarm: warm,
        prefixTokens: p,
        systemTokens: s,
        promptTokens: m,
        summaryTokens: o,
      });
      expect(choice.model).toBe(chosen);
    },
  );

  it('spells out the arithmetic: a warm sonnet-5-5 still costs more than a cold haiku-4-5', () => {
    const choice = chooseSummarizerModel({
      main: option('claude-sonnet-5-5'),
      cheap: option('claude-haiku-4-5'),
      cacheWarm: true,
      prefixTokens: 40_000,
      systemTokens: 500,
      promptTokens: 5_000,
      summaryTokens: 500,
    });
    // 40K × $0.10 + 5K × $2 + 500 × $10 per million, against (500 + 5K) × $1 + 500 × $5 per million.
    expect(choice.mainCostUsd).toBeCloseTo(0.004 + 0.01 + 0.005, 9);
    expect(choice.cheapCostUsd).toBeCloseTo(0.0055 + 0.0025, 9);
    expect(choice.model).toBe('claude-haiku-4-5');
  });
});
