import type Anthropic from '@anthropic-ai/sdk';
import type { Tool } from './define-tool.ts';
import { runToolCall, type ToolCall, type ToolCallContext } from './run-tool-call.ts';

/**
 * Runs a turn's tool calls in parallel and returns one `tool_result` block per call, in the calls' order,
 * ready to be sent back as the content of the next user message. Never throws; see {@link runToolCall}.
 *
 * @example
 * const calls = message.content.filter((block) => block.type === 'tool_use');
 * const results = await runToolCalls(calls, tools, { signal, offload: store.put });
 * messages.push({ role: 'user', content: results });
 */
export async function runToolCalls(
  calls: readonly ToolCall[],
  tools: readonly Tool[],
  context: ToolCallContext = {},
): Promise<Anthropic.ToolResultBlockParam[]> {
  const outcomes = await Promise.all(calls.map((call) => runToolCall(call, tools, context)));
  return outcomes.map((outcome) => outcome.result);
}
