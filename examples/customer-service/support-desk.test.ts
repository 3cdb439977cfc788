import { describe, expect, it } from 'vitest';
import { generateTickets } from './generate-tickets.ts';
import { groundTruth } from './ground-truth.ts';
import { createSupportDesk, deskProblems, QUEUE_EMPTY } from './support-desk.ts';

const generated = generateTickets(2);
const tickets = generated.map((g) => g.ticket);
const truth = groundTruth(generated);

describe('createSupportDesk', () => {
  it('hands out the queue in order, once, then says it is empty', () => {
    const desk = createSupportDesk(tickets);
    expect(desk.getNextTicket()).toEqual(tickets[0]);
    expect(desk.getNextTicket()).toEqual(tickets[1]);
    expect(desk.getNextTicket()).toEqual({ error: QUEUE_EMPTY });
    expect(desk.records.map((r) => r.id)).toEqual(['TKT-0001', 'TKT-0002']);
  });

  it('records what the agent does to a ticket and confirms it', () => {
    const desk = createSupportDesk(tickets);
    desk.getNextTicket();
    expect(desk.classifyTicket('TKT-0001', 'product')).toEqual({
      ticket_id: 'TKT-0001',
      category: 'product',
      status: 'classified',
    });
    desk.setPriority('TKT-0001', 'low');
    desk.routeToTeam('TKT-0001', 'product-success');
    expect(desk.draftResponse('TKT-0001', 'Hi Ravi, thanks.')).toEqual({
      ticket_id: 'TKT-0001',
      status: 'draft saved',
      words: 3,
    });
    expect(desk.markComplete('TKT-0001')).toEqual({ ticket_id: 'TKT-0001', status: 'resolved', tickets_remaining: 1 });
    expect(desk.records[0]).toEqual({
      id: 'TKT-0001',
      category: 'product',
      priority: 'low',
      team: 'product-success',
      draft: 'Hi Ravi, thanks.',
      completed: true,
    });
  });

  it('refuses to act on a ticket it has not handed out, saying which id to use', () => {
    const desk = createSupportDesk(tickets);
    expect(() => desk.setPriority('TKT-0001', 'high')).toThrow(/has not been handed out by get_next_ticket/);
  });
});

describe('deskProblems', () => {
  it('lists work skipped or done wrong, ticket by ticket, and nothing for a desk worked right', () => {
    const desk = createSupportDesk(tickets);
    for (const line of truth) {
      desk.getNextTicket();
      desk.classifyTicket(line.id, line.category as never);
      desk.setPriority(line.id, line.priority as never);
      desk.routeToTeam(line.id, line.team as never);
      desk.draftResponse(line.id, 'Hello.');
      desk.markComplete(line.id);
    }
    expect(deskProblems(desk.records, truth)).toEqual([]);

    const sloppy = createSupportDesk(tickets);
    sloppy.getNextTicket();
    sloppy.classifyTicket('TKT-0001', 'billing');
    expect(deskProblems(sloppy.records, truth)).toEqual([
      `TKT-0001: category set to billing, expected ${truth[0]!.category}, priority never set, team never set, no response drafted, never marked complete`,
      'TKT-0002: never fetched',
    ]);
  });
});
