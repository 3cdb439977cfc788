import type Anthropic from '@anthropic-ai/sdk';
import type { DeskRules } from './desk-rules.ts';
import { isObject, type JsonObject } from './parse-json.ts';
import { type Article, isQueueEmpty, readArticles, readTicket, type TicketData } from './ticket-data.ts';
import { TICKET_ID, type TicketFacts, ticketMentions } from './ticket-facts.ts';
import { blocksOf, resultText, systemText } from './visible-text.ts';

/** The workflow steps after `get_next_ticket`, in order. */
export const DESK_STEPS = [
  'classify_ticket',
  'search_knowledge_base',
  'set_priority',
  'route_to_team',
  'draft_response',
  'mark_complete',
] as const;

export type DeskStep = (typeof DESK_STEPS)[number] | 'memory';

/** Everything the model can tell about one ticket from the request. */
export interface TicketRecord {
  readonly id: string;
  readonly facts: TicketFacts;
  /** Free-text passages about it (summaries, memory, notes). */
  readonly mentions: string[];
  /** Steps it has seen done or failed (a failed call is not retried). */
  readonly settled: Set<DeskStep>;
  /** Position of the latest passage about it, to find the ticket a summary left in progress. */
  lastMention: number;
  ticket?: TicketData;
  articles?: Article[];
}

/** A tool call in the request and its result. */
export interface VisibleCall {
  readonly name: string;
  readonly input: Record<string, unknown>;
  readonly result: string;
  readonly isError: boolean;
}

/** The desk as the request shows it. */
export interface DeskState {
  readonly tickets: Map<string, TicketRecord>;
  /**
   * The ticket being worked on: that of the latest workflow call or fetched ticket, else the latest
   * ticket the text mentions that is not resolved (a summary taken mid-ticket).
   */
  readonly current: string | undefined;
  readonly queueEmpty: boolean;
  readonly fetches: number;
  /** The calls the last message answers: the exchange being responded to (none after a user's text). */
  readonly lastCalls: readonly VisibleCall[];
}

/**
 * Reads the desk from the request, oldest first, later evidence overriding earlier: the system prompt's
 * and messages' text (summaries, notes), memory files the model viewed or wrote, and the workflow's tool
 * calls that succeeded. A call answered with `is_error` settles its step but states no fact. A fact also
 * settles its step (a known category means classified), and so does a step's tool name in a passage.
 */
export function readDeskState(
  system: string | readonly Anthropic.TextBlockParam[] | undefined,
  messages: readonly Anthropic.MessageParam[],
  rules: DeskRules,
): DeskState {
  const tickets = new Map<string, TicketRecord>();
  let current: string | undefined;
  let queueEmpty = false;
  let fetches = 0;
  let mentions = 0;

  const record = (id: string): TicketRecord => {
    const r = tickets.get(id) ?? {
      id,
      facts: {},
      mentions: [],
      settled: new Set<DeskStep>(),
      lastMention: -1,
    };
    tickets.set(id, r);
    return r;
  };
  const readText = (text: string): void => {
    for (const m of ticketMentions(text, rules)) {
      const r = record(m.id);
      Object.assign(r.facts, m.facts);
      r.mentions.push(m.text);
      r.lastMention = ++mentions;
      for (const step of DESK_STEPS) if (m.text.includes(step)) r.settled.add(step);
    }
  };
  const readCall = (call: VisibleCall & { named: string | undefined }): void => {
    const id = typeof call.input.ticket_id === 'string' ? call.input.ticket_id : undefined;
    if (call.name === 'get_next_ticket') {
      fetches += 1;
      const ticket = readTicket(call.result);
      queueEmpty = !ticket && isQueueEmpty(call.result, call.isError);
      current = ticket?.id;
      if (ticket) record(ticket.id).ticket = ticket;
    } else if (call.name === 'memory') {
      const written = [call.input.file_text, call.input.insert_text, call.input.new_str].filter(
        (t): t is string => typeof t === 'string',
      );
      for (const text of call.isError ? [] : [...written, call.result]) readText(text);
      for (const id of written.join('\n').match(TICKET_ID) ?? []) record(id).settled.add('memory');
    } else if (call.name === 'search_knowledge_base' && (current ?? call.named)) {
      current ??= call.named;
      const r = record(current!);
      r.settled.add('search_knowledge_base');
      if (call.isError) return;
      r.articles = readArticles(call.result);
      // The searched category fills a gap (a classification no longer visible) but never overrides one.
      Object.assign(r.facts, { ...factOf(call), ...r.facts });
    } else if (id && (DESK_STEPS as readonly string[]).includes(call.name)) {
      current = id;
      const r = record(id);
      r.settled.add(call.name as DeskStep);
      if (!call.isError) Object.assign(r.facts, factOf(call));
    } else if (!id) readText(call.result);
  };

  // A call is read with the ticket its message's prose names, for calls such as a search that carry no id.
  const pending = new Map<string, { name: string; input: JsonObject; named: string | undefined }>();
  let lastCalls: VisibleCall[] = [];
  readText(systemText(system));
  for (const message of messages) {
    const calls: (VisibleCall & { named: string | undefined })[] = [];
    let named: string | undefined;
    for (const block of blocksOf(message)) {
      if (block.type === 'text') {
        readText(block.text);
        named = block.text.match(TICKET_ID)?.[0] ?? named;
      } else if (block.type === 'tool_use') {
        pending.set(block.id, { name: block.name, input: isObject(block.input) ? block.input : {}, named });
      } else if (block.type === 'tool_result') {
        const call = pending.get(block.tool_use_id);
        if (call) calls.push({ ...call, result: resultText(block), isError: block.is_error === true });
      }
    }
    if (message.role === 'user') lastCalls = calls;
    calls.forEach(readCall);
  }
  for (const r of tickets.values()) {
    if (r.facts.category) r.settled.add('classify_ticket');
    if (r.facts.priority) r.settled.add('set_priority');
    if (r.facts.team) r.settled.add('route_to_team');
    if (r.facts.outcome) r.settled.add('mark_complete');
  }
  current ??= queueEmpty ? undefined : inProgress(tickets);
  return { tickets, current, queueEmpty, fetches, lastCalls };
}

function inProgress(tickets: ReadonlyMap<string, TicketRecord>): string | undefined {
  let latest: TicketRecord | undefined;
  for (const r of tickets.values()) {
    if (!r.settled.has('mark_complete') && r.lastMention > (latest?.lastMention ?? -1)) latest = r;
  }
  return latest?.id;
}

function factOf(call: VisibleCall): TicketFacts {
  const value = (key: string): string | undefined =>
    typeof call.input[key] === 'string' ? (call.input[key] as string).toLowerCase() : undefined;
  switch (call.name) {
    case 'classify_ticket':
    case 'search_knowledge_base':
      return pick('category', value('category'));
    case 'set_priority':
      return pick('priority', value('priority'));
    case 'route_to_team':
      return pick('team', value('team'));
    case 'mark_complete':
      return { outcome: 'resolved' };
    default:
      return {};
  }
}

function pick(key: keyof TicketFacts, value: string | undefined): TicketFacts {
  return value === undefined ? {} : { [key]: value };
}
