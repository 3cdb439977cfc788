import type Anthropic from '@anthropic-ai/sdk';
import { renderToolCall } from './render.ts';

type Message = Anthropic.MessageParam;

/** Key under which an exchange removed from the view is kept. */
export const turnKey = (exchangeId: number) => `turn:${exchangeId}`;
/** Key under which a cleared tool result is kept. */
export const resultKey = (toolUseId: string) => `result:${toolUseId}`;

/** Said in place of the opening request when everything before the kept turns was removed. */
export const CONTINUATION_NOTE =
  '[Earlier turns of this conversation were removed to save context; continue from the messages below.]';

/** The exchange an index belongs to: the first user message alone, then assistant + following user. */
export function exchangeIdOf(index: number): number {
  return index === 0 || index % 2 === 1 ? index : index - 1;
}

/** The placeholder that stands in for a cleared tool result. */
export function placeholderFor(name: string, input: unknown, tokens: number, toolUseId: string): string {
  return (
    `[Result of ${renderToolCall(name, input)} cleared to save context (${tokens} tokens). ` +
    `Call recall with key "${resultKey(toolUseId)}" to read it again.]`
  );
}

/** A user message with the given tool results replaced by placeholders (only user messages hold results). */
export function withClearedResults(
  message: Message,
  cleared: ReadonlySet<string>,
  describe: (block: Anthropic.ToolResultBlockParam) => string,
): Message {
  if (typeof message.content === 'string') return message;
  const content = message.content.map((block) =>
    block.type === 'tool_result' && cleared.has(block.tool_use_id)
      ? {
          type: 'tool_result' as const,
          tool_use_id: block.tool_use_id,
          content: describe(block),
          ...(block.is_error ? { is_error: true } : {}),
        }
      : block,
  );
  return { role: 'user', content };
}

/** The summary and memory blocks, clearly marked, that open the view. */
export function headBlocks(summary: string | null, memory: string | null, keys: string): Anthropic.TextBlockParam[] {
  const blocks: Anthropic.TextBlockParam[] = [];
  if (summary) {
    blocks.push({
      type: 'text',
      text: `<conversation-summary>\n${summary}\n</conversation-summary>\nEarlier turns were summarized above; ${keys}.`,
    });
  }
  if (memory) blocks.push({ type: 'text', text: `<memory-index>\n${memory}\n</memory-index>` });
  return blocks;
}

/** The user message that opens the view: summary and memory, then the opening request if it is kept. */
export function headMessage(blocks: readonly Anthropic.TextBlockParam[], opening: Message | undefined): Message {
  if (blocks.length === 0) return opening ?? { role: 'user', content: CONTINUATION_NOTE };
  const rest = opening
    ? typeof opening.content === 'string'
      ? [{ type: 'text' as const, text: opening.content }]
      : opening.content
    : [{ type: 'text' as const, text: CONTINUATION_NOTE }];
  return { role: 'user', content: [...blocks, ...rest] };
}
