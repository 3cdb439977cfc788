import { type ChartSeries, svgChart } from '../../lib/svg-chart.ts';
import { fidelityScore, sameSettings, settingLabel } from '../sweep/sweep-point.ts';
import type { MeasuredPoint, TuneReport } from '../tune.ts';
import { pointSeries } from './point-series.ts';

/** One chart of the report: its SVG and a caption saying how to read it. */
export interface TuneChart {
  readonly title: string;
  readonly svg: string;
  readonly caption: string;
}

const RECOMMENDED = 'recommended';
const DOLLARS = (value: number) => `$${value.toFixed(value < 0.1 ? 3 : 2)}`;
const PERCENT = (value: number) => `${Math.round(value * 100)}%`;

/**
 * The report's charts: cost with prompt caching, cost without it and fidelity, each against the
 * threshold with one line per policy (and summarizer model), and the cost–fidelity Pareto front. The
 * recommendation is marked on each. Every series keeps its unscaled data in `data-points`.
 */
export function tuneCharts(report: TuneReport): TuneChart[] {
  const pick = report.measured.find((p) => sameSettings(p.settings, report.recommendation?.settings));
  const scored = report.measured.filter((p) => fidelityScore(p.figures.fidelity) !== null);
  const byThreshold = (
    title: string,
    y: (p: MeasuredPoint) => number,
    formatY: (n: number) => string,
    extra: ChartSeries[] = [],
  ) =>
    svgChart({
      title,
      xLabel: 'threshold (tokens)',
      series: [
        ...pointSeries(report.measured).map(
          (s): ChartSeries => ({
            type: 'line',
            name: s.label,
            points: s.points.map((p) => ({ x: p.settings.threshold, y: y(p) })),
          }),
        ),
        ...extra,
        ...(pick ? [marker({ x: pick.settings.threshold, y: y(pick) })] : []),
      ],
      formatY,
    });

  const charts: TuneChart[] = [
    {
      title: 'Cost with prompt caching against threshold',
      svg: byThreshold('Cost with prompt caching against threshold', (p) => p.figures.costUsdCached, DOLLARS),
      caption: 'What the run is billed: cache reads and writes at their prices, summarizer calls included.',
    },
    {
      title: 'Cost without prompt caching against threshold',
      svg: byThreshold('Cost without prompt caching against threshold', (p) => p.figures.costUsd, DOLLARS),
      caption: 'Every input token at the plain input price: what compaction saves when nothing is cached.',
    },
  ];
  if (scored.length > 0) {
    charts.push(
      {
        title: 'Fidelity against threshold',
        svg: svgChart({
          title: 'Fidelity against threshold',
          xLabel: 'threshold (tokens)',
          yDomain: [0, 1],
          series: [
            ...pointSeries(scored).map(
              (s): ChartSeries => ({
                type: 'line',
                name: s.label,
                points: s.points.map((p) => ({
                  x: p.settings.threshold,
                  y: fidelityScore(p.figures.fidelity)!,
                })),
              }),
            ),
            { type: 'rule', name: `floor ${PERCENT(report.floor)}`, y: report.floor, color: '#777' },
            ...(pick && scored.includes(pick)
              ? [marker({ x: pick.settings.threshold, y: fidelityScore(pick.figures.fidelity)! })]
              : []),
          ],
          formatY: PERCENT,
        }),
        caption: fidelityCaption(report),
      },
      {
        title: 'Cost against fidelity: the Pareto front',
        svg: svgChart({
          title: 'Cost against fidelity: the Pareto front',
          xLabel: 'cost with prompt caching (USD)',
          yLabel: 'fidelity',
          yDomain: [0, 1],
          yFromZero: true,
          series: [
            ...pointSeries(scored).map(
              (s): ChartSeries => ({ type: 'scatter', name: s.label, points: s.points.map(costFidelity) }),
            ),
            {
              type: 'line',
              name: 'Pareto front',
              points: report.front.map(costFidelity),
              color: '#555',
              dashed: true,
            },
            { type: 'rule', name: `floor ${PERCENT(report.floor)}`, y: report.floor, color: '#777' },
            ...(pick && scored.includes(pick) ? [marker(costFidelity(pick))] : []),
          ],
          formatX: DOLLARS,
          formatY: PERCENT,
        }),
        caption:
          'Each dot is one setting. The front joins those no other setting beats on both cost and fidelity; ' +
          'the recommendation is the cheapest point on or above the floor.',
      },
    );
  }
  return charts;
}

function costFidelity(p: MeasuredPoint) {
  return {
    x: p.figures.costUsdCached,
    y: fidelityScore(p.figures.fidelity)!,
    label: settingLabel(p.settings),
  };
}

function marker(point: { x: number; y: number }): ChartSeries {
  return {
    type: 'markers',
    name: RECOMMENDED,
    points: [{ x: point.x, y: point.y, label: RECOMMENDED }],
    shape: 'diamond',
    color: '#000000',
  };
}

function fidelityCaption(report: TuneReport): string {
  return report.measured[0]?.figures.fidelity.kind === 'report'
    ? 'Share of tickets whose line in the final report matches the ground truth.'
    : 'Share of probes with an accepted answer still in the context of the last request.';
}
