import { describe, expect, it } from 'vitest';
import { CHART_PALETTE, type ChartSeries, svgChart } from './svg-chart.ts';

const line = (name: string, ys: number[]): ChartSeries => ({
  type: 'line',
  name,
  points: ys.map((y, i) => ({ x: i + 1, y })),
});

/** The groups of a chart's series: type, name, data and the markup inside. */
function groups(svg: string) {
  return [
    ...svg.matchAll(/<g class="series" data-type="(\w+)" data-series="([^"]*)" data-points="([^"]*)">(.*?)<\/g>/g),
  ].map(([, type, name, data, inner]) => ({ type, name, data: data!, inner: inner! }));
}

function pixels(polyline: string): [number, number][] {
  const points = /points="([^"]*)"/.exec(polyline)![1]!;
  return points.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
}

describe('svgChart', () => {
  it('keeps each series data unscaled in data-points, in order', () => {
    const svg = svgChart({ series: [line('baseline', [1_469, 1_540, 1_781]), line('cairn', [1_469, 1_200])] });
    expect(groups(svg).map((g) => [g.name, g.data])).toEqual([
      ['baseline', '1,1469 2,1540 3,1781'],
      ['cairn', '1,1469 2,1200'],
    ]);
  });

  it('plots a line on linear axes: equal steps in the data are equal steps on screen, higher values higher up', () => {
    const svg = svgChart({ series: [line('a', [0, 10, 20, 40])], width: 600, height: 300 });
    const points = pixels(groups(svg)[0]!.inner);
    const dx = points.map((p, i) => (i === 0 ? 0 : p[0] - points[i - 1]![0]));
    expect(new Set(dx.slice(1).map((d) => d.toFixed(0))).size).toBe(1);
    const dy = points.map((p) => p[1]);
    expect(dy[1]! - dy[2]!).toBeCloseTo(dy[0]! - dy[1]!, 0);
    expect(dy[2]! - dy[3]!).toBeCloseTo(2 * (dy[1]! - dy[2]!), 0);
    expect(dy[3]!).toBeLessThan(dy[0]!);
    for (const [x, y] of points) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(600);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(300);
    }
  });

  it('labels the y axis with round ticks from zero past the largest value', () => {
    const svg = svgChart({ series: [line('a', [1_469, 8_671])] });
    const yAxis = /<g class="axis axis-y">(.*?)<\/g>/.exec(svg)![1]!;
    const labels = [...yAxis.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(['0', '2,000', '4,000', '6,000', '8,000', '10,000']);
  });

  it('follows a given domain and formatter instead of the data', () => {
    const svg = svgChart({
      series: [line('a', [5, 6])],
      yDomain: [0, 100],
      formatY: (v) => `${v}%`,
    });
    const yAxis = /<g class="axis axis-y">(.*?)<\/g>/.exec(svg)![1]!;
    expect([...yAxis.matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1])).toEqual([
      '0%',
      '20%',
      '40%',
      '60%',
      '80%',
      '100%',
    ]);
  });

  it('draws one marker per point with its label as a tooltip, on top of the lines', () => {
    const svg = svgChart({
      series: [
        line('a', [1, 2, 3]),
        { type: 'markers', name: 'compaction', points: [{ x: 2, y: 2, label: 'compaction at turn 2' }] },
        {
          type: 'scatter',
          name: 'runs',
          points: [
            { x: 1, y: 3 },
            { x: 3, y: 1 },
          ],
        },
      ],
    });
    const [, markers, scatter] = groups(svg);
    expect(markers!.inner.match(/<polygon/g)).toHaveLength(1);
    expect(markers!.inner).toContain('<title>compaction at turn 2</title>');
    expect(scatter!.inner.match(/<circle/g)).toHaveLength(2);
    expect(svg.indexOf('data-type="markers"')).toBeGreaterThan(svg.indexOf('data-type="line"'));
  });

  it('draws a rule across the plot at its value, labelled with its name', () => {
    const svg = svgChart({ series: [line('a', [0, 10_000]), { type: 'rule', name: 'threshold 5,000', y: 5_000 }] });
    const rule = groups(svg).find((g) => g.type === 'rule')!;
    expect(rule.data).toBe('5000');
    expect(rule.inner).toContain('>threshold 5,000</text>');
    const [y1, y2] = [/y1="([\d.]+)"/.exec(rule.inner)![1], /y2="([\d.]+)"/.exec(rule.inner)![1]];
    expect(y1).toBe(y2);
  });

  it('colours series from the palette in order unless a colour is given', () => {
    const svg = svgChart({
      series: [line('a', [1]), { ...line('b', [2]), color: '#123456' } as ChartSeries, line('c', [3])],
    });
    const strokes = groups(svg).map((g) => /stroke="([^"]+)"/.exec(g.inner)![1]);
    expect(strokes).toEqual([CHART_PALETTE[0], '#123456', CHART_PALETTE[2]]);
  });

  it('lists every series in the legend, wrapping rows to fit the width', () => {
    const names = ['a rather long series name', 'another long series name', 'a third long name'];
    const svg = svgChart({ series: names.map((n) => line(n, [1, 2])), width: 420 });
    const legend = /<g class="legend">(.*?)<\/g>/.exec(svg)![1]!;
    const texts = [...legend.matchAll(/<text x="([\d.]+)" y="([\d.]+)">([^<]*)<\/text>/g)];
    expect(texts.map((t) => t[3])).toEqual(names);
    expect(new Set(texts.map((t) => t[2])).size).toBeGreaterThan(1);
    for (const t of texts) expect(Number(t[1]) + t[3]!.length * 7).toBeLessThanOrEqual(420);
  });

  it('escapes the title, axis labels and series names', () => {
    const svg = svgChart({ title: 'Tokens <per> turn & "cost"', xLabel: 'a<b', series: [line('x & y', [1, 2])] });
    expect(svg).toContain('Tokens &lt;per&gt; turn &amp; &quot;cost&quot;');
    expect(svg).toContain('a&lt;b');
    expect(svg).toContain('data-series="x &amp; y"');
    expect(svg).not.toMatch(/<per>/);
  });

  it('refuses a point that is not a finite number, naming its series', () => {
    expect(() => svgChart({ series: [line('broken', [1, Number.NaN])] })).toThrow(/series "broken"/);
  });

  it('draws axes for an empty chart instead of failing', () => {
    expect(svgChart({ series: [] })).toMatch(/^<svg[\s\S]*<\/svg>$/);
  });
});
