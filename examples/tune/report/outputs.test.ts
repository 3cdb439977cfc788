import { describe, expect, it } from 'vitest';
import { htmlPage } from '../../lib/html-page.ts';
import type { PointOutcome } from '../sweep/sweep-point.ts';
import { point, tickets } from '../testing/points.ts';
import { summarizeSweep } from '../tune.ts';
import { tuneReportPage } from './html-report.ts';
import { terminalTable } from './terminal-table.ts';
import { tuneJson } from './tune-json.ts';

const desk = { kind: 'desk', tickets: 5, model: 'claude-sonnet-4-6' } as const;
const measured = (threshold: number, cost: number, right: number): PointOutcome => ({
  type: 'measured',
  ms: 10,
  ...point(threshold, cost, tickets(right), { policy: 'sliding-window' }),
});
const failed: PointOutcome = {
  type: 'failed',
  settings: { policy: 'hybrid', threshold: 2_000, summarizerModel: 'local' },
  error: 'pinned content needs 2,514 tokens; raise the threshold',
};
const report = summarizeSweep(desk, 1, [measured(3_000, 0.1, 2), measured(4_000, 0.2, 5), failed], 1_234);

describe('the outputs of a sweep', () => {
  it('table every measured point, marking the recommendation and the front, then the failures and the reason', () => {
    const table = terminalTable(report).split('\n');
    expect(table[0]).toMatch(
      /^ +policy +threshold +summarizer +turns +input +output +peak +compactions +cost +cached +fidelity$/,
    );
    expect(table[1]).toMatch(/^◆ +sliding-window +3,000 +– +30 +100,000 .* \$0\.3000 +\$0\.1000 +2\/5$/);
    expect(table[2]).toMatch(/^★ +sliding-window +4,000 .* 5\/5$/);
    expect(table).toContain('1 of 3 points failed:');
    expect(table).toContain('  hybrid @ 2,000 · local: pinned content needs 2,514 tokens; raise the threshold');
    expect(table.at(-1)).toBe(`Recommendation: sliding-window @ 4,000. ${report.recommendation!.reason}`);
  });

  it('write the measured points and the recommendation as JSON, leaving failures to the table and page', () => {
    expect(tuneJson(report)).toEqual({
      points: [
        expect.objectContaining({ policy: 'sliding-window', threshold: 3_000, summarizerModel: null, fidelity: 0.4 }),
        expect.objectContaining({ policy: 'sliding-window', threshold: 4_000, costUsdCached: 0.2, fidelity: 1 }),
      ],
      recommendation: {
        policy: 'sliding-window',
        threshold: 4_000,
        summarizerModel: null,
        reason: report.recommendation!.reason,
      },
    });
  });

  it('show on the page the recommendation, the charts, every point, the failures and how figures were measured', () => {
    const html = htmlPage(tuneReportPage(report));
    expect(html).toContain(`sliding-window @ 4,000. ${report.recommendation!.reason}`.replaceAll("'", '&#39;'));
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html).toContain('<li>hybrid @ 2,000 · local: pinned content needs 2,514 tokens; raise the threshold</li>');
    expect(html).toContain('How the figures were measured');
    expect(html).toContain('100%: 5 of 5 tickets right');
  });

  it('say so when every point failed', () => {
    const none = summarizeSweep(desk, 1, [failed], 10);
    expect(terminalTable(none)).toMatch(/No recommendation: every point failed\.$/);
    expect(tuneJson(none)).toEqual({ points: [], recommendation: null });
    expect(htmlPage(tuneReportPage(none))).toContain('None: every point failed.');
  });
});
