import type Anthropic from '@anthropic-ai/sdk';

/**
 * A reply as the conversation keeps it: a reply cut short (`cut`) loses its tool calls (their input may be
 * cut too), empty text blocks go, and it is never empty. Each block is a plain copy, the same JSON: the SDK
 * builds a streamed `tool_use` block with a hidden buffer (`__json_buf`) and an `input` redefined from a
 * getter, and V8 takes 1.4–1.9× as long to serialize such blocks, on every later request, and 1.4–4× as
 * long to freeze them (`pnpm bench reply-blocks`: the desk's last request, 45 messages, 126–141 µs against
 * 67–100 µs, hot).
 */
export function replyContent(message: Anthropic.Message, cut: boolean): Anthropic.ContentBlockParam[] {
  const kept: Anthropic.ContentBlockParam[] = [];
  for (const block of message.content as Anthropic.ContentBlockParam[]) {
    if ((cut && block.type === 'tool_use') || (block.type === 'text' && block.text === '')) continue;
    kept.push({ ...block });
  }
  return kept.length > 0 ? kept : [{ type: 'text', text: '(no reply)' }];
}
