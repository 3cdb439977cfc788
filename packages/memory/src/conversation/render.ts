import type Anthropic from '@anthropic-ai/sdk';

type Block = Anthropic.ContentBlockParam;

/** Longest tool input shown inline when a call is rendered as text. */
const MAX_INLINE_INPUT_CHARS = 400;

/** A message as plain lines of text: what a summarizer or the recall tool shows. */
function renderMessage(message: Anthropic.MessageParam): string {
  const content = typeof message.content === 'string' ? message.content : renderBlocks(message.content);
  return `${message.role}: ${content}`;
}

export function renderMessages(messages: readonly Anthropic.MessageParam[]): string {
  return messages.map(renderMessage).join('\n\n');
}

function renderBlocks(blocks: readonly Block[]): string {
  return blocks.map(renderBlock).filter(Boolean).join('\n');
}

/** A tool call as `name(input)`, the input shortened when long. */
export function renderToolCall(name: string, input: unknown): string {
  const json = JSON.stringify(input ?? {});
  const shown = json.length > MAX_INLINE_INPUT_CHARS ? `${json.slice(0, MAX_INLINE_INPUT_CHARS)}…` : json;
  return `${name}(${shown})`;
}

/** Text content of a tool result, whether a string or blocks. */
export function toolResultText(block: Anthropic.ToolResultBlockParam): string {
  const content = block.content;
  if (content === undefined) return '';
  if (typeof content === 'string') return content;
  return content.map((inner) => renderBlock(inner as Block)).join('\n');
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'text':
      return block.text;
    case 'tool_use':
      return `[tool call ${block.id}] ${renderToolCall(block.name, block.input)}`;
    case 'tool_result':
      return `[tool result ${block.tool_use_id}${block.is_error ? ' (error)' : ''}] ${toolResultText(block)}`;
    case 'thinking':
      return '';
    case 'image':
      return '[image]';
    case 'document':
      return block.source.type === 'text' ? block.source.data : '[document]';
    default:
      return `[${block.type}]`;
  }
}
