import type Anthropic from '@anthropic-ai/sdk';
import type * as z from 'zod';
import type { Tool } from './define-tool.ts';
import { type CountTokens, estimateTokens } from './estimate-tokens.ts';
import { previewResult } from './preview-result.ts';
import { settle } from './settle.ts';

/** A call the model made: the fields of a `tool_use` block that matter here. */
export interface ToolCall {
  readonly id: string;
  readonly name: string;
  readonly input: unknown;
}

/** What running tool calls may use; every field is optional. */
export interface ToolCallContext {
  /** Aborts every call still running, for instance when the agent is stopped. */
  readonly signal?: AbortSignal;
  /** Keeps a result too large for its tool's `maxResultTokens` so that it can be fetched back by key. */
  readonly offload?: (key: string, content: string) => void | Promise<void>;
  /** @default (call) => `tool-result:${call.id}` */
  readonly offloadKey?: (call: ToolCall) => string;
  /** Measures results against `maxResultTokens`. @default estimateTokens */
  readonly countTokens?: CountTokens;
}

/** How one call ended, with the `tool_result` block to send back in every case. */
export type ToolCallOutcome = { readonly result: Anthropic.ToolResultBlockParam } & (
  | { readonly type: 'ok'; readonly offloadError?: unknown }
  | { readonly type: 'offloaded'; readonly key: string; readonly tokens: number }
  | { readonly type: 'invalid-input'; readonly issues: readonly z.core.$ZodIssue[] }
  | { readonly type: 'unknown-tool' }
  | { readonly type: 'failed'; readonly error: unknown }
  | { readonly type: 'timed-out'; readonly timeoutMs: number }
  | { readonly type: 'aborted' }
);

const defaultOffloadKey = (call: ToolCall) => `tool-result:${call.id}`;

/**
 * Runs one call: finds the tool, validates the input, runs the handler under its timeout and the context's
 * signal, and offloads a result over the tool's `maxResultTokens`. Never throws: every failure becomes an
 * `is_error` result whose text tells the model what happened and what to do.
 */
export async function runToolCall(
  call: ToolCall,
  tools: readonly Tool[],
  context: ToolCallContext = {},
): Promise<ToolCallOutcome> {
  const tool = tools.find((candidate) => candidate.name === call.name);
  if (tool === undefined) {
    const names = tools.map(({ name }) => name).join(', ') || 'none';
    const text = `There is no tool named "${call.name}". Available tools: ${names}. Call one of them by its exact name.`;
    return { type: 'unknown-tool', result: errorResult(call, text) };
  }
  const parsed = tool.input.safeParse(call.input);
  if (!parsed.success) {
    const { issues } = parsed.error;
    return { type: 'invalid-input', issues, result: errorResult(call, invalidInputText(tool.name, issues)) };
  }
  if (context.signal?.aborted) return aborted(call, tool);

  const settlement = await settle(
    (signal) =>
      tool.run(parsed.data, {
        toolUseId: call.id,
        get signal() {
          return signal();
        },
      }),
    tool.timeoutMs,
    context.signal,
  );
  switch (settlement.type) {
    case 'returned':
      return deliver(call, tool, settlement.value, context);
    case 'threw':
      return failed(call, settlement.error, `${tool.name} failed: ${messageOf(settlement.error)}`);
    case 'timed-out': {
      const text = `${tool.name} did not finish within ${tool.timeoutMs} ms and was stopped. Call it again if the result is needed, or go on without it.`;
      return { type: 'timed-out', timeoutMs: tool.timeoutMs, result: errorResult(call, text) };
    }
    case 'aborted':
      return aborted(call, tool);
  }
}

async function deliver(call: ToolCall, tool: Tool, value: unknown, context: ToolCallContext): Promise<ToolCallOutcome> {
  let text: string | undefined;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value);
  } catch (error) {
    return failed(call, error, `${tool.name} failed: its result could not be turned into JSON (${messageOf(error)}).`);
  }
  const result: Anthropic.ToolResultBlockParam = {
    type: 'tool_result',
    tool_use_id: call.id,
    ...(text !== undefined && { content: text }),
  };
  const { maxResultTokens } = tool;
  const { offload, countTokens = estimateTokens, offloadKey = defaultOffloadKey } = context;
  if (text === undefined || maxResultTokens === undefined || offload === undefined) {
    return { type: 'ok', result };
  }

  const tokens = countTokens(text);
  if (tokens <= maxResultTokens) return { type: 'ok', result };
  const key = offloadKey(call);
  try {
    await offload(key, text);
  } catch (offloadError) {
    // The whole result is still better than a preview pointing at a key that holds nothing.
    return { type: 'ok', result, offloadError };
  }
  const content = previewResult(text, key, tokens, maxResultTokens, countTokens);
  return { type: 'offloaded', key, tokens, result: { ...result, content } };
}

function invalidInputText(name: string, issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.map((issue) => `- ${issue.path.map(String).join('.') || '(input)'}: ${issue.message}`);
  return `Invalid input for ${name}:\n${lines.join('\n')}\nFix these fields and call ${name} again.`;
}

function failed(call: ToolCall, error: unknown, text: string): ToolCallOutcome {
  return { type: 'failed', error, result: errorResult(call, text) };
}

function aborted(call: ToolCall, tool: Tool): ToolCallOutcome {
  return {
    type: 'aborted',
    result: errorResult(call, `${tool.name} was cancelled because the run was stopped.`),
  };
}

function errorResult(call: ToolCall, text: string): Anthropic.ToolResultBlockParam {
  return { type: 'tool_result', tool_use_id: call.id, content: text, is_error: true };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
