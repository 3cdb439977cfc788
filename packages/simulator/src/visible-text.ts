import type Anthropic from '@anthropic-ai/sdk';

/** The text of a system prompt, blocks joined by blank lines. */
export function systemText(system: string | readonly Anthropic.TextBlockParam[] | undefined): string {
  if (system === undefined) return '';
  return typeof system === 'string' ? system : system.map((b) => b.text).join('\n\n');
}

/** The text of a `tool_result`: its string content or its text blocks. */
export function resultText(block: Anthropic.ToolResultBlockParam): string {
  const { content } = block;
  if (content === undefined) return '';
  if (typeof content === 'string') return content;
  return content.flatMap((inner) => (inner.type === 'text' ? [inner.text] : [])).join('\n');
}

/** What the author of a message wrote in prose: its text blocks, not tool calls or results. */
export function ownText(message: Anthropic.MessageParam): string {
  if (typeof message.content === 'string') return message.content;
  return message.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('\n');
}

/** The text the model can read in a block: prose, a tool call as `name {json}`, or a tool result. */
export function blockText(block: Anthropic.ContentBlockParam): string {
  switch (block.type) {
    case 'text':
      return block.text;
    case 'tool_use':
      return `${block.name} ${JSON.stringify(block.input)}`;
    case 'tool_result':
      return resultText(block);
    case 'document':
      return block.source.type === 'text' ? block.source.data : '';
    default:
      return '';
  }
}

/** The content of a message as blocks, a string content being one text block. */
export function blocksOf(message: Anthropic.MessageParam): readonly Anthropic.ContentBlockParam[] {
  return typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
}
