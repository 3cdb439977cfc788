import { describe, expect, it } from 'vitest';
import { formatReport, parseReport, REPORT_TITLE } from './final-report.ts';

const lines = [
  { id: 'TKT-0010', category: 'shipping', priority: 'low', team: 'logistics-team', outcome: 'resolved' },
  { id: 'TKT-0002', category: 'billing', priority: 'high', team: 'billing-team', outcome: 'resolved' },
  { id: 'TKT-0003', category: 'unknown', priority: 'unknown', team: 'unknown', outcome: 'unknown' },
];

describe('final report', () => {
  it('lists tickets sorted by number and parses back to the same lines', () => {
    const report = formatReport(lines);
    expect(report.startsWith(`${REPORT_TITLE}: 3 tickets`)).toBe(true);
    expect(parseReport(report).map((l) => l.id)).toEqual(['TKT-0002', 'TKT-0003', 'TKT-0010']);
    expect(parseReport(report)).toEqual(expect.arrayContaining(lines));
  });

  it('ends with totals by priority and category', () => {
    expect(formatReport(lines)).toContain('Totals by priority: high 1, unknown 1, low 1.');
    expect(formatReport([])).toContain('Totals by category: none.');
  });
});
