import type { ReportLine } from '@cairn/simulator';
import type { Ticket } from './generate-tickets.ts';
import { searchKnowledgeBase } from './knowledge-base.ts';
import type { SupportDesk, SupportTeam, TicketCategory, TicketPriority } from './tools.ts';

/** What the desk recorded for one ticket: what the agent actually did, whatever its report says. */
export interface TicketRecord {
  readonly id: string;
  category?: TicketCategory;
  priority?: TicketPriority;
  team?: SupportTeam;
  draft?: string;
  completed: boolean;
}

/** A support desk over a fixed queue, recording every change the agent makes. */
export interface RecordingDesk extends SupportDesk {
  /** Tickets handed out so far, in order, with what was done to each. */
  readonly records: readonly TicketRecord[];
}

export const QUEUE_EMPTY = 'The queue is empty: there are no more tickets.';

/**
 * The desk the tools act on. `get_next_ticket` hands out the queue in order, as the cookbook's did (a
 * ticket once fetched is not handed out again); the other methods record their change and confirm it, and
 * `mark_complete` says how many tickets remain in the queue. A
 * call naming a ticket that was not handed out fails with a message saying what to do.
 */
export function createSupportDesk(tickets: readonly Ticket[]): RecordingDesk {
  const records: TicketRecord[] = [];
  const record = (ticketId: string): TicketRecord => {
    const found = records.find((r) => r.id === ticketId);
    if (found) return found;
    throw new Error(
      `Ticket ${ticketId} has not been handed out by get_next_ticket. Use the id exactly as get_next_ticket returned it.`,
    );
  };
  return {
    records,
    getNextTicket() {
      const next = tickets[records.length];
      if (!next) return { error: QUEUE_EMPTY };
      records.push({ id: next.id, completed: false });
      return next;
    },
    classifyTicket(ticketId, category) {
      record(ticketId).category = category;
      return { ticket_id: ticketId, category, status: 'classified' };
    },
    searchKnowledgeBase: (category, query) => searchKnowledgeBase(category, query),
    setPriority(ticketId, priority) {
      record(ticketId).priority = priority;
      return { ticket_id: ticketId, priority, status: 'prioritized' };
    },
    routeToTeam(ticketId, team) {
      record(ticketId).team = team;
      return { ticket_id: ticketId, team, status: 'routed' };
    },
    draftResponse(ticketId, response) {
      record(ticketId).draft = response;
      return { ticket_id: ticketId, status: 'draft saved', words: response.split(/\s+/).length };
    },
    markComplete(ticketId) {
      record(ticketId).completed = true;
      return { ticket_id: ticketId, status: 'resolved', tickets_remaining: tickets.length - records.length };
    },
  };
}

/**
 * Where the desk's records differ from the ground truth: work the agent skipped or got wrong, which a final
 * report can hide (a report may say "resolved" for a ticket that was never marked complete).
 */
export function deskProblems(records: readonly TicketRecord[], truth: readonly ReportLine[]): string[] {
  const problems: string[] = [];
  for (const expected of truth) {
    const r = records.find((candidate) => candidate.id === expected.id);
    if (!r) {
      problems.push(`${expected.id}: never fetched`);
      continue;
    }
    const wrong = (field: 'category' | 'priority' | 'team') =>
      r[field] === undefined
        ? `${field} never set`
        : r[field] !== expected[field]
          ? `${field} set to ${r[field]}, expected ${expected[field]}`
          : undefined;
    const issues = [
      wrong('category'),
      wrong('priority'),
      wrong('team'),
      r.draft === undefined ? 'no response drafted' : undefined,
      r.completed ? undefined : 'never marked complete',
    ].filter((issue) => issue !== undefined);
    if (issues.length > 0) problems.push(`${expected.id}: ${issues.join(', ')}`);
  }
  return problems;
}
