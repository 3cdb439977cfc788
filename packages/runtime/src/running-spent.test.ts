import { describe, expect, it } from 'vitest';
import { type LedgerEntry, priceCall } from './price-call.ts';
import { priceFor } from './price-table.ts';
import { RunningSpent } from './running-spent.ts';
import { totalUsage } from './total-usage.ts';

const MODEL = 'claude-sonnet-4-6';
const entry = (input: number, read: number, write: number): LedgerEntry =>
  priceCall(
    'main',
    MODEL,
    { input_tokens: input, output_tokens: 50, cache_read_input_tokens: read, cache_creation_input_tokens: write },
    priceFor(MODEL)!,
    new Date(0),
  );

describe('RunningSpent', () => {
  it('adds up the run’s entries as the ledger grows, as adding them all up again would', () => {
    const ledger = [entry(9_000, 0, 0), entry(8_000, 0, 0)]; // an earlier run's, not counted
    const spent = new RunningSpent(ledger, 2);
    expect(spent.now()).toEqual({ costUsd: 0, inputTokens: 0 });
    for (let i = 1; i <= 30; i++) {
      ledger.push(entry(100 * i, 1_000 * i, i % 3 === 0 ? 500 : 0));
      const totals = totalUsage(ledger.slice(2));
      expect(spent.now()).toEqual({ costUsd: totals.costUsd, inputTokens: totals.totalInputTokens });
    }
    expect(spent.now()).toEqual(spent.now());
  });
});
