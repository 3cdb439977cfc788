import { classify, type DeskRules, prioritize, teamFor } from './desk-rules.ts';
import { DESK_STEPS, type DeskState, type DeskStep, type TicketRecord, type VisibleCall } from './desk-state.ts';
import { draftResponse } from './draft-response.ts';
import { formatReport, formatReportLine, type ReportLine } from './final-report.ts';

/** A tool call the model decides to make. */
export interface PlannedCall {
  readonly name: string;
  readonly input: Record<string, unknown>;
}

/** The model's next move: some prose, then tool calls (none: the turn ends with the prose). */
export interface DeskTurn {
  readonly text: string;
  readonly calls: readonly PlannedCall[];
}

/** The memory directory the model views first. */
export const MEMORY_ROOT = '/memories';
/** The memory file where the model records each completed ticket, one report line each, newest first. */
export const TICKET_LOG = '/memories/ticket-log.md';
const LOG_HEADER = '# Ticket log (id | category | priority | team | outcome), newest first';

/**
 * The support agent's next move, from the desk as the request shows it and the tools it offers. With the
 * memory tool it views `/memories` alongside its first `get_next_ticket`, creates the ticket log if missing,
 * and records each ticket alongside `mark_complete`; it reads the log alongside the `get_next_ticket` that
 * finds the queue empty (when `mark_complete` said no tickets remain) or after it, then writes the final report.
 */
export function supportDesk(state: DeskState, offered: ReadonlySet<string>, rules: DeskRules): DeskTurn {
  const memory = offered.has('memory');
  const viewed = (path: string): VisibleCall | undefined =>
    state.lastCalls.find((c) => c.name === 'memory' && c.input.command === 'view' && c.input.path === path);
  if (memory && state.fetches === 0 && state.lastCalls.length === 0) {
    return turn(
      'Let me check my memory directory and fetch the first ticket.',
      memoryCall({ command: 'view', path: MEMORY_ROOT }),
      fetchTicket(),
    );
  }
  if (state.queueEmpty || viewed(TICKET_LOG)) {
    if (memory && !viewed(TICKET_LOG)) {
      const read = memoryCall({ command: 'view', path: TICKET_LOG });
      return turn('The queue is empty. Reading my ticket log before writing the report.', read);
    }
    const report = formatReport([...state.tickets.values()].map(reportLine));
    return { text: `The queue is empty. Here is my final report.\n\n${report}`, calls: [] };
  }
  const next = ticketTurn(state, offered, rules);
  const listing = viewed(MEMORY_ROOT)?.result;
  if (listing === undefined || listing.includes('ticket-log.md')) return next;
  const create = memoryCall({ command: 'create', path: TICKET_LOG, file_text: `${LOG_HEADER}\n` });
  return { text: `No ticket log yet, so I am creating one. ${next.text}`, calls: [create, ...next.calls] };
}

function ticketTurn(state: DeskState, offered: ReadonlySet<string>, rules: DeskRules): DeskTurn {
  const ticket = state.current === undefined ? undefined : state.tickets.get(state.current);
  const step = ticket && nextStep(ticket, offered);
  if (ticket && step) return stepTurn(ticket, step, offered.has('memory'), rules);
  if (ticket && offered.has('memory') && noneRemaining(state)) {
    return turn(
      `${ticket.id} is complete and no tickets remain. Confirming the queue is empty and reading my ticket log for the report.`,
      fetchTicket(),
      memoryCall({ command: 'view', path: TICKET_LOG }),
    );
  }
  return turn(
    ticket ? `${ticket.id} is complete. Fetching the next ticket.` : 'Fetching the next ticket.',
    fetchTicket(),
  );
}

/** Whether the `mark_complete` just answered says the queue has no tickets left (`"tickets_remaining": 0`). */
function noneRemaining(state: DeskState): boolean {
  return state.lastCalls.some(
    (c) => c.name === 'mark_complete' && !c.isError && /"tickets_remaining"\s*:\s*0(?!\d)/.test(c.result),
  );
}

function stepTurn(t: TicketRecord, step: DeskStep, memory: boolean, rules: DeskRules): DeskTurn {
  const text = t.ticket ? `${t.ticket.subject} ${t.ticket.subject} ${t.ticket.description}` : t.mentions.join('\n');
  const verdict = classify(text, rules);
  const category = t.facts.category ?? verdict.name;
  const ticket_id = t.id;
  switch (step) {
    case 'classify_ticket': {
      const about = t.ticket
        ? `${t.id} from ${t.ticket.customerName ?? 'a customer'}: "${t.ticket.subject}".`
        : `${t.id}.`;
      const why = verdict.evidence ? ` It mentions "${verdict.evidence}",` : '';
      return turn(`${about}${why} so it is ${article(category)} ${category} issue. Classifying it.`, {
        name: step,
        input: { ticket_id, category },
      });
    }
    case 'search_knowledge_base': {
      const query = t.ticket?.subject || `${category} issue`;
      return turn(`Searching the ${category} knowledge base for ${t.id}: "${query}".`, {
        name: step,
        input: { category, query },
      });
    }
    case 'set_priority': {
      const { name: priority, evidence } = prioritize(text, rules);
      const why = evidence
        ? `Per the priority rules, "${evidence}" makes ${t.id} ${priority} priority.`
        : `No priority rule matches ${t.id}, so it gets the default: ${priority} priority.`;
      return turn(why, { name: step, input: { ticket_id, priority } });
    }
    case 'route_to_team': {
      const team = teamFor(category, rules);
      return turn(`The ${category} queue belongs to ${team}. Routing ${t.id} there.`, {
        name: step,
        input: { ticket_id, team },
      });
    }
    case 'draft_response': {
      const response = draftResponse(t.id, t.ticket, t.articles ?? []);
      const cited = t.articles?.length ? ', citing the articles I found' : '';
      return turn(`Drafting a reply for ${t.id}${cited}.`, { name: step, input: { ticket_id, response } });
    }
    case 'mark_complete':
    case 'memory': {
      const record = memoryCall({
        command: 'insert',
        path: TICKET_LOG,
        insert_line: 1,
        insert_text: formatReportLine(reportLine({ ...t, facts: { ...t.facts, outcome: 'resolved' } })),
      });
      if (step === 'memory') return turn(`Recording ${t.id} in my ticket log.`, record);
      const complete = { name: step, input: { ticket_id } };
      return memory && !t.settled.has('memory')
        ? turn(`Marking ${t.id} complete and recording it in my ticket log.`, complete, record)
        : turn(`Marking ${t.id} complete.`, complete);
    }
  }
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/**
 * The step after the furthest one settled: steps before it that the request no longer shows are taken as
 * done, so the model moves forward however much of the ticket's history is gone.
 */
function nextStep(t: TicketRecord, offered: ReadonlySet<string>): DeskStep | undefined {
  const order: DeskStep[] = [...DESK_STEPS, 'memory'];
  const furthest = order.findLastIndex((s) => t.settled.has(s));
  return order.slice(furthest + 1).find((s) => offered.has(s));
}

function reportLine(t: TicketRecord): ReportLine {
  const { category = 'unknown', priority = 'unknown', team = 'unknown', outcome = 'unknown' } = t.facts;
  return { id: t.id, category, priority, team, outcome };
}

function turn(text: string, ...calls: PlannedCall[]): DeskTurn {
  return { text, calls };
}

function fetchTicket(): PlannedCall {
  return { name: 'get_next_ticket', input: {} };
}

function memoryCall(input: Record<string, unknown>): PlannedCall {
  return { name: 'memory', input };
}
