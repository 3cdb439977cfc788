import { percent, usd } from '../sweep/format.ts';
import { fidelityScore, sameSettings } from '../sweep/sweep-point.ts';
import type { MeasuredPoint, TuneReport } from '../tune.ts';
import { type PointSeries, pointSeries } from './point-series.ts';
import { textChart } from './text-chart.ts';

const FALLBACK_MARKERS = '123456789@#%&';
const RECOMMENDED = '★';

/** Two text charts against the threshold: cost with prompt caching, and fidelity; one series per policy. */
export function terminalCharts(report: TuneReport): string {
  const series = pointSeries(report.measured);
  const markers = markersFor(series);
  const pick = report.measured.find((p) => sameSettings(p.settings, report.recommendation?.settings));
  const chart = (
    title: string,
    y: (p: MeasuredPoint) => number | null,
    formatY: (n: number) => string,
    domain?: [number, number],
  ) =>
    textChart({
      title,
      series: series.map((s, i) => ({
        label: s.label,
        marker: markers[i]!,
        points: s.points.flatMap((p) => {
          const value = y(p);
          return value === null ? [] : [{ x: p.settings.threshold, y: value }];
        }),
      })),
      formatX: (x) => `${Math.round(x).toLocaleString('en-US')} tokens`,
      formatY,
      ...(domain && { yDomain: domain }),
      ...(pick &&
        y(pick) !== null && {
          highlight: { x: pick.settings.threshold, y: y(pick)!, marker: RECOMMENDED, label: 'recommended' },
        }),
    });
  const charts = [chart('Cost with prompt caching against threshold', (p) => p.figures.costUsdCached, usd)];
  if (report.measured.some((p) => fidelityScore(p.figures.fidelity) !== null)) {
    const what = report.measured[0]?.figures.fidelity.kind === 'report' ? 'tickets right' : 'probes in view';
    charts.push(
      chart(`Fidelity (${what}) against threshold`, (p) => fidelityScore(p.figures.fidelity), percent, [0, 1]),
    );
  }
  return charts.join('\n\n');
}

/** The policy's initial, its capital when taken, then digits and signs. */
function markersFor(series: readonly PointSeries[]): string[] {
  const used = new Set<string>();
  return series.map((s) => {
    const initial = s.label === 'sliding-window' || s.label.startsWith('sliding-window') ? 'w' : s.label[0]!;
    const marker = [initial, initial.toUpperCase(), ...FALLBACK_MARKERS].find((m) => !used.has(m))!;
    used.add(marker);
    return marker;
  });
}
