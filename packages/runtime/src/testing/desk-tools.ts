import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { defineTool, type Tool } from '@cairn/tools';
import * as z from 'zod';

/** Tickets whose category and priority follow from the simulator's default desk rules. */
export const TICKETS = [
  {
    id: 'TKT-0001',
    customer_name: 'Dana Reyes',
    subject: 'Charged twice for my subscription',
    description: 'I was charged twice on 2024-03-02: two payments of $49.99 for invoice INV-2231. Please refund one.',
  },
  {
    id: 'TKT-0002',
    customer_name: 'Sam Okafor',
    subject: 'Package never arrived',
    description: 'My package for order ORD-88123 never arrived. Tracking 1Z999AA10123456784 is stuck in transit.',
  },
  {
    id: 'TKT-0003',
    customer_name: 'Lee Park',
    subject: 'Locked out of my account',
    description: 'I am locked out of my account after the password reset email expired. My username is lpark.',
  },
] as const;

export const DESK_SYSTEM =
  'You are a support agent. Work the ticket queue one ticket at a time, then write the final report.';
export const DESK_TASK = 'Please process every ticket in the queue.';

const ARTICLE = 'Refunds, deliveries and account unlocks are handled by the team named in the routing table. ';

/**
 * The seven desk tools over a queue whose progress is kept in `stateFile` (or in memory): calling a tool
 * twice with the same input gives the same result, so a resumed run may run them again.
 */
export function deskTools(options: { tickets?: number; stateFile?: string; articleRepeat?: number } = {}): Tool[] {
  const tickets = TICKETS.slice(0, options.tickets ?? TICKETS.length);
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
