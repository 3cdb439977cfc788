import type Anthropic from '@anthropic-ai/sdk';
import { extractiveSummarizer, SUMMARY_HEADING, TokenCounter } from '@cairn/memory';
import { describe, expect, it } from 'vitest';
import { parseReport } from './final-report.ts';
import { respond } from './respond.ts';
import { TICKET_LOG } from './support-desk.ts';
import {
  DESK_SYSTEM,
  DESK_TOOLS,
  DeskWorld,
  EXPECTED_REPORT,
  MEMORY_TOOL,
  runDesk,
  type Send,
  slidingWindow,
} from './testing/desk-fixture.ts';
import { validateRequest } from './validate-request.ts';

const MODEL = 'claude-sonnet-4-6';
const deps = { counter: new TokenCounter({ model: MODEL }), summarizer: extractiveSummarizer() };
const ask = (body: Partial<Anthropic.MessageCreateParamsNonStreaming>) =>
  respond(validateRequest({ model: MODEL, max_tokens: 1_024, messages: [], ...body }, 'create'), deps);
const send: Send = (body) => ask(body);
const reportLines = (report: string) =>
  parseReport(report).map((l) => `${l.id} | ${l.category} | ${l.priority} | ${l.team} | ${l.outcome}`);
const callsOf = (history: readonly Anthropic.MessageParam[]) =>
  history.flatMap((m) =>
    typeof m.content === 'string' ? [] : m.content.flatMap((b) => (b.type === 'tool_use' ? [b] : [])),
  );
const textOf = (reply: { content: Anthropic.ContentBlock[] }) =>
  reply.content.map((b) => (b.type === 'text' ? b.text : '')).join('');

describe('respond, as a support agent', () => {
  it('works each ticket through the seven steps, then reports every ticket', async () => {
    const run = await runDesk(send);
    expect(
      callsOf(run.history)
        .slice(0, 7)
        .map((c) => c.name),
    ).toEqual([
      'get_next_ticket',
      'classify_ticket',
      'search_knowledge_base',
      'set_priority',
      'route_to_team',
      'draft_response',
      'mark_complete',
    ]);
    expect(run.turns).toBe(37);
    expect(reportLines(run.report)).toEqual(EXPECTED_REPORT);
  });

  it('drafts a reply that greets the customer and cites the articles it read', async () => {
    const run = await runDesk(send);
    const draft = callsOf(run.history).find((c) => c.name === 'draft_response')!.input as {
      response: string;
    };
    expect(draft.response).toMatch(/^Hi Dana,/);
    expect(draft.response).toContain('"Refunding duplicate charges" (KB-101)');
    expect(draft.response).toContain('TKT-0001');
  });

  it('views memory with its first fetch, records each ticket in its log and reads the log with the last fetch', async () => {
    const run = await runDesk(send, { memory: true });
    const calls = callsOf(run.history);
    expect(calls.slice(0, 2)).toMatchObject([
      { name: 'memory', input: { command: 'view', path: '/memories' } },
      { name: 'get_next_ticket' },
    ]);
    expect(calls.slice(-2)).toMatchObject([
      { name: 'get_next_ticket' },
      { name: 'memory', input: { command: 'view', path: TICKET_LOG } },
    ]);
    expect(parseReport(run.world.files.get(TICKET_LOG) ?? '').map((l) => l.id)).toEqual([
      'TKT-0005',
      'TKT-0004',
      'TKT-0003',
      'TKT-0002',
      'TKT-0001',
    ]);
    // As many turns as without memory: both memory reads go alongside a fetch.
    expect(run.turns).toBe(37);
    expect(reportLines(run.report)).toEqual(EXPECTED_REPORT);
  });

  it('reads the log after the empty fetch when mark_complete does not say how many tickets remain', async () => {
    const world = new (class extends DeskWorld {
      override run(name: string, input: Record<string, unknown>) {
        return name === 'mark_complete' ? { content: 'Closed.', isError: false } : super.run(name, input);
      }
    })();
    const run = await runDesk(send, { memory: true, world });
    expect(callsOf(run.history).slice(-2)).toMatchObject([
      { name: 'get_next_ticket' },
      { name: 'memory', input: { command: 'view', path: TICKET_LOG } },
    ]);
    expect(run.history.at(-3)).toMatchObject({ role: 'assistant', content: [{ type: 'text' }, { name: 'memory' }] });
    expect(run.turns).toBe(38);
    expect(reportLines(run.report)).toEqual(EXPECTED_REPORT);
  });

  it('reports only what it can still see: a sliding window without memory loses tickets', async () => {
    const run = await runDesk(send, { view: slidingWindow(8) });
    expect(run.turns).toBe(37);
    expect(reportLines(run.report).length).toBeLessThan(EXPECTED_REPORT.length);
  });

  it('keeps the report right under the same window when it records tickets in memory', async () => {
    const run = await runDesk(send, { view: slidingWindow(8), memory: true });
    expect(reportLines(run.report)).toEqual(EXPECTED_REPORT);
  });

  it('continues the ticket a summary left in progress', async () => {
    const summary =
      'Summary so far: TKT-0001 resolved. TKT-0002: classified as shipping, high priority, not routed yet.';
    const reply = await ask({
      system: DESK_SYSTEM,
      tools: DESK_TOOLS,
      messages: [{ role: 'user', content: `${summary}\nContinue the task.` }],
    });
    expect(reply.content.find((b) => b.type === 'tool_use')).toMatchObject({
      name: 'route_to_team',
      input: { ticket_id: 'TKT-0002', team: 'logistics-team' },
    });
  });

  it('builds the report from a summary in the system prompt once the queue is empty', async () => {
    const system = `${DESK_SYSTEM}\n\nEarlier work:\nTKT-0001 | billing | high | billing-team | resolved\n- TKT-0002\n  - category: shipping\n  - priority: low\n  - team: logistics-team\n  - resolved`;
    const reply = await ask({
      system,
      tools: DESK_TOOLS,
      messages: [
        { role: 'user', content: 'Continue the task.' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'get_next_ticket', input: {} }] },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 't1', content: '{"error":"queue empty"}' }],
        },
      ],
    });
    expect(reply.stopReason).toBe('end_turn');
    expect(reportLines(textOf(reply))).toEqual([
      'TKT-0001 | billing | high | billing-team | resolved',
      'TKT-0002 | shipping | low | logistics-team | resolved',
    ]);
  });

  it('moves on instead of retrying a step whose call failed', async () => {
    const reply = await ask({
      tools: DESK_TOOLS,
      messages: [
        { role: 'user', content: 'Process the queue.' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'get_next_ticket', input: {} }] },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 't1',
              content: '{"id":"TKT-0009","subject":"Refund","description":"charged twice"}',
            },
          ],
        },
        {
          role: 'assistant',
          content: [
            {
              type: 'tool_use',
              id: 't2',
              name: 'classify_ticket',
              input: { ticket_id: 'TKT-0009', category: 'billing' },
            },
          ],
        },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 't2', content: 'Ticket store unavailable', is_error: true }],
        },
      ],
    });
    expect(reply.content.find((b) => b.type === 'tool_use')).toMatchObject({ name: 'search_knowledge_base' });
  });
});

describe('respond, outside the workflow', () => {
  const chat = (fact: boolean): Anthropic.MessageParam[] => [
    {
      role: 'user',
      content: fact ? 'Hi. My order number is ORD-4417 and it shipped on May 3.' : 'Hi. I have a question.',
    },
    { role: 'assistant', content: 'Thank you, I have noted that.' },
    { role: 'user', content: 'What is my order number?' },
  ];

  it('answers a question with the passage that holds the fact, and without it once the fact is gone', async () => {
    expect(textOf(await ask({ messages: chat(true) }))).toContain('ORD-4417');
    expect(textOf(await ask({ messages: chat(false) }))).not.toContain('ORD-4417');
  });

  it('is a pure function of the request', async () => {
    const body = {
      system: DESK_SYSTEM,
      tools: [...DESK_TOOLS, MEMORY_TOOL],
      messages: chat(true).slice(0, 1),
    };
    expect(await ask(body)).toEqual(await ask(body));
    expect(await ask({ messages: chat(true) })).toEqual(await ask({ messages: chat(true) }));
  });

  it('acknowledges a statement when it has nothing to do', async () => {
    expect(textOf(await ask({ messages: [{ role: 'user', content: 'I live in Seattle.' }] }))).toBe(
      'Thank you, I have noted that.',
    );
  });

  it('returns the extractive summary when asked to summarize', async () => {
    const reply = await ask({
      messages: [...chat(true).slice(0, 2), { role: 'user', content: 'Summarize the conversation.' }],
    });
    expect(reply.stopReason).toBe('end_turn');
    expect(textOf(reply)).toContain(SUMMARY_HEADING);
    expect(textOf(reply)).toContain('ORD-4417');
  });

  it('wraps the summary in <summary> tags when the instruction asks for them', async () => {
    const instruction = 'Write a continuation summary. Wrap it in <summary></summary> tags.';
    const reply = await ask({
      messages: [...chat(true).slice(0, 2), { role: 'user', content: instruction }],
    });
    expect(textOf(reply)).toMatch(/^<summary>\n[\s\S]*\n<\/summary>$/);
  });

  it('cuts a reply that does not fit max_tokens, with stop_reason max_tokens', async () => {
    const summary = await ask({
      max_tokens: 4,
      messages: [...chat(true).slice(0, 2), { role: 'user', content: 'Summarize the conversation.' }],
    });
    expect(summary.stopReason).toBe('max_tokens');
    expect(summary.outputTokens).toBeLessThanOrEqual(4);
    const desk = await ask({
      max_tokens: 5,
      tools: DESK_TOOLS,
      messages: [{ role: 'user', content: 'Process the queue.' }],
    });
    expect(desk.stopReason).toBe('max_tokens');
    expect(desk.content.some((b) => b.type === 'tool_use')).toBe(false);
  });

  it('says nothing when max_tokens is 0', async () => {
    expect(await ask({ max_tokens: 0, messages: chat(true) })).toEqual({
      content: [],
      stopReason: 'max_tokens',
      outputTokens: 0,
    });
  });
});
