import type Anthropic from '@anthropic-ai/sdk';

type StreamEvent = Anthropic.RawMessageStreamEvent | { type: 'ping' };

const WORDS_PER_TEXT_DELTA = 4;
const CHARS_PER_JSON_DELTA = 32;

/**
 * The API's event sequence for a finished message: `message_start` (empty content, input usage),
 * `ping`, then per block `content_block_start`, `text_delta` or `input_json_delta` chunks and
 * `content_block_stop`, then `message_delta` (stop reason, full usage) and `message_stop`.
 */
export function messageEvents(message: Anthropic.Message): StreamEvent[] {
  const events: StreamEvent[] = [
    {
      type: 'message_start',
      message: { ...message, content: [], stop_reason: null, usage: { ...message.usage, output_tokens: 1 } },
    },
    { type: 'ping' },
  ];
  message.content.forEach((block, index) => {
    if (block.type === 'text') {
      events.push({ type: 'content_block_start', index, content_block: { ...block, text: '' } });
      for (const text of textChunks(block.text)) {
        events.push({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
      }
    } else if (block.type === 'tool_use') {
      events.push({ type: 'content_block_start', index, content_block: { ...block, input: {} } });
      const json = JSON.stringify(block.input);
      for (let i = 0; i < json.length; i += CHARS_PER_JSON_DELTA) {
        events.push({
          type: 'content_block_delta',
          index,
          delta: { type: 'input_json_delta', partial_json: json.slice(i, i + CHARS_PER_JSON_DELTA) },
        });
      }
    }
    events.push({ type: 'content_block_stop', index });
  });
  const { usage } = message;
  events.push(
    {
      type: 'message_delta',
      delta: { stop_reason: message.stop_reason, stop_sequence: null, stop_details: null, container: null },
      usage: {
        input_tokens: usage.input_tokens,
        cache_creation_input_tokens: usage.cache_creation_input_tokens,
        cache_read_input_tokens: usage.cache_read_input_tokens,
        output_tokens: usage.output_tokens,
        output_tokens_details: null,
        server_tool_use: null,
      },
    },
    { type: 'message_stop' },
  );
  return events;
}

/** One event in the `text/event-stream` wire format. */
export function encodeEvent(event: StreamEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

function textChunks(text: string): string[] {
  const words = text.match(/\S+\s*|\s+/g) ?? [];
  const chunks: string[] = [];
  for (let i = 0; i < words.length; i += WORDS_PER_TEXT_DELTA) {
    chunks.push(words.slice(i, i + WORDS_PER_TEXT_DELTA).join(''));
  }
  return chunks;
}
