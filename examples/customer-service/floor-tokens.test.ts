import type Anthropic from '@anthropic-ai/sdk';
import { TokenCounter } from '@cairn/memory';
import { describe, expect, it } from 'vitest';
import { floorTokens } from './floor-tokens.ts';

const counter = new TokenCounter({ model: 'claude-sonnet-4-6' });
const call = (id: string, name: string, input: object = {}): Anthropic.MessageParam => ({
  role: 'assistant',
  content: [{ type: 'tool_use', id, name, input }],
});
const result = (id: string, content: string): Anthropic.MessageParam => ({
  role: 'user',
  content: [{ type: 'tool_result', tool_use_id: id, content }],
});

const task: Anthropic.MessageParam = { role: 'user', content: 'Work the queue.' };
const transcript: Anthropic.MessageParam[] = [
  task,
  call('a', 'get_next_ticket'),
  result('a', '{"id":"TKT-0001","description":"A long description of the first ticket."}'),
  call('b', 'mark_complete', { ticket_id: 'TKT-0001' }),
  result('b', 'done'),
  call('c', 'get_next_ticket'),
  result('c', '{"id":"TKT-0002"}'),
  { role: 'assistant', content: 'The final report.' },
];
const fixed = { system: 'You are a support agent.', tools: [] };

describe('floorTokens', () => {
  it('charges each turn the fixed prompt, the task and the ticket’s messages: since its fetch, or its closing exchange', () => {
    const base = counter.system(fixed.system) + counter.messages([task]);
    expect(floorTokens(transcript, fixed, counter)).toEqual([
      base,
      base + counter.messages(transcript.slice(1, 3)),
      base + counter.messages(transcript.slice(3, 5)),
      base + counter.messages(transcript.slice(5, 7)),
    ]);
  });

  it('gives one figure per assistant message, and none for an empty transcript', () => {
    expect(floorTokens(transcript, fixed, counter)).toHaveLength(4);
    expect(floorTokens([], fixed, counter)).toEqual([]);
  });
});
