import type { CairnPolicy } from '../../customer-service/cairn-context.ts';

/** One setting of the sweep. `summarizerModel` is `null` for policies that never summarize. */
export interface PointSettings {
  /** The runtime's named policies, or the customer-service desk's own (`desk`). */
  readonly policy: CairnPolicy;
  readonly threshold: number;
  /** A model name, or `local` for the extractive summarizer that calls no model. */
  readonly summarizerModel: string | null;
}

/** How well a point kept what mattered. */
export type Fidelity =
  | {
      readonly kind: 'report';
      /** Tickets whose final-report line matches the ground truth. */
      readonly ticketsRight: number;
      readonly tickets: number;
      /** Every line right, nothing extra, totals adding up, the run finished: the example's `reportCorrect`. */
      readonly reportCorrect: boolean;
    }
  | {
      readonly kind: 'probes';
      readonly probes: number;
      /** Probes with an accepted answer in the last request's context. */
      readonly inView: number;
      /** Probes with an accepted answer in the context or fetchable back by a recall key. */
      readonly recoverable: number;
    };

/** What one point measured. Token figures are the simulator's or the local counter's estimates. */
export interface PointFigures {
  /** Requests to the main model. */
  readonly turns: number;
  /** Input tokens of every call, the summarizer's included. */
  readonly inputTokens: number;
  /** Output tokens of every call, the summarizer's included. */
  readonly outputTokens: number;
  readonly summarizerInputTokens: number;
  readonly summarizerOutputTokens: number;
  /** The largest context sent in one request. */
  readonly peakContextTokens: number;
  readonly compactions: number;
  /** Every input token at the plain input price. */
  readonly costUsd: number;
  /** With prompt caching: cache reads and writes at their prices. */
  readonly costUsdCached: number;
  readonly fidelity: Fidelity;
}

/** The outcome of one point: measured, or failed with the reason. */
export type PointOutcome =
  | {
      readonly type: 'measured';
      readonly settings: PointSettings;
      readonly figures: PointFigures;
      readonly ms: number;
    }
  | { readonly type: 'failed'; readonly settings: PointSettings; readonly error: string };

/**
 * Fidelity as one number in [0, 1]: the share of tickets right, or of probes kept in view; `null` without
 * tickets or probes. A report that is wrong as a whole (its totals, say) scores below 1 even when every
 * ticket's line is right, so that the default floor, every ticket right, means a correct report.
 */
export function fidelityScore(fidelity: Fidelity): number | null {
  switch (fidelity.kind) {
    case 'report':
      if (fidelity.tickets === 0) return null;
      if (fidelity.reportCorrect) return 1;
      return Math.min(fidelity.ticketsRight, fidelity.tickets - 1) / fidelity.tickets;
    case 'probes':
      return fidelity.probes === 0 ? null : fidelity.inView / fidelity.probes;
  }
}

/** `hybrid @ 8,000 · claude-haiku-4-5`: how a setting reads in tables, charts and reasons. */
export function settingLabel(settings: PointSettings): string {
  const summarizer = settings.summarizerModel === null ? '' : ` · ${settings.summarizerModel}`;
  return `${settings.policy} @ ${settings.threshold.toLocaleString('en-US')}${summarizer}`;
}

/** Settings compare by value: a copy that crossed a process boundary is the same setting. */
export function sameSettings(a: PointSettings, b: PointSettings | undefined): boolean {
  return (
    b !== undefined && a.policy === b.policy && a.threshold === b.threshold && a.summarizerModel === b.summarizerModel
  );
}
