import type { BetaClientRunnableToolType, BetaRunnableTool } from '@anthropic-ai/sdk/lib/tools/BetaRunnableTool';
import { ToolError } from '@anthropic-ai/sdk/lib/tools/ToolError';
import type { Tool } from './define-tool.ts';
import { runToolCall, type ToolCallContext } from './run-tool-call.ts';

/**
 * Adapts a Cairn tool to the SDK's runnable-tool shape, so that it also runs under the SDK's own
 * `client.beta.messages.toolRunner`. Calls go through {@link runToolCall}: the same validation messages,
 * timeout, abort and offloading as in `runToolCalls`.
 *
 * @example
 * const runner = client.beta.messages.toolRunner({ model, max_tokens, messages, tools: tools.map((t) => toRunnableTool(t)) });
 */
export function toRunnableTool(tool: Tool, context: ToolCallContext = {}): BetaRunnableTool<unknown> {
  return {
    // The API fields of a definition are the same in the beta and the stable types.
    ...(tool.definition as BetaClientRunnableToolType),
    // Validation happens in `run`, so that a bad input gets Cairn's message rather than a thrown ZodError.
    parse: (input) => input,
    run: async (input, runContext) => {
      const signal = runContext?.signal ?? context.signal;
      const call = { id: runContext?.toolUse.id ?? '', name: tool.name, input };
      const { result } = await runToolCall(call, [tool], { ...context, ...(signal && { signal }) });
      const content = result.content ?? '';
      if (result.is_error) throw new ToolError(content);
      return content;
    },
  };
}
