import type { Comparison } from './compare-runs.ts';
import type { FloorFigures, RunFigures } from './run-figures.ts';

/** What `--json <file>` writes. */
export interface ComparisonJson {
  readonly tickets: number;
  readonly threshold: number;
  /** `baseline`, `cookbook`, `cairn`, then `floor` when there is one. */
  readonly runs: readonly (RunFigures | FloorFigures)[];
}

/** The comparison's figures as `--json` writes them, costs rounded to a millionth of a dollar. */
export function comparisonJson(comparison: Comparison): ComparisonJson {
  const runs = comparison.runs.map(({ figures }) => ({
    ...figures,
    costUsd: roundUsd(figures.costUsd),
    costUsdCached: roundUsd(figures.costUsdCached),
  }));
  return {
    tickets: comparison.tickets,
    threshold: comparison.threshold,
    runs: comparison.floor ? [...runs, comparison.floor.figures] : runs,
  };
}

function roundUsd(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
