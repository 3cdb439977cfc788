import type Anthropic from '@anthropic-ai/sdk';
import { ApiError } from './api-error.ts';
import { type ModelSpec, modelSpec } from './model-specs.ts';
import { isObject } from './parse-json.ts';

/** A request that passed validation: what the model and the cache accounting read. */
export interface SimRequest {
  readonly model: string;
  readonly spec: ModelSpec;
  /** `max_tokens`; 0 for `count_tokens`, which has none. */
  readonly maxTokens: number;
  readonly system: string | readonly Anthropic.TextBlockParam[] | undefined;
  readonly tools: readonly Anthropic.ToolUnion[];
  readonly messages: readonly Anthropic.MessageParam[];
  readonly stream: boolean;
  /** Top-level `cache_control`: a breakpoint on the last block of the prompt. */
  readonly cacheControl: Anthropic.CacheControlEphemeral | undefined;
}

/** At most this many `cache_control` breakpoints per request, as the API allows. */
export const MAX_CACHE_BREAKPOINTS = 4;

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,128}$/;

/**
 * Checks a `POST /v1/messages` (`kind: 'create'`) or `/v1/messages/count_tokens` body the way the API does
 * and returns it typed, or throws the `ApiError` the API would answer with. Stricter than the API in two
 * documented ways: consecutive turns of one role are rejected (the API merges them; Cairn's views must
 * alternate), and so is a final assistant message (prefill).
 */
export function validateRequest(body: unknown, kind: 'create' | 'count'): SimRequest {
  if (!isObject(body)) throw ApiError.invalid('The request body must be a JSON object.');
  const model = body.model;
  if (typeof model !== 'string') throw ApiError.invalid('model: Field required');
  const spec = modelSpec(model);
  if (!spec) throw new ApiError(404, 'not_found_error', `model: ${model}`);
  const maxTokens = kind === 'create' ? checkMaxTokens(body.max_tokens, model, spec) : 0;
  if (body.stream !== undefined && typeof body.stream !== 'boolean') {
    throw ApiError.invalid('stream: Input should be a valid boolean');
  }
  const { temperature } = body;
  if (temperature !== undefined && (typeof temperature !== 'number' || temperature < 0 || temperature > 1)) {
    throw ApiError.invalid('temperature: Input should be a number between 0 and 1');
  }
  const system = checkSystem(body.system);
  const tools = checkTools(body.tools);
  const messages = checkMessages(body.messages);
  const cacheControl = isObject(body.cache_control)
    ? (body.cache_control as unknown as Anthropic.CacheControlEphemeral)
    : undefined;
  const blocks = [...tools, ...(typeof system === 'string' ? [] : (system ?? [])), ...messages.flatMap(contentBlocks)];
  const breakpoints =
    blocks.filter((b) => isObject((b as { cache_control?: unknown }).cache_control)).length + (cacheControl ? 1 : 0);
  if (breakpoints > MAX_CACHE_BREAKPOINTS) {
    throw ApiError.invalid(
      `A maximum of ${MAX_CACHE_BREAKPOINTS} blocks with cache_control may be provided. Found ${breakpoints}.`,
    );
  }
  return { model, spec, maxTokens, system, tools, messages, stream: body.stream === true, cacheControl };
}

function checkMaxTokens(value: unknown, model: string, spec: ModelSpec): number {
  if (value === undefined) throw ApiError.invalid('max_tokens: Field required');
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw ApiError.invalid('max_tokens: Input should be a non-negative integer');
  }
  if (value > spec.maxOutputTokens) {
    throw ApiError.invalid(
      `max_tokens: ${value} > ${spec.maxOutputTokens}, which is the maximum allowed number of output tokens for ${model}`,
    );
  }
  return value;
}

function checkSystem(system: unknown): SimRequest['system'] {
  if (system === undefined || typeof system === 'string') return system;
  if (!Array.isArray(system)) {
    throw ApiError.invalid('system: Input should be a string or a list of text blocks');
  }
  system.forEach((block, i) => {
    if (!isObject(block) || block.type !== 'text' || typeof block.text !== 'string') {
      throw ApiError.invalid(`system.${i}: Input should be a text block`);
    }
  });
  return system as Anthropic.TextBlockParam[];
}

function checkTools(tools: unknown): Anthropic.ToolUnion[] {
  if (tools === undefined) return [];
  if (!Array.isArray(tools)) throw ApiError.invalid('tools: Input should be a valid list');
  const names = new Set<string>();
  tools.forEach((tool, i) => {
    if (!isObject(tool) || typeof tool.name !== 'string' || !TOOL_NAME.test(tool.name)) {
      throw ApiError.invalid(`tools.${i}.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'`);
    }
    if (names.has(tool.name)) throw ApiError.invalid('tools: Tool names must be unique.');
    names.add(tool.name);
    const custom = tool.type === undefined || tool.type === null || tool.type === 'custom';
    if (custom && (!isObject(tool.input_schema) || tool.input_schema.type !== 'object')) {
      throw ApiError.invalid(`tools.${i}.custom.input_schema.type: Input should be 'object'`);
    }
  });
  return tools as Anthropic.ToolUnion[];
}

function checkMessages(messages: unknown): Anthropic.MessageParam[] {
  if (!Array.isArray(messages)) throw ApiError.invalid('messages: Field required');
  if (messages.length === 0) throw ApiError.invalid('messages: at least one message is required');
  messages.forEach(checkMessage);
  const typed = messages as Anthropic.MessageParam[];
  if (typed[0]!.role !== 'user') throw ApiError.invalid('messages: first message must use the "user" role');
  for (let i = 1; i < typed.length; i++) {
    if (typed[i]!.role === typed[i - 1]!.role) {
      throw ApiError.invalid(
        `messages.${i}: roles must alternate between "user" and "assistant", but found multiple "${typed[i]!.role}" roles in a row`,
      );
    }
  }
  checkToolPairs(typed);
  if (typed.at(-1)!.role !== 'user') {
    throw ApiError.invalid(
      'messages: the simulated model does not support assistant prefill; the last message must use the "user" role',
    );
  }
  return typed;
}

function checkMessage(message: unknown, i: number): void {
  if (!isObject(message)) throw ApiError.invalid(`messages.${i}: Input should be an object`);
  if (message.role !== 'user' && message.role !== 'assistant') {
    throw ApiError.invalid(
      `messages.${i}.role: Input should be 'user' or 'assistant' (put instructions in the top-level \`system\` parameter)`,
    );
  }
  const content = message.content;
  if (typeof content === 'string') {
    if (content.length === 0) throw ApiError.invalid(`messages.${i}: all messages must have non-empty content`);
    return;
  }
  if (!Array.isArray(content)) {
    throw ApiError.invalid(`messages.${i}.content: Input should be a string or a list`);
  }
  if (content.length === 0) throw ApiError.invalid(`messages.${i}: all messages must have non-empty content`);
  content.forEach((block, j) => {
    checkBlock(block, `messages.${i}.content.${j}`, message.role as string);
  });
  const firstOther = content.findIndex((b) => isObject(b) && b.type !== 'tool_result');
  if (firstOther >= 0 && content.slice(firstOther).some((b) => isObject(b) && b.type === 'tool_result')) {
    throw ApiError.invalid(
      `messages.${i}: \`tool_result\` blocks must come first in the content of a user message, before any text`,
    );
  }
}

function checkBlock(block: unknown, path: string, role: string): void {
  if (!isObject(block) || typeof block.type !== 'string') {
    throw ApiError.invalid(`${path}: Input should be a content block`);
  }
  if (block.type === 'text' && (typeof block.text !== 'string' || block.text.length === 0)) {
    throw ApiError.invalid(`${path}.text: text content blocks must be non-empty`);
  }
  if (block.type === 'tool_use') {
    if (role !== 'assistant') {
      throw ApiError.invalid(`${path}: \`tool_use\` blocks may only appear in assistant messages`);
    }
    if (typeof block.id !== 'string' || typeof block.name !== 'string' || !isObject(block.input)) {
      throw ApiError.invalid(
        `${path}: \`tool_use\` blocks need a string \`id\`, a string \`name\` and an object \`input\``,
      );
    }
  }
  if (block.type === 'tool_result') {
    if (role !== 'user') {
      throw ApiError.invalid(`${path}: \`tool_result\` blocks may only appear in user messages`);
    }
    if (typeof block.tool_use_id !== 'string') throw ApiError.invalid(`${path}.tool_use_id: Field required`);
  }
}

/** Every `tool_use` is answered in the very next message, and every `tool_result` answers one there. */
function checkToolPairs(messages: readonly Anthropic.MessageParam[]): void {
  const seen = new Set<string>();
  messages.forEach((message, i) => {
    const blocks = contentBlocks(message);
    if (message.role === 'assistant') {
      const ids = blocks.flatMap((b) => (b.type === 'tool_use' ? [b.id] : []));
      for (const id of ids) {
        if (seen.has(id)) {
          throw ApiError.invalid(`messages.${i}: \`tool_use\` ids must be unique, found ${id} twice`);
        }
        seen.add(id);
      }
      const next = messages[i + 1];
      const answered = new Set(
        next ? contentBlocks(next).flatMap((b) => (b.type === 'tool_result' ? [b.tool_use_id] : [])) : [],
      );
      const missing = ids.filter((id) => !answered.has(id));
      if (missing.length > 0) {
        throw ApiError.invalid(
          `messages.${i}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`,
        );
      }
      return;
    }
    const previous = messages[i - 1];
    const asked = new Set(
      previous ? contentBlocks(previous).flatMap((b) => (b.type === 'tool_use' ? [b.id] : [])) : [],
    );
    blocks.forEach((b, j) => {
      if (b.type === 'tool_result' && !asked.has(b.tool_use_id)) {
        throw ApiError.invalid(
          `messages.${i}.content.${j}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${b.tool_use_id}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`,
        );
      }
    });
  });
}

/** A message's blocks; a string content holds none that matter here (no tools, no breakpoints). */
function contentBlocks(message: Anthropic.MessageParam): readonly Anthropic.ContentBlockParam[] {
  return typeof message.content === 'string' ? [] : message.content;
}
