import type { CairnPolicy } from '../customer-service/cairn-context.ts';
import { paretoFront } from './sweep/pareto-front.ts';
import { type Recommendation, recommend } from './sweep/recommend.ts';
import { runSweep, type SweepProgress } from './sweep/run-sweep.ts';
import type { ScenarioSpec } from './sweep/scenario.ts';
import { sweepGrid } from './sweep/sweep-grid.ts';
import type { PointFigures, PointOutcome, PointSettings } from './sweep/sweep-point.ts';

/** What to sweep, over which scenario, and the fidelity a recommendation must reach. */
export interface TuneOptions {
  readonly scenario: ScenarioSpec;
  readonly thresholds: readonly number[];
  readonly policies: readonly CairnPolicy[];
  readonly summarizerModels: readonly string[];
  /** Share in [0, 1] of tickets right, or of probes in view. */
  readonly floor: number;
  /** Worker processes. @default the available cores */
  readonly workers?: number;
  /** A point taking longer fails, in milliseconds. */
  readonly pointTimeoutMs?: number;
}

/** A measured point. */
export interface MeasuredPoint {
  readonly settings: PointSettings;
  readonly figures: PointFigures;
}

/** Everything a sweep found: what the outputs (table, chart, HTML, JSON) are drawn from. */
export interface TuneReport {
  readonly scenario: ScenarioSpec;
  readonly floor: number;
  readonly outcomes: readonly PointOutcome[];
  /** The measured outcomes, in grid order. */
  readonly measured: readonly MeasuredPoint[];
  readonly front: readonly MeasuredPoint[];
  readonly recommendation: Recommendation | null;
  readonly elapsedMs: number;
}

/** Sweeps the grid of `options` in worker processes and recommends a setting. */
export async function tune(
  options: TuneOptions,
  onProgress?: (progress: SweepProgress) => void,
  now: () => number = performance.now.bind(performance),
): Promise<TuneReport> {
  const started = now();
  const outcomes = await runSweep({
    spec: options.scenario,
    grid: sweepGrid(options),
    ...(options.workers !== undefined && { concurrency: options.workers }),
    ...(options.pointTimeoutMs !== undefined && { timeoutMs: options.pointTimeoutMs }),
    ...(onProgress && { onProgress }),
  });
  return summarizeSweep(options.scenario, options.floor, outcomes, now() - started);
}

/** The report of a finished sweep: its measured points, their Pareto front and the recommendation. */
export function summarizeSweep(
  scenario: ScenarioSpec,
  floor: number,
  outcomes: readonly PointOutcome[],
  elapsedMs: number,
): TuneReport {
  const measured = outcomes.flatMap((o) =>
    o.type === 'measured' ? [{ settings: o.settings, figures: o.figures }] : [],
  );
  return {
    scenario,
    floor,
    outcomes,
    measured,
    front: paretoFront(measured),
    recommendation: recommend(measured, floor),
    elapsedMs,
  };
}
