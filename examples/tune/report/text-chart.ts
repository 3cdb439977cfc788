/** One series of a text chart: its points, joined by dots, drawn with `marker`. */
export interface TextSeries {
  readonly label: string;
  readonly marker: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

export interface TextChartOptions {
  readonly title: string;
  readonly series: readonly TextSeries[];
  readonly formatX: (x: number) => string;
  readonly formatY: (y: number) => string;
  /** The y range; @default the data's */
  readonly yDomain?: readonly [number, number];
  /** A point drawn over everything else with its own marker (the recommendation). */
  readonly highlight?: {
    readonly x: number;
    readonly y: number;
    readonly marker: string;
    readonly label: string;
  };
  /** Plot columns. @default 64 */
  readonly width?: number;
  /** Plot rows. @default 14 */
  readonly height?: number;
}

const DEFAULT_WIDTH = 64;
const DEFAULT_HEIGHT = 14;
const JOIN = '·';
/** Drawn where points of different series fall in one cell, so that none hides another unnoticed. */
const OVERLAP = '+';

/**
 * A chart for the terminal: markers at the points, dots between them, labelled axes and a legend. Where
 * points of two series share a cell, it shows `+`.
 */
export function textChart(options: TextChartOptions): string {
  const width = options.width ?? DEFAULT_WIDTH;
  const height = options.height ?? DEFAULT_HEIGHT;
  const all = options.series.flatMap((s) => s.points);
  if (all.length === 0) return `${options.title}\n(no points)`;
  const [x0, x1] = spread(Math.min(...all.map((p) => p.x)), Math.max(...all.map((p) => p.x)));
  const [y0, y1] = spread(...(options.yDomain ?? [Math.min(...all.map((p) => p.y)), Math.max(...all.map((p) => p.y))]));
  const col = (x: number) => Math.round(((x - x0) / (x1 - x0)) * (width - 1));
  const row = (y: number) => height - 1 - Math.round(((y - y0) / (y1 - y0)) * (height - 1));
  const grid = Array.from({ length: height }, () => Array<string>(width).fill(' '));
  const markers = new Set(options.series.map((s) => s.marker));
  let overlaps = false;
  const put = (c: number, r: number, ch: string, point: boolean) => {
    const line = grid[Math.min(height - 1, Math.max(0, r))]!;
    const here = line[c]!;
    if (point && here !== ch && (markers.has(here) || here === OVERLAP)) {
      line[c] = OVERLAP;
      overlaps = true;
    } else if (point || here === ' ' || here === JOIN) line[c] = ch;
  };

  for (const series of options.series) {
    const points = [...series.points].sort((a, b) => a.x - b.x);
    for (const [a, b] of points.slice(1).map((p, i) => [points[i]!, p] as const)) {
      for (let c = col(a.x) + 1; c < col(b.x); c++) {
        const y = a.y + ((b.y - a.y) * (c - col(a.x))) / (col(b.x) - col(a.x));
        put(c, row(y), JOIN, false);
      }
    }
    for (const p of points) put(col(p.x), row(p.y), series.marker, true);
  }
  const h = options.highlight;
  if (h) grid[row(h.y)]![col(h.x)] = h.marker;

  const yLabels = new Map([
    [0, options.formatY(y1)],
    ...(height > 2 ? [[Math.floor((height - 1) / 2), options.formatY((y0 + y1) / 2)] as const] : []),
    [height - 1, options.formatY(y0)],
  ]);
  const margin = Math.max(...[...yLabels.values()].map((l) => l.length));
  const left = options.formatX(x0);
  const right = options.formatX(x1);
  const legend = options.series.map((s) => `${s.marker} ${s.label}`);
  if (overlaps) legend.push(`${OVERLAP} several`);
  if (h) legend.push(`${h.marker} ${h.label}`);
  return [
    options.title,
    ...grid.map((line, r) => `${(yLabels.get(r) ?? '').padStart(margin)} │${line.join('').trimEnd()}`),
    `${' '.repeat(margin)} └${'─'.repeat(width)}`,
    `${' '.repeat(margin + 2)}${left}${right.padStart(width - left.length)}`,
    `${' '.repeat(margin + 2)}${legend.join('   ')}`,
  ].join('\n');
}

/** A degenerate range (one value) widened so that scaling does not divide by zero. */
function spread(lo: number, hi: number): [number, number] {
  if (hi > lo) return [lo, hi];
  const pad = Math.abs(lo) * 0.1 || 1;
  return [lo - pad, hi + pad];
}
