import type Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { withCacheBreakpoints } from './cache-breakpoints.ts';

const tool: Anthropic.Tool = { name: 'ping', input_schema: { type: 'object' } };
const messages: Anthropic.MessageParam[] = [
  { role: 'user', content: 'first' },
  { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'ping', input: {} }] },
  { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'pong' }] },
];

function breakpoints(value: unknown): number {
  return JSON.stringify(value).split('"cache_control"').length - 1;
}

describe('withCacheBreakpoints', () => {
  it('marks the end of the system prompt, the last message and the previous request’s tail', () => {
    const marked = withCacheBreakpoints({ system: 'Be brief.', tools: [tool], messages });
    expect(marked.system).toEqual([{ type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } }]);
    expect(marked.messages[2]?.content).toMatchObject([{ type: 'tool_result', cache_control: { type: 'ephemeral' } }]);
    expect(marked.messages[0]?.content).toMatchObject([{ type: 'text', text: 'first', cache_control: {} }]);
    expect(breakpoints(marked)).toBe(3);
  });

  it('marks the last tool when there is no system prompt, and never more than four breakpoints', () => {
    const marked = withCacheBreakpoints({
      tools: [tool, { ...tool, name: 'pong' }],
      messages: messages.slice(0, 1),
    });
    expect(marked.tools[1]).toMatchObject({ cache_control: { type: 'ephemeral' } });
    expect(marked.tools[0]).not.toHaveProperty('cache_control');
    expect(breakpoints(marked)).toBe(2);
  });

  it('leaves its input untouched', () => {
    const before = JSON.stringify(messages);
    withCacheBreakpoints({ system: 'x', tools: [tool], messages });
    expect(JSON.stringify(messages)).toBe(before);
  });
});
