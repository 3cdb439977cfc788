import type Anthropic from '@anthropic-ai/sdk';
import type { TokenCounter } from '@cairn/memory';

/** What every turn must carry whatever the policy: the system prompt and the tools. */
export interface FixedPrompt {
  readonly system: string;
  readonly tools: readonly Anthropic.ToolUnion[];
}

/**
 * The `floor`, turn by turn: the input tokens each turn would need if it carried only the system prompt,
 * the tools, the task (the first message) and the current ticket's own messages: those since the latest
 * `get_next_ticket` call, and once a ticket is marked complete only that last exchange, which tells the
 * agent to move on. No policy that keeps the current ticket can go below it. `transcript` is a run's
 * whole, uncompacted history; each assistant message in it is one turn, whose request held everything before
 * it. Counted with `counter`, as the simulator counts: exact offline, an estimate against Claude.
 */
export function floorTokens(
  transcript: readonly Anthropic.MessageParam[],
  fixed: FixedPrompt,
  counter: TokenCounter,
): number[] {
  const [task, ...rest] = transcript;
  if (!task) return [];
  const base = counter.system(fixed.system) + counter.tools(fixed.tools) + counter.messages([task]);
  const turns: number[] = [];
  let ticket: Anthropic.MessageParam[] = [];
  for (const message of rest) {
    if (message.role === 'assistant') {
      turns.push(base + counter.messages(ticket));
      if (calls(message, 'get_next_ticket') || calls(message, 'mark_complete')) ticket = [];
    }
    ticket.push(message);
  }
  return turns;
}

function calls(message: Anthropic.MessageParam, tool: string): boolean {
  return (
    typeof message.content !== 'string' &&
    message.content.some((block) => block.type === 'tool_use' && block.name === tool)
  );
}
