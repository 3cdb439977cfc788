import type Anthropic from '@anthropic-ai/sdk';
import {
  type CompactionState,
  ConversationManager,
  type Exchange,
  extractiveSummarizer,
  TokenCounter,
} from '@cairn/memory';
import { describe, expect, it } from 'vitest';
import { closedTickets } from './closed-tickets.ts';
import { deskPolicy } from './desk-policy.ts';

type Call = { name: string; input?: object; result: string; isError?: boolean };

/** An assistant turn making `calls`, and the user message answering them. */
function turn(n: number, calls: Call[]): Anthropic.MessageParam[] {
  return [
    {
      role: 'assistant',
      content: [
        { type: 'text', text: `Turn ${n}.` },
        ...calls.map((c, i) => ({ type: 'tool_use' as const, id: `t${n}-${i}`, name: c.name, input: c.input ?? {} })),
      ],
    },
    {
      role: 'user',
      content: calls.map((c, i) => ({
        type: 'tool_result' as const,
        tool_use_id: `t${n}-${i}`,
        content: c.result,
        ...(c.isError ? { is_error: true } : {}),
      })),
    },
  ];
}

const fetch = (id: string): Call => ({
  name: 'get_next_ticket',
  result: JSON.stringify({ id, subject: `About ${id}` }),
});
const classify = (id: string): Call => ({
  name: 'classify_ticket',
  input: { ticket_id: id, category: 'billing' },
  result: 'ok',
});
const complete = (id: string): Call => ({ name: 'mark_complete', input: { ticket_id: id }, result: 'resolved' });
const log = (id: string, isError = false): Call => ({
  name: 'memory',
  input: {
    command: 'insert',
    path: '/memories/ticket-log.md',
    insert_line: 1,
    insert_text: `${id} | billing | high | billing-team | resolved`,
  },
  result: isError ? 'The file does not exist.' : 'Inserted.',
  isError,
});

function desk(lastLog: Call = log('TKT-0001')): Anthropic.MessageParam[] {
  return [
    { role: 'user', content: 'Work the queue.' },
    ...turn(1, [{ name: 'memory', input: { command: 'view', path: '/memories' }, result: 'empty' }]),
    ...turn(2, [fetch('TKT-0001')]),
    ...turn(3, [classify('TKT-0001')]),
    ...turn(4, [complete('TKT-0001'), lastLog]),
    ...turn(5, [fetch('TKT-0002')]),
    ...turn(6, [classify('TKT-0002')]),
  ];
}

/** The policy's view of a transcript: exchanges of 100 tokens, the task and the last one protected. */
function state(messages: Anthropic.MessageParam[], tokens = 1_000, target = 500): CompactionState {
  const exchanges: Exchange[] = [
    {
      id: 0,
      original: [messages[0]!],
      tokens: 100,
      protected: true,
      pinned: false,
      importance: undefined,
      toolResults: [],
    },
  ];
  for (let i = 1; i < messages.length; i += 2) {
    exchanges.push({
      id: i,
      original: messages.slice(i, i + 2),
      tokens: 100,
      protected: i === messages.length - 2,
      pinned: false,
      importance: undefined,
      toolResults: [],
    });
  }
  return { exchanges, tokens, threshold: 900, target, summary: null, canSummarize: true, count: (t) => t.length / 4 };
}

describe('closedTickets', () => {
  it('drops a ticket marked complete and logged in memory, with the exchanges about no ticket before it', () => {
    expect(closedTickets().next(state(desk()))).toEqual({ type: 'drop', exchangeIds: [1, 3, 5, 7], reason: 'prune' });
  });

  it('keeps a completed ticket whose memory write failed, or that was never written to memory', () => {
    expect(closedTickets().next(state(desk(log('TKT-0001', true))))).toBeNull();
    expect(
      closedTickets().next(state(desk({ name: 'draft_response', input: { ticket_id: 'TKT-0001' }, result: 'saved' }))),
    ).toBeNull();
  });

  it('does nothing while the context is under the target', () => {
    expect(closedTickets().next(state(desk(), 400, 500))).toBeNull();
  });

  it('drops a ticket early, under the threshold, as soon as it closes, and only then', () => {
    const closing = desk().slice(0, 9);
    expect(closedTickets().early!(state(closing, 400, 500))).toEqual({
      type: 'drop',
      exchangeIds: [1, 3, 5],
      reason: 'prune',
    });
    expect(closedTickets().early!(state(desk(), 400, 500))).toBeNull();
  });
});

describe('deskPolicy in a ConversationManager', () => {
  it('takes closed tickets out of the view whole, keeps them recallable and leaves the ticket in progress', async () => {
    const counter = new TokenCounter();
    const messages = desk();
    const manager = new ConversationManager({
      system: 'You are a support agent.',
      policy: deskPolicy({ summarizer: extractiveSummarizer({ counter }), prompt: 'Keep ticket ids.' }),
      compaction: { threshold: 250, target: 240, minGain: 0 },
      counter,
    });
    for (const message of messages) manager.append(message);
    const before = manager.tokens();

    const compaction = await manager.prepare();

    expect(compaction?.steps).toEqual([
      { type: 'drop', reason: 'prune', keys: ['turn:1', 'turn:3', 'turn:5', 'turn:7'], freed: expect.any(Number) },
    ]);
    expect(manager.tokens()).toBeLessThan(before);
    const shown = JSON.stringify(manager.view());
    expect(shown).toContain('TKT-0002');
    expect(shown).not.toContain('TKT-0001');
    expect(manager.recall('turn:7')).toContain('TKT-0001 | billing | high | billing-team | resolved');
  });

  it('drops a ticket when it closes, under the threshold, keeping the exchange that closed it', async () => {
    const counter = new TokenCounter();
    const manager = new ConversationManager({
      policy: deskPolicy({ summarizer: extractiveSummarizer({ counter }), prompt: 'Keep ticket ids.' }),
      compaction: { threshold: 5_000 },
      counter,
    });
    const closing = desk().slice(0, 9);
    for (const message of closing) manager.append(message);

    expect(manager.needsCompaction()).toBe(true);
    expect(await manager.prepare()).toMatchObject({ trigger: 'early', policy: 'hybrid' });
    expect(manager.view()).toEqual([closing[0], closing[7], closing[8]]);
    expect(manager.needsCompaction()).toBe(false);
  });
});
