/** The two loops the runtime benches compare, over any client: a bare loop of SDK calls, and `createAgent`. */

import type Anthropic from '@anthropic-ai/sdk';
import type { SessionStore } from '@cairn/memory';
import { runToolCalls } from '@cairn/tools';
import { createAgent, type ModelClient, withCacheBreakpoints } from '../src/index.ts';
import { DESK_SYSTEM, DESK_TASK, type DeskOptions, deskTools } from '../src/testing/desk-tools.ts';

export const MODEL = 'claude-sonnet-4-6';

/** What the loops work on: the desk's tickets renumbered in `batch` (see `deskTools`), or as they are. */
type Desk = Pick<DeskOptions, 'batch'>;

/** The desk worked by hand: call, run the tools, repeat. Sends what the agent sends, cache breakpoints included. */
export async function directLoop(client: ModelClient, desk: Desk = {}): Promise<number> {
  const tools = deskTools(desk);
  const messages: Anthropic.MessageParam[] = [{ role: 'user', content: DESK_TASK }];
  for (let turns = 1; ; turns++) {
    const prompt = withCacheBreakpoints({ system: DESK_SYSTEM, tools: tools.map((t) => t.definition), messages });
    const message = await client.messages.stream({ model: MODEL, max_tokens: 4_096, ...prompt }).finalMessage();
    messages.push({ role: 'assistant', content: message.content });
    const calls = message.content.filter((b) => b.type === 'tool_use');
    if (calls.length === 0) return turns;
    messages.push({ role: 'user', content: await runToolCalls(calls, tools) });
  }
}

/** The same desk through `createAgent`, saving each step to `store` if one is given. */
export async function agentLoop(
  client: ModelClient,
  { store, ...desk }: Desk & { store?: SessionStore } = {},
): Promise<number> {
  const agent = createAgent({
    client,
    model: MODEL,
    system: DESK_SYSTEM,
    tools: deskTools(desk),
    recall: false,
    ...(store && { store }),
  });
  return (await agent.run(DESK_TASK).result()).turns;
}
