/**
 * The seven tools of the customer-service desk, after Anthropic's "automatic context compaction" cookbook:
 * the agent takes tickets one at a time and, for each, classifies it, searches the knowledge base, sets a
 * priority, routes it to a team, drafts a response and marks it complete.
 */
import { defineTool, type Tool } from '@cairn/tools';
import * as z from 'zod';

export const TICKET_CATEGORIES = ['billing', 'technical', 'account', 'product', 'shipping'] as const;
export const TICKET_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export const SUPPORT_TEAMS = [
  'billing-team',
  'tech-support',
  'account-services',
  'product-success',
  'logistics-team',
] as const;

export type TicketCategory = (typeof TICKET_CATEGORIES)[number];
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export type SupportTeam = (typeof SUPPORT_TEAMS)[number];

/** What a desk method answers: plain data, sent to the model as JSON. */
export type DeskReply = object | Promise<object>;

/** The support desk the tools act on: one method per tool. */
export interface SupportDesk {
  /** The next open ticket, or `{ error }` when the queue is empty. */
  getNextTicket(): DeskReply;
  classifyTicket(ticketId: string, category: TicketCategory): DeskReply;
  searchKnowledgeBase(category: TicketCategory, query: string): DeskReply;
  setPriority(ticketId: string, priority: TicketPriority): DeskReply;
  routeToTeam(ticketId: string, team: SupportTeam): DeskReply;
  draftResponse(ticketId: string, response: string): DeskReply;
  markComplete(ticketId: string): DeskReply;
}

const ticketId = z.string().describe('The ticket ID as returned by get_next_ticket, for example "TKT-0001".');

/** The seven support tools, acting on `desk`. */
export function supportTools(desk: SupportDesk): Tool[] {
  return [
    defineTool({
      name: 'get_next_ticket',
      description:
        'Retrieve the next unprocessed support ticket from the queue. Returns the ticket ID, customer name ' +
        'and email, subject, full description, creation time and current status. Call this to start on a ' +
        'new ticket once the previous one is marked complete. Returns an error object when the queue is empty.',
      input: z.object({}),
      run: () => desk.getNextTicket(),
    }),
    defineTool({
      name: 'classify_ticket',
      description:
        'Assign a category to a ticket based on its subject and description. Billing covers charges, ' +
        'refunds and invoices; technical covers errors, crashes and integrations; account covers logins, ' +
        'passwords and profile changes; product covers features and how-to questions; shipping covers ' +
        'deliveries, tracking and returns. Classify before searching the knowledge base.',
      input: z.object({
        ticket_id: ticketId,
        category: z.enum(TICKET_CATEGORIES).describe('The ticket category.'),
      }),
      run: ({ ticket_id, category }) => desk.classifyTicket(ticket_id, category),
    }),
    defineTool({
      name: 'search_knowledge_base',
      description:
        'Search the support knowledge base for help articles, policies and troubleshooting steps in one ' +
        'category. Returns the matching articles with their titles and full text. Use the ticket category ' +
        'and a short query naming the customer problem, such as "duplicate charge refund" or "password reset ' +
        'email not received"; base the drafted response on what the articles say.',
      input: z.object({
        category: z.enum(TICKET_CATEGORIES).describe('The category to search, usually the ticket category.'),
        query: z.string().min(1).describe('A few words describing the problem.'),
      }),
      run: ({ category, query }) => desk.searchKnowledgeBase(category, query),
    }),
    defineTool({
      name: 'set_priority',
      description:
        'Set how urgently a ticket must be handled. Urgent: service down, security issue or money lost now; ' +
        'high: a customer blocked or charged incorrectly; medium: a problem with a workaround; low: questions ' +
        'and feature requests.',
      input: z.object({
        ticket_id: ticketId,
        priority: z.enum(TICKET_PRIORITIES).describe('The priority level.'),
      }),
      run: ({ ticket_id, priority }) => desk.setPriority(ticket_id, priority),
    }),
    defineTool({
      name: 'route_to_team',
      description:
        'Assign a ticket to the team that will own it. billing-team handles charges and refunds, ' +
        'tech-support handles technical problems, account-services handles access and account changes, ' +
        'product-success handles product questions and feedback, logistics-team handles shipping and returns.',
      input: z.object({ ticket_id: ticketId, team: z.enum(SUPPORT_TEAMS).describe('The team to route to.') }),
      run: ({ ticket_id, team }) => desk.routeToTeam(ticket_id, team),
    }),
    defineTool({
      name: 'draft_response',
      description:
        'Save a draft reply to the customer for review before sending. Address the customer by name, ' +
        'acknowledge the problem, give the concrete next steps from the knowledge base, and keep it under ' +
        '200 words. Draft after the ticket is classified, prioritized and routed.',
      input: z.object({
        ticket_id: ticketId,
        response: z.string().min(1).describe('The full text of the reply.'),
      }),
      run: ({ ticket_id, response }) => desk.draftResponse(ticket_id, response),
    }),
    defineTool({
      name: 'mark_complete',
      description:
        'Mark a ticket as processed once it is classified, prioritized, routed and has a drafted response. ' +
        'After this, call get_next_ticket to continue with the queue.',
      input: z.object({ ticket_id: ticketId }),
      run: ({ ticket_id }) => desk.markComplete(ticket_id),
    }),
  ];
}
