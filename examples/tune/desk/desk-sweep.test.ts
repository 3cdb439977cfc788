import { describe, expect, it } from 'vitest';
import { runSweep } from '../sweep/run-sweep.ts';
import { fidelityScore, type PointOutcome, type PointSettings } from '../sweep/sweep-point.ts';
import { tune } from '../tune.ts';

const desk = { kind: 'desk', tickets: 2, model: 'claude-sonnet-4-5' } as const;

describe('a sweep on the desk', () => {
  it('measures each setting on the simulated desk and recommends the cheapest with every ticket right', async () => {
    const report = await tune({
      scenario: desk,
      thresholds: [3_500, 30_000],
      policies: ['sliding-window', 'hybrid'],
      summarizerModels: ['claude-haiku-4-5'],
      floor: 1,
      workers: 2,
    });
    expect(report.outcomes.map((o) => o.type)).toEqual(['measured', 'measured', 'measured', 'measured']);
    for (const { settings, figures } of report.measured) {
      expect(figures.turns).toBeGreaterThan(10);
      expect(figures.costUsdCached).toBeLessThan(figures.costUsd);
      if (settings.threshold === 30_000) {
        expect(figures.compactions).toBe(0);
        expect(figures.fidelity).toEqual({ kind: 'report', ticketsRight: 2, tickets: 2, reportCorrect: true });
      } else {
        expect(figures.compactions).toBeGreaterThan(0);
        expect(figures.peakContextTokens).toBeLessThanOrEqual(3_500);
      }
    }
    const hybrid = report.measured.find((p) => p.settings.policy === 'hybrid' && p.settings.threshold === 3_500)!;
    expect(hybrid.figures.summarizerInputTokens).toBeGreaterThan(0);
    expect(hybrid.figures.inputTokens).toBeGreaterThan(hybrid.figures.summarizerInputTokens);

    const pick = report.measured.find((p) => p.settings === report.recommendation!.settings)!;
    expect(fidelityScore(pick.figures.fidelity)).toBe(1);
    const right = report.measured.filter((p) => fidelityScore(p.figures.fidelity) === 1);
    expect(Math.min(...right.map((p) => p.figures.costUsdCached))).toBe(pick.figures.costUsdCached);
  });

  it('gives a setting the same figures wherever it runs: every point starts with a cold prompt cache', async () => {
    const settings: PointSettings = {
      policy: 'hybrid',
      threshold: 4_000,
      summarizerModel: 'claude-haiku-4-5',
    };
    const outcomes = await runSweep({ spec: desk, grid: [settings, settings, settings], concurrency: 2 });
    const figures = outcomes.map((o: PointOutcome) => (o.type === 'measured' ? o.figures : o.error));
    expect(figures[1]).toEqual(figures[0]);
    expect(figures[2]).toEqual(figures[0]);
  });
});
