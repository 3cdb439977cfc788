import { describe, expect, it } from 'vitest';
import { textChart } from './text-chart.ts';

describe('textChart', () => {
  it('draws markers at the points, dots between them, axes and a legend', () => {
    const chart = textChart({
      title: 'cost',
      series: [
        {
          label: 'up',
          marker: 'u',
          points: [
            { x: 0, y: 0 },
            { x: 4, y: 2 },
          ],
        },
        {
          label: 'flat',
          marker: 'f',
          points: [
            { x: 0, y: 2 },
            { x: 4, y: 2 },
          ],
        },
      ],
      formatX: String,
      formatY: String,
      highlight: { x: 4, y: 2, marker: '★', label: 'pick' },
      width: 5,
      height: 3,
    });
    expect(chart).toBe(
      ['cost', '2 │f···★', '1 │ ··', '0 │u', '  └─────', '   0   4', '   u up   f flat   + several   ★ pick'].join(
        '\n',
      ),
    );
  });

  it('shows + where points of two series share a cell, and says so in the legend', () => {
    const chart = textChart({
      title: 't',
      series: [
        {
          label: 'a',
          marker: 'a',
          points: [
            { x: 0, y: 0 },
            { x: 2, y: 1 },
          ],
        },
        {
          label: 'b',
          marker: 'b',
          points: [
            { x: 0, y: 0 },
            { x: 2, y: 0 },
          ],
        },
      ],
      formatX: String,
      formatY: String,
      width: 3,
      height: 2,
    });
    expect(chart.split('\n').slice(1, 3)).toEqual(['1 │ ·a', '0 │+·b']);
    expect(chart.split('\n').at(-1)).toBe('   a a   b b   + several');
  });

  it('widens a range of one value instead of dividing by zero', () => {
    const chart = textChart({
      title: 't',
      series: [{ label: 'one', marker: 'o', points: [{ x: 5, y: 1 }] }],
      formatX: String,
      formatY: (y) => y.toFixed(1),
      width: 3,
      height: 3,
    });
    expect(chart.split('\n').slice(1, 4)).toEqual(['1.1 │', '1.0 │ o', '0.9 │']);
  });
});
