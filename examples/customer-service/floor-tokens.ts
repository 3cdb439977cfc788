import type Anthropic from '@anthropic-ai/sdk';
import type { TokenCounter } from '@cairn/memory';

/** What every turn must carry whatever the policy: the system prompt, the tools and the task. */
export interface FixedPrompt {
  readonly system: string;
  readonly tools: readonly Anthropic.ToolUnion[];
}

/**
 * The `floor`: the input tokens a run would need if every turn carried only the system prompt, the tools,
 * the task (the first message) and the current ticket's own messages, those since the latest
 * `get_next_ticket` call. No policy that keeps the current ticket can go below it. `transcript` is the run's
 * whole, uncompacted history; each assistant message in it is one turn, whose request held everything before
 * it. Counted with `counter`, which the simulator also counts with: exact offline, an estimate against Claude.
 */
export function floorTokens(transcript: readonly Anthropic.MessageParam[], fixed: FixedPrompt, counter: TokenCounter): number {
  const [task, ...rest] = transcript;
  if (!task) return 0;
  const base = counter.system(fixed.system) + counter.tools(fixed.tools) + counter.messages([task]);
  let total = 0;
  let segment: Anthropic.MessageParam[] = [];
  for (const message of rest) {
    if (message.role === 'assistant') {
      total += base + counter.messages(segment);
      if (callsNextTicket(message)) segment = [];
    }
    segment.push(message);
  }
  return total;
}

function callsNextTicket(message: Anthropic.MessageParam): boolean {
  return typeof message.content !== 'string' && message.content.some((b) => b.type === 'tool_use' && b.name === 'get_next_ticket');
}
