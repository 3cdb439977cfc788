import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { TICKETS as FIXTURE_TICKETS } from '@cairn/simulator/testing';
import { defineTool, type Tool } from '@cairn/tools';
import * as z from 'zod';

export { DESK_SYSTEM, DESK_TASK } from '@cairn/simulator/testing';

/** The simulator's first three test tickets: their category and priority follow from its default desk rules. */
export const TICKETS = FIXTURE_TICKETS.slice(0, 3);

const ARTICLE = 'Refunds, deliveries and account unlocks are handled by the team named in the routing table. ';

/** Options of {@link deskTools}. */
export interface DeskOptions {
  /** How many of the test tickets are queued. @default 3 */
  readonly tickets?: number;
  /** Where the queue's progress is kept. @default in memory */
  readonly stateFile?: string;
  /** How many times the knowledge-base article repeats. @default 1 */
  readonly articleRepeat?: number;
  /**
   * Renumbers the tickets (`TKT-0001` in batch 17 is `TKT-170001`), so that every message of the run is new
   * text, as it would be with new tickets, while the work stays the same.
   */
  readonly batch?: number;
}

/**
 * The seven desk tools over a queue whose progress is kept in `stateFile` (or in memory): calling a tool
 * twice with the same input gives the same result, so a resumed run may run them again.
 */
export function deskTools(options: DeskOptions = {}): Tool[] {
  const batch = options.batch;
  const tickets = TICKETS.slice(0, options.tickets ?? TICKETS.length).map((ticket) =>
    batch === undefined ? ticket : { ...ticket, id: `TKT-${batch}${ticket.id.slice('TKT-'.length)}` },
  );
  let memoryState: string[] = [];
  const done = (): string[] =>
    options.stateFile ? (JSON.parse(readFileSync(options.stateFile, 'utf8') || '[]') as string[]) : memoryState;
  const save = (ids: string[]) => {
    if (options.stateFile) writeFileSync(options.stateFile, JSON.stringify(ids));
    else memoryState = ids;
  };
  if (options.stateFile && !existsSync(options.stateFile)) save([]);
  const id = z.object({ ticket_id: z.string() });
  const echo = (name: string, extra: z.ZodRawShape) =>
    defineTool({
      name,
      description: `${name.replaceAll('_', ' ')} for a ticket.`,
      input: id.extend(extra),
      run: (input) => `${name} done for ${input.ticket_id}.`,
    });
  return [
    defineTool({
      name: 'get_next_ticket',
      description: 'Fetch the next open ticket from the queue.',
      input: z.object({}),
      run: () => {
        const next = tickets.find((t) => !done().includes(t.id));
        return next ? { ...next, status: 'open' } : { error: 'No more tickets in the queue.' };
      },
    }),
    echo('classify_ticket', { category: z.string() }),
    defineTool({
      name: 'search_knowledge_base',
      description: 'Search help articles of a category.',
      input: z.object({ category: z.string(), query: z.string() }),
      run: ({ category, query }) => [
        {
          id: `KB-${category}`,
          title: `Handling ${query}`,
          content: ARTICLE.repeat(options.articleRepeat ?? 1),
        },
      ],
    }),
    echo('set_priority', { priority: z.string() }),
    echo('route_to_team', { team: z.string() }),
    echo('draft_response', { response: z.string() }),
    defineTool({
      name: 'mark_complete',
      description: 'Close a ticket once its response is drafted.',
      input: id,
      run: ({ ticket_id }) => {
        const ids = done();
        if (!ids.includes(ticket_id)) save([...ids, ticket_id]);
        return `${ticket_id} is resolved.`;
      },
    }),
  ];
}
