/**
 * A small, dependency-free SVG chart: line series, scatter series, point markers (compaction points, say)
 * and horizontal rules (a threshold), on linear axes with round ticks, a grid and a legend. The result is
 * an SVG string to embed in a page. Each series' group carries its data, unscaled, in `data-points`
 * (`"x,y x,y …"`), so what a chart shows can be checked against the figures it came from.
 */
import { escapeXml } from './escape-xml.ts';
import { niceTicks } from './nice-ticks.ts';

/** A point in data coordinates. */
export interface ChartPoint {
  readonly x: number;
  readonly y: number;
  /** Shown as the point's tooltip (`<title>`); markers and scatter points only. */
  readonly label?: string;
}

export type MarkerShape = 'circle' | 'diamond' | 'square' | 'triangle';

/** What to plot, and how. Colours default to a colour-blind-safe palette, in series order. */
export type ChartSeries =
  | {
      readonly type: 'line';
      readonly name: string;
      readonly points: readonly ChartPoint[];
      readonly color?: string;
      readonly dashed?: boolean;
    }
  | { readonly type: 'scatter'; readonly name: string; readonly points: readonly ChartPoint[]; readonly color?: string }
  | {
      readonly type: 'markers';
      readonly name: string;
      readonly points: readonly ChartPoint[];
      readonly color?: string;
      /** @default 'diamond' */
      readonly shape?: MarkerShape;
    }
  /** A horizontal reference line across the plot, labelled with its name. */
  | { readonly type: 'rule'; readonly name: string; readonly y: number; readonly color?: string };

export interface ChartOptions {
  readonly series: readonly ChartSeries[];
  readonly title?: string;
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** @default DEFAULT_CHART_WIDTH */
  readonly width?: number;
  /** @default DEFAULT_CHART_HEIGHT */
  readonly height?: number;
  /** Axis bounds; by default the data's, widened to round ticks. Points outside given bounds are not clipped. */
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  /** Whether the default y axis starts at zero. @default true */
  readonly yFromZero?: boolean;
  /** About how many ticks each axis gets. @default 8 and 5 */
  readonly xTicks?: number;
  readonly yTicks?: number;
  /** @default DEFAULT_FORMAT (thousands separators, up to two decimals) */
  readonly formatX?: (value: number) => string;
  readonly formatY?: (value: number) => string;
}

export const DEFAULT_CHART_WIDTH = 760;
export const DEFAULT_CHART_HEIGHT = 380;
/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
export const CHART_PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
export const DEFAULT_FORMAT = (value: number): string => NUMBER.format(value);

const MARGIN = { left: 72, right: 20, bottom: 48 };
const TITLE_HEIGHT = 28;
const LEGEND_ROW = 22;
const CHAR_WIDTH = 7;

/** Renders the chart as an SVG string. Throws a `RangeError` for a point that is not a finite number. */
export function svgChart(options: ChartOptions): string {
  const width = options.width ?? DEFAULT_CHART_WIDTH;
  const height = options.height ?? DEFAULT_CHART_HEIGHT;
  const formatX = options.formatX ?? DEFAULT_FORMAT;
  const formatY = options.formatY ?? DEFAULT_FORMAT;
  const colored = options.series.map((s, i) => ({ ...s, color: s.color ?? CHART_PALETTE[i % CHART_PALETTE.length]! }));
  for (const s of colored) checkFinite(s);

  const legend = legendLayout(colored, width);
  const top = (options.title ? TITLE_HEIGHT : 8) + legend.height + 8;
  const plot = { left: MARGIN.left, top, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
  if (plot.right <= plot.left || plot.bottom <= plot.top) {
    throw new RangeError(`a ${width}×${height} chart leaves no room to plot: make it larger`);
  }
  const xs = colored.flatMap((s) => (s.type === 'rule' ? [] : s.points.map((p) => p.x)));
  const ys = colored.flatMap((s) => (s.type === 'rule' ? [s.y] : s.points.map((p) => p.y)));
  const xAxis = axis(options.xDomain ?? extent(xs, false), options.xTicks ?? 8, options.xDomain !== undefined);
  const yAxis = axis(
    options.yDomain ?? extent(ys, options.yFromZero ?? true),
    options.yTicks ?? 5,
    options.yDomain !== undefined,
  );
  const sx = scale(xAxis.domain, [plot.left, plot.right]);
  const sy = scale(yAxis.domain, [plot.bottom, plot.top]);

  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
      `role="img" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12" fill="#222">`,
    options.title
      ? `<title>${escapeXml(options.title)}</title><text x="${width / 2}" y="20" text-anchor="middle" font-size="15" font-weight="600">${escapeXml(options.title)}</text>`
      : '',
    legend.render((options.title ? TITLE_HEIGHT : 8) + 4),
    gridAndAxes(plot, xAxis.ticks, yAxis.ticks, sx, sy, formatX, formatY),
    axisLabels(plot, options.xLabel, options.yLabel),
    ...colored.filter((s) => s.type === 'rule').map((s) => renderSeries(s, sx, sy, plot)),
    ...colored.filter((s) => s.type === 'line').map((s) => renderSeries(s, sx, sy, plot)),
    ...colored.filter((s) => s.type === 'scatter' || s.type === 'markers').map((s) => renderSeries(s, sx, sy, plot)),
    '</svg>',
  ];
  return parts.filter(Boolean).join('\n');
}

type Colored = ChartSeries & { readonly color: string };
type Plot = { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };

function checkFinite(series: Colored): void {
  const values = series.type === 'rule' ? [series.y] : series.points.flatMap((p) => [p.x, p.y]);
  if (!values.every(Number.isFinite)) {
    throw new RangeError(`series "${series.name}" has a point that is not a finite number: check its data`);
  }
}

function extent(values: readonly number[], fromZero: boolean): [number, number] {
  if (values.length === 0) return [0, 1];
  // A loop, not Math.min(...values): long series would overflow the call stack.
  let low = fromZero ? 0 : Number.POSITIVE_INFINITY;
  let high = fromZero ? 0 : Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return low === high ? [low - 1, high + 1] : [low, high];
}

/** An axis's ticks and domain: the ticks' span unless the domain was given. */
function axis(domain: readonly [number, number], count: number, fixed: boolean) {
  const ticks = niceTicks(domain[0], domain[1], count);
  if (fixed) return { domain, ticks: ticks.filter((t) => t >= domain[0] && t <= domain[1]) };
  return { domain: [ticks[0]!, ticks.at(-1)!] as const, ticks };
}

function scale(domain: readonly [number, number], range: readonly [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (value: number) => round(r0 + (value - d0) * k);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function gridAndAxes(
  plot: Plot,
  xTicks: readonly number[],
  yTicks: readonly number[],
  sx: (v: number) => number,
  sy: (v: number) => number,
  formatX: (v: number) => string,
  formatY: (v: number) => string,
): string {
  const y = yTicks.map((t) => {
    const py = sy(t);
    return (
      `<line x1="${plot.left}" y1="${py}" x2="${plot.right}" y2="${py}" stroke="#e3e3e3"/>` +
      `<text x="${plot.left - 8}" y="${py + 4}" text-anchor="end">${escapeXml(formatY(t))}</text>`
    );
  });
  const x = xTicks.map((t) => {
    const px = sx(t);
    return (
      `<line x1="${px}" y1="${plot.bottom}" x2="${px}" y2="${plot.bottom + 5}" stroke="#888"/>` +
      `<text x="${px}" y="${plot.bottom + 19}" text-anchor="middle">${escapeXml(formatX(t))}</text>`
    );
  });
  const frame =
    `<line x1="${plot.left}" y1="${plot.bottom}" x2="${plot.right}" y2="${plot.bottom}" stroke="#888"/>` +
    `<line x1="${plot.left}" y1="${plot.top}" x2="${plot.left}" y2="${plot.bottom}" stroke="#888"/>`;
  return `<g class="axis axis-y">${y.join('')}</g>\n<g class="axis axis-x">${x.join('')}${frame}</g>`;
}

function axisLabels(plot: Plot, xLabel: string | undefined, yLabel: string | undefined): string {
  const labels: string[] = [];
  if (xLabel) {
    labels.push(
      `<text x="${(plot.left + plot.right) / 2}" y="${plot.bottom + 38}" text-anchor="middle" fill="#555">${escapeXml(xLabel)}</text>`,
    );
  }
  if (yLabel) {
    const cy = (plot.top + plot.bottom) / 2;
    labels.push(
      `<text x="14" y="${cy}" text-anchor="middle" fill="#555" transform="rotate(-90 14 ${cy})">${escapeXml(yLabel)}</text>`,
    );
  }
  return labels.length > 0 ? `<g class="axis-labels">${labels.join('')}</g>` : '';
}

function renderSeries(s: Colored, sx: (v: number) => number, sy: (v: number) => number, plot: Plot): string {
  const data = s.type === 'rule' ? `${s.y}` : s.points.map((p) => `${p.x},${p.y}`).join(' ');
  const open = `<g class="series" data-type="${s.type}" data-series="${escapeXml(s.name)}" data-points="${data}">`;
  switch (s.type) {
    case 'line': {
      const points = s.points.map((p) => `${sx(p.x)},${sy(p.y)}`).join(' ');
      const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
      return `${open}<polyline points="${points}" fill="none" stroke="${s.color}" stroke-width="2" stroke-linejoin="round"${dash}/></g>`;
    }
    case 'scatter':
      return `${open}${s.points.map((p) => shape('circle', sx(p.x), sy(p.y), 3.5, s.color, 'none', p.label)).join('')}</g>`;
    case 'markers':
      return `${open}${s.points.map((p) => shape(s.shape ?? 'diamond', sx(p.x), sy(p.y), 6, '#fff', s.color, p.label)).join('')}</g>`;
    case 'rule': {
      const py = sy(s.y);
      return (
        `${open}<line x1="${plot.left}" y1="${py}" x2="${plot.right}" y2="${py}" stroke="${s.color}" stroke-dasharray="3 3"/>` +
        `<text x="${plot.right - 4}" y="${py - 5}" text-anchor="end" fill="${s.color}">${escapeXml(s.name)}</text></g>`
      );
    }
  }
}

/** A marker shape centred on (x, y), with `label` as its tooltip. */
function shape(
  kind: MarkerShape,
  x: number,
  y: number,
  r: number,
  fill: string,
  stroke: string,
  label?: string,
): string {
  const paint = `fill="${fill}" stroke="${stroke}" stroke-width="2"`;
  const [tag, geometry] = ((): [string, string] => {
    switch (kind) {
      case 'circle':
        return ['circle', `cx="${x}" cy="${y}" r="${r}"`];
      case 'square':
        return ['rect', `x="${round(x - r)}" y="${round(y - r)}" width="${2 * r}" height="${2 * r}"`];
      case 'diamond':
        return [
          'polygon',
          `points="${x},${round(y - r)} ${round(x + r)},${y} ${x},${round(y + r)} ${round(x - r)},${y}"`,
        ];
      case 'triangle':
        return [
          'polygon',
          `points="${x},${round(y - r)} ${round(x + r)},${round(y + r)} ${round(x - r)},${round(y + r)}"`,
        ];
    }
  })();
  return label === undefined
    ? `<${tag} ${geometry} ${paint}/>`
    : `<${tag} ${geometry} ${paint}><title>${escapeXml(label)}</title></${tag}>`;
}

/** Legend entries in rows that fit the width; `render(top)` draws them from `top`. */
function legendLayout(series: readonly Colored[], width: number) {
  const entries: { s: Colored; x: number; row: number }[] = [];
  let x = MARGIN.left;
  let row = 0;
  for (const s of series) {
    const w = 34 + s.name.length * CHAR_WIDTH;
    if (x + w > width - MARGIN.right && x > MARGIN.left) {
      row += 1;
      x = MARGIN.left;
    }
    entries.push({ s, x, row });
    x += w + 14;
  }
  const height = series.length === 0 ? 0 : (row + 1) * LEGEND_ROW;
  const render = (top: number) =>
    `<g class="legend">${entries
      .map(({ s, x: ex, row: r }) => {
        const cy = top + r * LEGEND_ROW + 8;
        return `${swatch(s, ex, cy)}<text x="${ex + 28}" y="${cy + 4}">${escapeXml(s.name)}</text>`;
      })
      .join('')}</g>`;
  return { height, render };
}

function swatch(s: Colored, x: number, cy: number): string {
  switch (s.type) {
    case 'line':
      return `<line x1="${x}" y1="${cy}" x2="${x + 22}" y2="${cy}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`;
    case 'rule':
      return `<line x1="${x}" y1="${cy}" x2="${x + 22}" y2="${cy}" stroke="${s.color}" stroke-dasharray="3 3"/>`;
    case 'scatter':
      return shape('circle', x + 11, cy, 3.5, s.color, 'none');
    case 'markers':
      return shape(s.shape ?? 'diamond', x + 11, cy, 5, '#fff', s.color);
  }
}
