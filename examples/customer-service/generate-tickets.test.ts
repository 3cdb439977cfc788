import { describe, expect, it } from 'vitest';
import { DEFAULT_TICKET_SEED, generateTickets } from './generate-tickets.ts';
import { TICKET_CATEGORIES } from './tools.ts';

describe('generateTickets', () => {
  it('gives the same queue for the same seed, and a different one for another seed', () => {
    expect(generateTickets(50, 3)).toEqual(generateTickets(50, 3));
    expect(generateTickets(5)).toEqual(generateTickets(5, DEFAULT_TICKET_SEED));
    expect(generateTickets(5, 4).map((t) => t.ticket.description)).not.toEqual(
      generateTickets(5, 3).map((t) => t.ticket.description),
    );
  });

  it('keeps the first tickets of a longer queue the same, so five tickets are the start of fifty', () => {
    expect(generateTickets(50).slice(0, 5)).toEqual(generateTickets(5));
  });

  it('numbers tickets TKT-0001 onwards, created in order, all open', () => {
    const tickets = generateTickets(12).map((t) => t.ticket);
    expect(tickets.map((t) => t.id)).toEqual(
      Array.from({ length: 12 }, (_, i) => `TKT-${String(i + 1).padStart(4, '0')}`),
    );
    expect(tickets.map((t) => t.created_at)).toEqual(tickets.map((t) => t.created_at).sort());
    expect(new Set(tickets.map((t) => t.status))).toEqual(new Set(['open']));
  });

  it('covers the five categories once in every five consecutive tickets', () => {
    const tickets = generateTickets(200, 9);
    for (let start = 0; start < tickets.length; start += 5) {
      const categories = tickets.slice(start, start + 5).map((t) => t.template.category);
      expect(new Set(categories)).toEqual(new Set(TICKET_CATEGORIES));
    }
  });

  it('leaves category, priority and team for the agent, and fills every slot of the text', () => {
    for (const { ticket } of generateTickets(200)) {
      expect([ticket.category, ticket.priority, ticket.assigned_team]).toEqual([null, null, null]);
      expect(`${ticket.subject} ${ticket.description}`).not.toMatch(/[{}]/);
      expect(ticket.customer_email).toMatch(/^[a-z]+\.[a-z]+@example\.com$/);
    }
  });

  it('refuses a ticket count that is not a whole number of 0 or more', () => {
    expect(() => generateTickets(-1)).toThrow(/whole number of 0 or more/);
    expect(generateTickets(0)).toEqual([]);
  });
});
