import type Anthropic from '@anthropic-ai/sdk';
import type { CompactionStep, Exchange, Policy } from '@cairn/memory';

const TICKET_ID = /\bTKT-\d+\b/g;
const MEMORY_WRITES = new Set(['create', 'insert', 'str_replace']);

/**
 * A compaction tier for the desk: a ticket that is marked complete and recorded in memory is closed, and its
 * exchanges leave the view whole (they stay recallable by key). Its facts live in the memory log, which the
 * agent reads for the final report, so nothing needs summarizing. Exchanges about no ticket (the first look at
 * memory) go with the closed tickets before them. They leave as soon as a ticket closes (an early step, under
 * the threshold: one compaction per ticket, at its end) or when the view is over the threshold. Returns
 * `null` when no ticket is closed, for the next tier.
 */
export function closedTickets(): Policy {
  return {
    name: 'closed-tickets',
    next: (state) => (state.tokens > state.target ? dropClosed(state.exchanges) : null),
    early: (state) => (completes(state.exchanges.at(-1)) ? dropClosed(state.exchanges) : null),
  };
}

function dropClosed(exchanges: readonly Exchange[]): CompactionStep | null {
  const closed = closedIds(exchanges);
  const lastClosing = exchanges.findLastIndex((e) => ticketsOf(e).some((id) => closed.has(id)) && completes(e));
  const dropped = exchanges.filter((e, i) => {
    if (e.protected || i > lastClosing) return false;
    const tickets = ticketsOf(e);
    return tickets.length === 0 || tickets.every((id) => closed.has(id));
  });
  if (dropped.length === 0) return null;
  return { type: 'drop', exchangeIds: dropped.map((e) => e.id), reason: 'prune' };
}

/** Tickets whose `mark_complete` succeeded and whose id a successful memory write holds. */
function closedIds(exchanges: readonly Exchange[]): Set<string> {
  const completed = new Set<string>();
  const remembered = new Set<string>();
  for (const exchange of exchanges) {
    for (const { call, ok } of calls(exchange)) {
      if (!ok) continue;
      const input = call.input as Record<string, unknown>;
      if (call.name === 'mark_complete' && typeof input.ticket_id === 'string') completed.add(input.ticket_id);
      if (call.name === 'memory' && MEMORY_WRITES.has(String(input.command))) {
        for (const id of JSON.stringify(input).match(TICKET_ID) ?? []) remembered.add(id);
      }
    }
  }
  return new Set([...completed].filter((id) => remembered.has(id)));
}

/** The tickets an exchange is about: those its calls name, and the one a fetch handed out. */
function ticketsOf(exchange: Exchange): string[] {
  const ids = new Set<string>();
  for (const { call, result } of calls(exchange)) {
    const text = call.name === 'get_next_ticket' ? resultText(result) : JSON.stringify(call.input);
    for (const id of text.match(TICKET_ID) ?? []) ids.add(id);
  }
  return [...ids];
}

function completes(exchange: Exchange | undefined): boolean {
  return exchange !== undefined && calls(exchange).some(({ call, ok }) => ok && call.name === 'mark_complete');
}

type Answered = { call: Anthropic.ToolUseBlockParam; result: Anthropic.ToolResultBlockParam | undefined; ok: boolean };

function calls(exchange: Exchange): Answered[] {
  const [assistant, user] = exchange.original;
  if (assistant?.role !== 'assistant' || typeof assistant.content === 'string') return [];
  const results = user && typeof user.content !== 'string' ? user.content : [];
  return assistant.content.flatMap((block) => {
    if (block.type !== 'tool_use') return [];
    const result = results.find(
      (r): r is Anthropic.ToolResultBlockParam => r.type === 'tool_result' && r.tool_use_id === block.id,
    );
    return [{ call: block, result, ok: result !== undefined && result.is_error !== true }];
  });
}

function resultText(result: Anthropic.ToolResultBlockParam | undefined): string {
  const content = result?.content;
  if (content === undefined) return '';
  if (typeof content === 'string') return content;
  return content.map((block) => (block.type === 'text' ? block.text : '')).join('\n');
}
