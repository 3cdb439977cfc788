import { describe, expect, it } from 'vitest';
import { progressLine, remainingMs } from './progress-line.ts';

describe('progressLine', () => {
  it('estimates the time left from the pace since the first point, leaving out the workers’ start', () => {
    const state = { done: 21, failed: 0, total: 80, elapsedMs: 13_000, firstSettledMs: 3_000 };
    expect(remainingMs(state)).toBe(29_500);
    expect(progressLine(state)).toBe('[██████░░░░░░░░░░░░░░░░░░] 21/80 points · 13 s · about 30 s left');
  });

  it('counts failed points and says when it is done', () => {
    expect(progressLine({ done: 4, failed: 1, total: 4, elapsedMs: 2_500, firstSettledMs: 1_000 })).toBe(
      '[████████████████████████] 4/4 points · 1 failed · 2.5 s · done',
    );
  });

  it('waits for two points before estimating', () => {
    expect(progressLine({ done: 1, failed: 0, total: 4, elapsedMs: 3_000, firstSettledMs: 3_000 })).toBe(
      '[██████░░░░░░░░░░░░░░░░░░] 1/4 points · 3.0 s · estimating time left',
    );
  });
});
