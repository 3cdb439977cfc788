import type Anthropic from '@anthropic-ai/sdk';

type System = string | Anthropic.TextBlockParam[];

/** The parts of a request that prompt caching reads, in its order: tools, system, messages. */
export interface CacheablePrompt {
  readonly system?: System | undefined;
  readonly tools: readonly Anthropic.ToolUnion[];
  readonly messages: readonly Anthropic.MessageParam[];
}

const EPHEMERAL = { type: 'ephemeral' } as const;

/**
 * Marks three `cache_control` breakpoints (the API allows four): the end of the stable prefix (system, or
 * the last tool without one), the last message (the moving tail, written for the next turn), and the
 * previous request's tail (the user message before it, read from the cache even when the new tail adds
 * more than the 20 blocks the API looks back). Copies what it marks; the inputs are left untouched.
 */
export function withCacheBreakpoints(prompt: CacheablePrompt): {
  system?: System;
  tools: Anthropic.ToolUnion[];
  messages: Anthropic.MessageParam[];
} {
  const tools = [...prompt.tools];
  const system = prompt.system === undefined || prompt.system.length === 0 ? undefined : markSystem(prompt.system);
  if (system === undefined && tools.length > 0)
    tools[tools.length - 1] = { ...tools.at(-1)!, cache_control: EPHEMERAL };
  const messages = [...prompt.messages];
  const last = messages.length - 1;
  for (const index of [last, last - 2]) {
    if (index >= 0 && messages[index]!.role === 'user') messages[index] = markMessage(messages[index]!);
  }
  return system === undefined ? { tools, messages } : { system, tools, messages };
}

function markSystem(system: System): Anthropic.TextBlockParam[] {
  const blocks = typeof system === 'string' ? [{ type: 'text' as const, text: system }] : [...system];
  blocks[blocks.length - 1] = { ...blocks.at(-1)!, cache_control: EPHEMERAL };
  return blocks;
}

function markMessage(message: Anthropic.MessageParam): Anthropic.MessageParam {
  const blocks: Anthropic.ContentBlockParam[] =
    typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : [...message.content];
  const lastBlock = blocks.at(-1);
  if (lastBlock === undefined || lastBlock.type === 'thinking' || lastBlock.type === 'redacted_thinking')
    return message;
  blocks[blocks.length - 1] = { ...lastBlock, cache_control: EPHEMERAL };
  return { ...message, content: blocks } as Anthropic.MessageParam;
}
