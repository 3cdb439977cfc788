import type Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { summaryRequest } from './summary-request.ts';
import { validateRequest } from './validate-request.ts';

const request = (last: string, extra: { system?: string; tools?: Anthropic.Tool[] } = {}) =>
  validateRequest(
    {
      model: 'claude-haiku-4-5',
      max_tokens: 500,
      ...extra,
      messages: [
        { role: 'user', content: 'TKT-0001 is about a refund.' },
        { role: 'assistant', content: 'Noted.' },
        { role: 'user', content: last },
      ],
    },
    'create',
  );

const tool: Anthropic.Tool = { name: 'get_next_ticket', input_schema: { type: 'object' } };

describe('summaryRequest', () => {
  it.each([
    'Summarize the conversation so far.',
    'Please summarise what happened.',
    'You have been working on a task. Write a continuation summary that lets you resume. Wrap it in <summary></summary> tags.',
    'Your task is to create a detailed summary of the conversation.',
    '- Provide a short summary, keeping ticket ids.',
  ])('recognises "%s"', (text) => {
    expect(summaryRequest(request(text))).toBeDefined();
  });

  it.each([
    'Please process every ticket, then write a final report.',
    'What did the summary say about TKT-0001?',
    '<summary>Write a summary of X was done earlier.</summary> Continue the task.',
    'The summarized history is above; continue.',
  ])('does not take "%s" for a summary request', (text) => {
    expect(summaryRequest(request(text))).toBeUndefined();
  });

  it('recognises a summarizer system prompt only when no tools are offered', () => {
    const system = 'You summarize support conversations for handover. Keep ids.';
    expect(summaryRequest(request('Here is the transcript: TKT-0002 was shipped.', { system }))).toBeDefined();
    expect(summaryRequest(request('Here is the transcript.', { system, tools: [tool] }))).toBeUndefined();
  });

  it('summarizes the messages with the instruction taken out', () => {
    const summary = summaryRequest(request('TKT-0002 also needs a reply. Summarize the conversation.'));
    expect(summary?.messages.at(-1)).toEqual({
      role: 'user',
      content: [{ type: 'text', text: 'TKT-0002 also needs a reply.' }],
    });
    expect(summary?.messages).toHaveLength(3);
    expect(summary?.prompt).toBe('Summarize the conversation.');
    expect(summary?.maxTokens).toBe(500);
  });
});
