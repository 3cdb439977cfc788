import type { CairnPolicy } from '../../customer-service/cairn-context.ts';
import { fidelityScore } from '../sweep/sweep-point.ts';
import type { TuneReport } from '../tune.ts';

/** The `--json` output: the measured points and the recommendation, in the shape issue 8 fixes. */
export interface TuneJson {
  readonly points: readonly {
    readonly policy: CairnPolicy;
    readonly threshold: number;
    readonly summarizerModel: string | null;
    readonly inputTokens: number;
    readonly outputTokens: number;
    readonly peakContextTokens: number;
    readonly compactions: number;
    readonly costUsd: number;
    readonly costUsdCached: number;
    /** Share of tickets right (desk) or of probes in view (recorded); `null` without probes. */
    readonly fidelity: number | null;
  }[];
  readonly recommendation: {
    readonly policy: CairnPolicy;
    readonly threshold: number;
    readonly summarizerModel: string | null;
    readonly reason: string;
  } | null;
}

/** Projects a report onto the JSON shape; failed points are left out (the terminal and HTML list them). */
export function tuneJson(report: TuneReport): TuneJson {
  const recommendation = report.recommendation;
  return {
    points: report.measured.map(({ settings, figures }) => ({
      policy: settings.policy,
      threshold: settings.threshold,
      summarizerModel: settings.summarizerModel,
      inputTokens: figures.inputTokens,
      outputTokens: figures.outputTokens,
      peakContextTokens: figures.peakContextTokens,
      compactions: figures.compactions,
      costUsd: figures.costUsd,
      costUsdCached: figures.costUsdCached,
      fidelity: fidelityScore(figures.fidelity),
    })),
    recommendation: recommendation && { ...recommendation.settings, reason: recommendation.reason },
  };
}
