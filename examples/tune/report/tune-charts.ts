import { type ChartPoint, type ChartSeries, svgChart } from '../../lib/svg-chart.ts';
import { fidelityScore, sameSettings, settingLabel } from '../sweep/sweep-point.ts';
import type { MeasuredPoint, TuneReport } from '../tune.ts';
import { pointSeries } from './point-series.ts';

/** One chart of the report: its SVG and a caption saying how to read it. */
export interface TuneChart {
  readonly svg: string;
  readonly caption: string;
}

/** The chart titles, which the SVGs carry as `<title>`. */
export const CHART_TITLES = {
  costCached: 'Cost with prompt caching against threshold',
  cost: 'Cost without prompt caching against threshold',
  fidelity: 'Fidelity against threshold',
  pareto: 'Cost against fidelity: the Pareto front',
} as const;

const RECOMMENDED = 'recommended';
const NEUTRAL = '#777';
const DOLLARS = (value: number) => `$${value.toFixed(value < 0.1 ? 3 : 2)}`;
const PERCENT = (value: number) => `${Math.round(value * 100)}%`;

type Measure = (p: MeasuredPoint) => number | null;

/**
 * The report's charts: cost with prompt caching, cost without it and fidelity, each against the threshold
 * with one line per policy (and summarizer model), then the cost–fidelity Pareto front. The recommendation is
 * marked on each. Every series keeps its unscaled data in `data-points`.
 */
export function tuneCharts(report: TuneReport): TuneChart[] {
  const pick = report.measured.find((p) => sameSettings(p.settings, report.recommendation?.settings));
  const fidelity: Measure = (p) => fidelityScore(p.figures.fidelity);
  const floor: ChartSeries = { type: 'rule', name: `floor ${PERCENT(report.floor)}`, y: report.floor, color: NEUTRAL };
  const byThreshold = (title: string, y: Measure, formatY: (n: number) => string, extra: ChartSeries[] = []) =>
    svgChart({
      title,
      xLabel: 'threshold (tokens)',
      series: [
        ...pointSeries(report.measured).map(
          (s): ChartSeries => ({ type: 'line', name: s.label, points: plot(s.points, (p) => p.settings.threshold, y) }),
        ),
        ...extra,
        ...marker(pick, (p) => p.settings.threshold, y),
      ],
      formatY,
      ...(extra.length > 0 && { yDomain: [0, 1] as const }),
    });

  const charts: TuneChart[] = [
    {
      svg: byThreshold(CHART_TITLES.costCached, (p) => p.figures.costUsdCached, DOLLARS),
      caption: 'What the run is billed: cache reads and writes at their prices, summarizer calls included.',
    },
    {
      svg: byThreshold(CHART_TITLES.cost, (p) => p.figures.costUsd, DOLLARS),
      caption: 'Every input token at the plain input price: what compaction saves when nothing is cached.',
    },
  ];
  if (!report.measured.some((p) => fidelity(p) !== null)) return charts;
  const cost = (p: MeasuredPoint) => p.figures.costUsdCached;
  return [
    ...charts,
    {
      svg: byThreshold(CHART_TITLES.fidelity, fidelity, PERCENT, [floor]),
      caption:
        report.measured[0]?.figures.fidelity.kind === 'report'
          ? 'Share of tickets whose line in the final report matches the ground truth.'
          : 'Share of probes with an accepted answer still in the context of the last request.',
    },
    {
      svg: svgChart({
        title: CHART_TITLES.pareto,
        xLabel: 'cost with prompt caching (USD)',
        yLabel: 'fidelity',
        yDomain: [0, 1],
        series: [
          ...pointSeries(report.measured).map(
            (s): ChartSeries => ({ type: 'scatter', name: s.label, points: plot(s.points, cost, fidelity) }),
          ),
          {
            type: 'line',
            name: 'Pareto front',
            points: plot(report.front, cost, fidelity),
            color: NEUTRAL,
            dashed: true,
          },
          floor,
          ...marker(pick, cost, fidelity),
        ],
        formatX: DOLLARS,
        formatY: PERCENT,
      }),
      caption:
        'Each dot is one setting. The front joins those no other setting beats on both cost and fidelity; ' +
        'the recommendation is the cheapest point on or above the floor.',
    },
  ];
}

/** The points as chart points, each named by its setting; those without a value are left out. */
function plot(points: readonly MeasuredPoint[], x: (p: MeasuredPoint) => number, y: Measure): ChartPoint[] {
  return points.flatMap((p) => {
    const value = y(p);
    return value === null ? [] : [{ x: x(p), y: value, label: settingLabel(p.settings) }];
  });
}

function marker(pick: MeasuredPoint | undefined, x: (p: MeasuredPoint) => number, y: Measure): ChartSeries[] {
  const points = pick ? plot([pick], x, y) : [];
  if (points.length === 0) return [];
  return [{ type: 'markers', name: RECOMMENDED, points, shape: 'diamond', color: '#000000' }];
}
