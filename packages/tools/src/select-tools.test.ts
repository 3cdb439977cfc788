import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { defineTool } from './define-tool.ts';
import { selectTools } from './select-tools.ts';

const tool = (name: string, description: string, input: z.ZodObject = z.object({})) =>
  defineTool({ name, description, input, run: () => '' });

const toolbox = [
  tool('get_weather', 'Current weather and forecast for a city.', z.object({ city: z.string() })),
  tool('send_email', 'Send an email message to a recipient.', z.object({ to: z.string(), subject: z.string() })),
  tool('create_calendar_event', 'Add a meeting to the calendar.', z.object({ title: z.string(), start: z.string() })),
  tool(
    'search_orders',
    'Find customer orders by order number or tracking number.',
    z.object({ orderNumber: z.string() }),
  ),
  tool('refund_payment', 'Refund a payment to the card it was charged to.', z.object({ paymentId: z.string() })),
  tool('recall', 'Fetch back content removed from the conversation.', z.object({ key: z.string() })),
];
const names = (tools: readonly { name: string }[]) => tools.map(({ name }) => name);

describe('selectTools', () => {
  it.each([
    ['Will it rain in Lyon tomorrow? Check the forecast', ['get_weather']],
    ['Email the subject line to Ana', ['send_email']],
    ['Where is my order? Tracking number 1Z999', ['search_orders']],
    ['I was charged twice, please refund the payment', ['refund_payment']],
    ['Book a meeting on my calendar', ['create_calendar_event']],
  ])('picks the tool that fits "%s"', (query, expected) => {
    expect(names(selectTools(toolbox, query, { max: 1 }))).toEqual(expected);
  });

  it('matches parameter names, split from camelCase and snake_case', () => {
    expect(names(selectTools(toolbox, 'payment id PAY-42', { max: 1 }))).toEqual(['refund_payment']);
  });

  it('always includes the tools named in always, and leaves out tools that share no word with the request', () => {
    const selected = selectTools(toolbox, 'refund my card', { always: ['recall'] });
    expect(names(selected)).toEqual(['refund_payment', 'recall']);
  });

  it('returns at most max tools, in the order of the toolbox so that the prompt prefix stays stable', () => {
    const selected = selectTools(toolbox, 'email the customer their order tracking number and refund', {
      max: 3,
    });
    expect(names(selected)).toEqual(['send_email', 'search_orders', 'refund_payment']);
  });

  it('keeps every always tool even when they outnumber max', () => {
    expect(names(selectTools(toolbox, 'weather', { max: 1, always: ['recall', 'send_email'] }))).toEqual([
      'send_email',
      'recall',
    ]);
  });

  it('throws when always names a tool that is not in the toolbox', () => {
    expect(() => selectTools(toolbox, 'weather', { always: ['recal'] })).toThrow(/"always" names recal/);
  });
});
