import { describe, expect, it } from 'vitest';
import { defaultThresholds } from './default-thresholds.ts';

describe('defaultThresholds', () => {
  it('spans a tenth of the conversation to just above all of it in twenty rounded steps', () => {
    const thresholds = defaultThresholds(15_562);
    expect(thresholds).toHaveLength(20);
    expect(thresholds[0]).toBe(1_600);
    expect(thresholds.at(-1)).toBe(16_300);
    expect(thresholds.every((t) => t % 100 === 0)).toBe(true);
    expect([...thresholds].sort((a, b) => a - b)).toEqual(thresholds);
  });

  it('never goes below a hundred tokens, nor repeats a value, for a tiny conversation', () => {
    const thresholds = defaultThresholds(300);
    expect(thresholds[0]).toBe(100);
    expect(new Set(thresholds).size).toBe(thresholds.length);
  });
});
