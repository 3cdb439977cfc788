import type Anthropic from '@anthropic-ai/sdk';

type Message = Anthropic.MessageParam;

/** Ids of the `tool_use` blocks of an assistant message. */
export function toolUseIds(message: Message | undefined): string[] {
  const ids: string[] = [];
  if (message?.role !== 'assistant' || typeof message.content === 'string') return ids;
  // A loop, not `flatMap`: this runs several times a turn, and `flatMap` costs five times as much.
  for (const block of message.content) if (block.type === 'tool_use') ids.push(block.id);
  return ids;
}

/**
 * Why `message` cannot follow `previous` in a Messages API request, or `undefined` when it can.
 * Every problem is phrased as what to do about it.
 */
export function sequenceProblem(previous: Message | undefined, message: Message): string | undefined {
  if (message.role === 'system') {
    return 'a system message in the conversation; pass system instructions as the `system` option instead';
  }
  const blocks = typeof message.content === 'string' ? null : message.content;
  if (blocks ? blocks.length === 0 : message.content === '') {
    const who = message.role === 'user' ? 'a user' : 'an assistant';
    return `${who} message has no content; send at least one text block`;
  }
  if (!previous && message.role !== 'user') return 'the first message must be a user message';
  if (previous && previous.role === message.role) {
    return `two ${message.role} messages in a row; roles must alternate, so merge them into one message`;
  }
  const types = blocks?.map((b) => b.type) ?? [];
  if (message.role === 'user' && types.includes('tool_use')) {
    return 'a user message holds a tool_use block; tool calls belong in assistant messages';
  }
  if (message.role === 'assistant' && types.includes('tool_result')) {
    return 'an assistant message holds a tool_result block; results belong in the next user message';
  }
  if (message.role === 'assistant') {
    const ids = toolUseIds(message);
    if (new Set(ids).size !== ids.length) return 'two tool_use blocks share an id; give every call its own id';
    return undefined;
  }
  return toolResultProblem(toolUseIds(previous), blocks ?? []);
}

function toolResultProblem(expected: readonly string[], blocks: readonly Anthropic.ContentBlockParam[]) {
  const results: string[] = [];
  for (const block of blocks) if (block.type === 'tool_result') results.push(block.tool_use_id);
  for (const id of results) {
    if (!expected.includes(id)) return `tool_result ${id} answers no tool_use of the previous assistant message`;
  }
  if (new Set(results).size !== results.length) return 'two tool_result blocks answer the same tool_use';
  const missing = expected.filter((id) => !results.includes(id));
  if (missing.length > 0) {
    return `tool_use ${missing.join(', ')} has no tool_result; answer every call of the previous assistant message`;
  }
  const firstOther = blocks.findIndex((b) => b.type !== 'tool_result');
  if (firstOther !== -1 && firstOther < results.length) {
    return 'tool_result blocks must come before any other block in the user message';
  }
  return undefined;
}

/** Every problem of a whole request's messages; empty when the API would accept them. */
export function viewProblems(messages: readonly Message[]): string[] {
  const problems: string[] = [];
  messages.forEach((message, i) => {
    const problem = sequenceProblem(messages[i - 1], message);
    if (problem) problems.push(`message ${i}: ${problem}`);
  });
  return problems;
}
