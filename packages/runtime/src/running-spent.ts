import type { LedgerEntry } from './price-call.ts';
import type { Spent } from './run-decisions.ts';
import { inputTokensOf } from './total-usage.ts';

/**
 * A run's spending so far, added up as its ledger grows: the ledger is only ever appended to, so each entry
 * is added once, in order (the same sums as adding the run's entries up again, at no cost per turn).
 */
export class RunningSpent {
  readonly #ledger: readonly LedgerEntry[];
  #next: number;
  #costUsd = 0;
  #inputTokens = 0;

  /** Counts `ledger`'s entries from index `start` on: the run's own. */
  constructor(ledger: readonly LedgerEntry[], start: number) {
    this.#ledger = ledger;
    this.#next = start;
  }

  /** Cost and input tokens (input, cache reads and cache writes) of the run's entries so far. */
  now(): Spent {
    for (; this.#next < this.#ledger.length; this.#next++) {
      const entry = this.#ledger[this.#next]!;
      this.#costUsd += entry.costUsd;
      this.#inputTokens += inputTokensOf(entry);
    }
    return { costUsd: this.#costUsd, inputTokens: this.#inputTokens };
  }
}
