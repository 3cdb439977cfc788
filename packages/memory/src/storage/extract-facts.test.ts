import type Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { extractFacts } from './extract-facts.ts';

const messages: Anthropic.MessageParam[] = [
  { role: 'user', content: 'Please work the queue. Escalations go to ops@example.com.' },
  {
    role: 'assistant',
    content: [
      { type: 'text', text: 'Let me fetch the next ticket.' },
      { type: 'tool_use', id: 't1', name: 'get_next_ticket', input: {} },
    ],
  },
  {
    role: 'user',
    content: [
      {
        type: 'tool_result',
        tool_use_id: 't1',
        content: '{"id":"TKT-1001","email":"ana@example.com","description":"Charged twice for ORD-2024-5531"}',
      },
    ],
  },
  {
    role: 'assistant',
    content: [
      {
        type: 'text',
        text: 'TKT-1001 is a billing issue, so I classified it as billing. The weather is nice. I will refund ORD-2024-5531 within 5 days.',
      },
      {
        type: 'tool_use',
        id: 't2',
        name: 'set_priority',
        input: { ticket_id: 'TKT-1001', priority: 'high' },
      },
      {
        type: 'tool_use',
        id: 't3',
        name: 'search_knowledge_base',
        input: { category: 'billing', query: 'refund' },
      },
      {
        type: 'tool_use',
        id: 't4',
        name: 'draft_response',
        input: { ticket_id: 'TKT-1001', response: 'r'.repeat(300) },
      },
    ],
  },
];

describe('extractFacts', () => {
  it('finds identifiers anywhere, and the assistant’s commitments, decisions and actions on identifiers', () => {
    expect(extractFacts(messages)).toEqual([
      { kind: 'identifier', text: 'ops@example.com' },
      { kind: 'identifier', text: 'TKT-1001' },
      { kind: 'identifier', text: 'ana@example.com' },
      { kind: 'identifier', text: 'ORD-2024-5531' },
      { kind: 'decision', text: 'TKT-1001 is a billing issue, so I classified it as billing.' },
      { kind: 'commitment', text: 'I will refund ORD-2024-5531 within 5 days.' },
      { kind: 'decision', text: 'set_priority ticket_id=TKT-1001 priority=high' },
      { kind: 'decision', text: `draft_response ticket_id=TKT-1001 response=${'r'.repeat(60)}…` },
    ]);
  });

  it('lists each fact once however often it appears', () => {
    expect(extractFacts([...messages, ...messages])).toHaveLength(extractFacts(messages).length);
  });

  it('finds nothing in small talk', () => {
    expect(
      extractFacts([
        { role: 'user', content: 'Hello there!' },
        { role: 'assistant', content: 'Hi, how can I help?' },
      ]),
    ).toEqual([]);
  });
});
