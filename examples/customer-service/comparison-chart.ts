import { type ChartSeries, svgChart } from '../lib/svg-chart.ts';
import type { Comparison } from './compare-runs.ts';
import type { RunName } from './run-trace.ts';

const COLORS = { baseline: '#888888', cookbook: '#D55E00', cairn: '#0072B2', floor: '#009E73', threshold: '#CC79A7' };
/** Past this ratio of peaks the baseline flattens the other runs, and a second chart leaves it out. */
const ZOOM_RATIO = 3;

/**
 * Context sent per turn for each run (input and cache tokens, as billed), a marker at the first turn after
 * each compaction, the floor per turn (dashed) and the threshold: one chart, and a second without the
 * baseline when the baseline's peak dwarfs the others. Every series' data is the comparison's own figures,
 * so the charts add up to the table.
 */
export function comparisonCharts(comparison: Comparison): string[] {
  const peak = (name: RunName) => comparison.runs.find((r) => r.figures.name === name)?.figures.peakContextTokens ?? 0;
  const charts = [
    chart(comparison, ['baseline', 'cookbook', 'cairn'], `Context per turn, ${comparison.tickets} tickets`),
  ];
  if (peak('baseline') > ZOOM_RATIO * Math.max(peak('cookbook'), peak('cairn'))) {
    charts.push(chart(comparison, ['cookbook', 'cairn'], 'The same, without the baseline'));
  }
  return charts;
}

function chart(comparison: Comparison, names: readonly RunName[], title: string): string {
  const runs = comparison.runs.filter((r) => names.includes(r.trace.name)).map((r) => r.trace);
  const series: ChartSeries[] = runs.map((trace) => ({
    type: 'line',
    name: trace.name,
    color: COLORS[trace.name],
    points: trace.turns.map((t) => ({ x: t.turn, y: t.contextTokens })),
  }));
  if (comparison.floor) {
    series.push({
      type: 'line',
      name: 'floor',
      color: COLORS.floor,
      dashed: true,
      points: comparison.floor.perTurn.map((y, i) => ({ x: i + 1, y })),
    });
  }
  for (const trace of runs) {
    if (trace.compactions.length === 0) continue;
    const contextAt = new Map(trace.turns.map((t) => [t.turn, t.contextTokens]));
    series.push({
      type: 'markers',
      name: `${trace.name} compactions`,
      color: COLORS[trace.name],
      shape: trace.name === 'cairn' ? 'circle' : 'diamond',
      points: trace.compactions.flatMap((c) => {
        const y = contextAt.get(c.turn);
        const label = `${trace.name}: compaction before turn ${c.turn}, ${c.before.toLocaleString('en-US')} → ${y?.toLocaleString('en-US')} tokens`;
        return y === undefined ? [] : [{ x: c.turn, y, label }];
      }),
    });
  }
  series.push({
    type: 'rule',
    name: `threshold ${comparison.threshold.toLocaleString('en-US')}`,
    y: comparison.threshold,
    color: COLORS.threshold,
  });
  return svgChart({
    title,
    xLabel: 'turn (model call)',
    yLabel: 'tokens sent',
    series,
    formatY: (v) => (v >= 1_000 ? `${(v / 1_000).toLocaleString('en-US')}K` : String(v)),
  });
}
