import { describe, expect, it } from 'vitest';
import { point, probes } from '../testing/points.ts';
import { paretoFront } from './pareto-front.ts';

describe('paretoFront', () => {
  it('keeps the points no other beats on both cost and fidelity, cheapest first', () => {
    const a = point(2_000, 0.1, probes(10));
    const b = point(4_000, 0.2, probes(8));
    const c = point(6_000, 0.3, probes(20));
    const d = point(8_000, 0.3, probes(25));
    const e = point(16_000, 0.5, probes(25));
    expect(paretoFront([e, d, c, b, a])).toEqual([a, d]);
  });

  it('leaves out points without a fidelity score', () => {
    expect(paretoFront([point(2_000, 0.1, { kind: 'probes', probes: 0, inView: 0, recoverable: 0 })])).toEqual([]);
  });
});
