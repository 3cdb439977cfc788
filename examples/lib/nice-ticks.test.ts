import { describe, expect, it } from 'vitest';
import { niceTicks } from './nice-ticks.ts';

describe('niceTicks', () => {
  it.each([
    { min: 0, max: 10, count: 5, ticks: [0, 2, 4, 6, 8, 10] },
    { min: 0, max: 8_671, count: 5, ticks: [0, 2_000, 4_000, 6_000, 8_000, 10_000] },
    { min: 1, max: 39, count: 8, ticks: [0, 5, 10, 15, 20, 25, 30, 35, 40] },
    { min: 0.1, max: 0.95, count: 4, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] },
    { min: -3, max: 3, count: 6, ticks: [-3, -2, -1, 0, 1, 2, 3] },
  ])('covers [$min, $max] with round steps: $ticks', ({ min, max, count, ticks }) => {
    expect(niceTicks(min, max, count)).toEqual(ticks);
  });

  it('gives the single value when the bounds are equal, and accepts them in either order', () => {
    expect(niceTicks(4, 4, 5)).toEqual([4]);
    expect(niceTicks(10, 0, 5)).toEqual(niceTicks(0, 10, 5));
  });

  it('refuses bounds that are not finite and counts below one', () => {
    expect(() => niceTicks(0, Number.NaN, 5)).toThrow(/finite bounds/);
    expect(() => niceTicks(0, 1, 0)).toThrow(/at least 1/);
  });
});
