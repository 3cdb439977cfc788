import { describe, expect, it } from 'vitest';
import { ticketsRight } from './tickets-right.ts';

const truth = [
  { id: 'TKT-0001', category: 'billing', priority: 'high', team: 'billing-team', outcome: 'resolved' },
  { id: 'TKT-0002', category: 'shipping', priority: 'medium', team: 'logistics-team', outcome: 'resolved' },
  { id: 'TKT-0003', category: 'account', priority: 'urgent', team: 'account-services', outcome: 'resolved' },
];

describe('ticketsRight', () => {
  it('counts tickets reported once with every field right, not wrong, missing or doubled ones', () => {
    const report = [
      'FINAL REPORT: 4 tickets (id | category | priority | team | outcome)',
      'TKT-0001 | billing | high | billing-team | resolved',
      'TKT-0002 | shipping | unknown | logistics-team | resolved',
      'TKT-0001 | billing | high | billing-team | resolved',
      'TKT-0004 | product | low | product-success | resolved',
    ].join('\n');
    expect(ticketsRight(report, truth)).toBe(0);
    expect(ticketsRight(report.replace(/\nTKT-0001.*$/m, ''), truth)).toBe(1);
  });

  it('counts every ticket of a right report', () => {
    const report = truth.map((t) => `${t.id} | ${t.category} | ${t.priority} | ${t.team} | ${t.outcome}`).join('\n');
    expect(ticketsRight(report, truth)).toBe(3);
  });
});
