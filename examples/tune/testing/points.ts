import type { Fidelity, PointFigures, PointSettings } from '../sweep/sweep-point.ts';
import type { MeasuredPoint } from '../tune.ts';

/** A measured point for tests: `hybrid` with no summarizer unless told, figures scaled from the cost. */
export function point(
  threshold: number,
  costUsdCached: number,
  fidelity: Fidelity,
  settings: Partial<PointSettings> = {},
  figures: Partial<PointFigures> = {},
): MeasuredPoint {
  return {
    settings: { policy: 'hybrid', threshold, summarizerModel: null, ...settings },
    figures: {
      turns: 30,
      inputTokens: Math.round(costUsdCached * 1e6),
      outputTokens: 1_000,
      summarizerInputTokens: 0,
      summarizerOutputTokens: 0,
      peakContextTokens: threshold,
      compactions: 1,
      costUsd: costUsdCached * 3,
      costUsdCached,
      fidelity,
      ...figures,
    },
  };
}

/** `inView` of 30 probes in view, all recoverable. */
export function probes(inView: number): Fidelity {
  return { kind: 'probes', probes: 30, inView, recoverable: 30 };
}

/** `right` of five tickets right; the report is correct when all are. */
export function tickets(right: number): Fidelity {
  return { kind: 'report', ticketsRight: right, tickets: 5, reportCorrect: right === 5 };
}
