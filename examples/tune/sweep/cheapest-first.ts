import { POLICY_ORDER } from './sweep-grid.ts';
import { fidelityScore, type PointFigures, type PointSettings } from './sweep-point.ts';

/** A measured point, as ranking sees it. */
export interface Ranked {
  readonly settings: PointSettings;
  readonly figures: PointFigures;
}

/**
 * Orders points cheapest first: by cost with prompt caching (what is billed), then without, then higher
 * fidelity, smaller peak context, lower threshold, the policy's place on the ladder and the summarizer's
 * name, so that ties always break the same way.
 */
export function cheapestFirst(a: Ranked, b: Ranked): number {
  return (
    a.figures.costUsdCached - b.figures.costUsdCached ||
    a.figures.costUsd - b.figures.costUsd ||
    (fidelityScore(b.figures.fidelity) ?? 0) - (fidelityScore(a.figures.fidelity) ?? 0) ||
    a.figures.peakContextTokens - b.figures.peakContextTokens ||
    a.settings.threshold - b.settings.threshold ||
    POLICY_ORDER.indexOf(a.settings.policy) - POLICY_ORDER.indexOf(b.settings.policy) ||
    (a.settings.summarizerModel ?? '').localeCompare(b.settings.summarizerModel ?? '')
  );
}
