import { describe, expect, it } from 'vitest';
import { progressLine, remainingMs } from './progress-line.ts';

describe('progressLine', () => {
  it('estimates the time left from the average time per point so far', () => {
    expect(remainingMs({ done: 20, failed: 0, total: 80, elapsedMs: 10_000 })).toBe(30_000);
    expect(progressLine({ done: 20, failed: 0, total: 80, elapsedMs: 10_000 })).toBe(
      '[██████░░░░░░░░░░░░░░░░░░] 20/80 points · 10 s · about 30 s left',
    );
  });

  it('counts failed points and says when it is done', () => {
    expect(progressLine({ done: 4, failed: 1, total: 4, elapsedMs: 2_500 })).toBe(
      '[████████████████████████] 4/4 points · 1 failed · 2.5 s · done',
    );
  });

  it('waits for the first point before estimating', () => {
    expect(progressLine({ done: 0, failed: 0, total: 4, elapsedMs: 300 })).toBe(
      '[░░░░░░░░░░░░░░░░░░░░░░░░] 0/4 points · 0.3 s · estimating time left',
    );
  });
});
