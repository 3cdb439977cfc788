import type { Comparison } from './compare-runs.ts';

export const COMPARISON_COLUMNS = [
  'run',
  'turns',
  'input tokens',
  'output tokens',
  'summarizer in',
  'summarizer out',
  'compactions',
  'peak context',
  'cost',
  'cost cached',
  'report correct',
] as const;

/** One row per run, then the floor (its turns and input tokens only). */
export function comparisonRows(comparison: Comparison): (string | number | null)[][] {
  const rows: (string | number | null)[][] = comparison.runs.map(({ figures: f, trace }) => [
    f.name,
    f.turns,
    f.inputTokens,
    f.outputTokens,
    f.summarizerInputTokens,
    f.summarizerOutputTokens,
    f.compactions,
    f.peakContextTokens,
    dollars(f.costUsd),
    dollars(f.costUsdCached),
    trace.outcome.type === 'done' ? (f.reportCorrect ? 'yes' : 'no') : `no (${trace.outcome.type})`,
  ]);
  const floor = comparison.floor?.figures;
  if (floor) rows.push(['floor', floor.turns, floor.inputTokens, null, null, null, null, null, null, null, null]);
  return rows;
}

function dollars(value: number): string {
  return `$${value.toFixed(4)}`;
}
