import type Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { COMPACTION_SUMMARY_PROMPT, compactedHistory, summaryParams, tokensUsed } from './compaction-control.ts';

const usage = (input: number, output: number, read = 0, write = 0) =>
  ({
    input_tokens: input,
    output_tokens: output,
    cache_read_input_tokens: read,
    cache_creation_input_tokens: write,
  }) as Anthropic.Usage;

function reply(content: Anthropic.ContentBlock[]): Anthropic.Message {
  return { content, usage: usage(1, 1), stop_reason: 'tool_use' } as Anthropic.Message;
}

const history: Anthropic.MessageParam[] = [
  { role: 'user', content: 'Please work through the queue.' },
  { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'get_next_ticket', input: {} }] },
  { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: '{"id":"TKT-0001"}' }] },
];
const options = { model: 'claude-sonnet-4-6', maxTokens: 4_096, prompt: COMPACTION_SUMMARY_PROMPT };

describe('tokensUsed', () => {
  it('adds input, both cache figures and output, as compaction_control did', () => {
    expect(tokensUsed(usage(100, 20, 3_000, 400))).toBe(3_520);
  });
});

describe('summaryParams', () => {
  it('sends the history, the reply without its tool calls and the prompt, with no system prompt or tools', () => {
    const params = summaryParams(
      history,
      reply([
        { type: 'text', text: 'Classifying TKT-0001.', citations: null },
        { type: 'tool_use', id: 't2', name: 'classify_ticket', input: {}, caller: { type: 'direct' } },
      ]),
      options,
    );
    expect(params).toEqual({
      model: 'claude-sonnet-4-6',
      max_tokens: 4_096,
      messages: [
        ...history,
        { role: 'assistant', content: [{ type: 'text', text: 'Classifying TKT-0001.', citations: null }] },
        { role: 'user', content: [{ type: 'text', text: COMPACTION_SUMMARY_PROMPT }] },
      ],
    });
  });

  it('adds the prompt to the last user message when the reply held only tool calls', () => {
    const params = summaryParams(
      history,
      reply([{ type: 'tool_use', id: 't2', name: 'classify_ticket', input: {}, caller: { type: 'direct' } }]),
      options,
    );
    expect(params.messages).toHaveLength(3);
    expect(params.messages.at(-1)).toEqual({
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 't1', content: '{"id":"TKT-0001"}' },
        { type: 'text', text: COMPACTION_SUMMARY_PROMPT },
      ],
    });
  });
});

describe('compactedHistory', () => {
  it('replaces the history with one user message holding the summary', () => {
    const summary = reply([{ type: 'text', text: '<summary>TKT-0001 done.</summary>', citations: null }]);
    expect(compactedHistory(summary)).toEqual([
      { role: 'user', content: [{ type: 'text', text: '<summary>TKT-0001 done.</summary>' }] },
    ]);
  });

  it('refuses a summary without text instead of committing it', () => {
    expect(() => compactedHistory(reply([]))).toThrow(/returned no text/);
  });
});
