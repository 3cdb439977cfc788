import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { callModel } from './call-model.ts';
import { replyContent } from './reply-content.ts';
import { type ScriptedAnswer, startScriptedApi, text } from './testing/scripted-api.ts';

const LOOKUP: Anthropic.ToolUseBlock = {
  type: 'tool_use',
  id: 'toolu_01',
  name: 'lookup_ticket',
  caller: { type: 'direct' },
  input: { ticket_id: 'TKT-0001', fields: ['status', 'customer'] },
};

/** The reply the real SDK streams from `answer`, over loopback. */
async function streamed(answer: ScriptedAnswer): Promise<Anthropic.Message> {
  const api = await startScriptedApi([answer]);
  try {
    const client = new Anthropic({ baseURL: api.baseURL, apiKey: 'test', maxRetries: 0 });
    return await callModel(client, {
      model: 'claude-sonnet-4-6',
      max_tokens: 200,
      messages: [{ role: 'user', content: 'Look up TKT-0001.' }],
    });
  } finally {
    await api.close();
  }
}

/** Own properties that are not plain enumerable data: hidden fields, getters. */
function notPlain(block: object): string[] {
  return Object.getOwnPropertyNames(block).filter((key) => {
    const property = Object.getOwnPropertyDescriptor(block, key)!;
    return !property.enumerable || !('value' in property);
  });
}

describe('replyContent, on replies streamed by the real SDK', () => {
  it('keeps each block as a plain copy: the same JSON, without the hidden buffer the SDK streams into', async () => {
    const message = await streamed({ content: [text('Looking it up.'), LOOKUP], stopReason: 'tool_use' });
    const kept = replyContent(message, false);
    expect(JSON.stringify(kept)).toBe(JSON.stringify(message.content));
    expect(kept.map(notPlain)).toEqual([[], []]);
    // Why it copies: the SDK's own block is not plain. Should a later SDK stream plain blocks, this fails and the copy can go.
    expect(notPlain(message.content[1]!)).toContain('__json_buf');
  });

  it('drops the tool calls of a reply cut short, and empty text; an empty reply becomes a placeholder', async () => {
    const message = await streamed({ content: [text('Checking'), LOOKUP], stopReason: 'max_tokens' });
    expect(replyContent(message, true)).toEqual([{ type: 'text', text: 'Checking' }]);
    const empty = await streamed({ content: [text(''), LOOKUP], stopReason: 'max_tokens' });
    expect(replyContent(empty, true)).toEqual([{ type: 'text', text: '(no reply)' }]);
  });
});
