import { describe, expect, it } from 'vitest';
import { DEFAULT_DESK_RULES } from './desk-rules.ts';
import { ticketMentions } from './ticket-facts.ts';

const facts = (text: string) => ticketMentions(text, DEFAULT_DESK_RULES).map((m) => [m.id, m.facts]);

describe('ticketMentions', () => {
  it('reads a report line', () => {
    expect(facts('TKT-0001 | billing | high | billing-team | resolved')).toEqual([
      ['TKT-0001', { category: 'billing', priority: 'high', team: 'billing-team', outcome: 'resolved' }],
    ]);
  });

  it('reads a report line shown with line numbers by a memory view', () => {
    expect(facts('     2\tTKT-0002 | shipping | low | logistics-team | resolved')).toEqual([
      ['TKT-0002', { category: 'shipping', priority: 'low', team: 'logistics-team', outcome: 'resolved' }],
    ]);
  });

  it('reads explicit statements in prose and in tool calls rendered as text', () => {
    expect(
      facts(
        [
          'TKT-0003 was classified as account and given high priority.',
          '- set_priority({"ticket_id":"TKT-0004","priority":"urgent"})',
          '- route_to_team({"ticket_id":"TKT-0004","team":"tech-support"})',
          '- mark_complete({"ticket_id":"TKT-0004"})',
        ].join('\n'),
      ),
    ).toEqual([
      ['TKT-0003', { category: 'account', priority: 'high' }],
      ['TKT-0004', { priority: 'urgent' }],
      ['TKT-0004', { team: 'tech-support' }],
      ['TKT-0004', { outcome: 'resolved' }],
    ]);
  });

  it('keeps an indented list under the ticket with it', () => {
    expect(
      facts('- TKT-0005\n  - category: product\n  - priority: low\n  - status: resolved\n- Other notes: urgent'),
    ).toEqual([['TKT-0005', { category: 'product', priority: 'low', outcome: 'resolved' }]]);
  });

  it('splits a line that names several tickets', () => {
    expect(
      facts('So far TKT-0001 is a billing issue with high priority and TKT-0002 a shipping issue, low priority.'),
    ).toEqual([
      ['TKT-0001', { category: 'billing', priority: 'high' }],
      ['TKT-0002', { category: 'shipping', priority: 'low' }],
    ]);
  });

  it('takes no bare word for a statement', () => {
    expect(facts('TKT-0006 mentions billing and a high fee.')).toEqual([['TKT-0006', {}]]);
  });

  it('ignores what quoted prose says', () => {
    expect(facts('TKT-0008 subject: "Urgent: high priority refund", draft: "Your issue is resolved')).toEqual([
      ['TKT-0008', {}],
    ]);
  });

  it('does not count a negated outcome, nor order numbers as tickets', () => {
    expect(facts('TKT-0007 is not resolved yet; see ORD-88123.')).toEqual([['TKT-0007', {}]]);
  });
});
