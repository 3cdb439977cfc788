import Anthropic from '@anthropic-ai/sdk';
import { InMemorySessionStore } from '@cairn/memory';
import { startSimulator } from '@cairn/simulator';
import { defineTool } from '@cairn/tools';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { AgentError } from './agent-error.ts';
import { createAgent } from './create-agent.ts';
import { CONTINUE_PROMPT } from './run-decisions.ts';
import { DESK_SYSTEM, DESK_TASK, deskTools } from './testing/desk-tools.ts';
import { type ScriptedAnswer, startScriptedApi, text } from './testing/scripted-api.ts';

const MODEL = 'claude-sonnet-4-6';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function scripted(answers: ScriptedAnswer[]) {
  const api = await startScriptedApi(answers);
  closers.push(api.close);
  return { api, client: new Anthropic({ baseURL: api.baseURL, apiKey: 'test', maxRetries: 0 }) };
}

async function desk(options: Partial<Parameters<typeof createAgent>[0]> = {}) {
  const sim = await startSimulator();
  closers.push(sim.close);
  const client = new Anthropic({ baseURL: sim.baseURL, apiKey: 'test' });
  return createAgent({
    client,
    model: MODEL,
    system: DESK_SYSTEM,
    tools: deskTools(),
    recall: false,
    ...options,
  });
}

const call = (id: string): Anthropic.ToolUseBlock => ({
  type: 'tool_use',
  id,
  name: 'ping',
  input: {},
  caller: { type: 'direct' },
});
const ping = defineTool({ name: 'ping', description: 'Ping.', input: z.object({}), run: () => 'pong' });

describe('stop reasons and limits', () => {
  it('ends done on end_turn after running the tools asked for with tool_use', async () => {
    const { api, client } = await scripted([
      { content: [text('Pinging.'), call('toolu_1')], stopReason: 'tool_use' },
      { content: [text('All done.')], stopReason: 'end_turn' },
    ]);
    const result = await createAgent({ client, model: MODEL, tools: [ping], recall: false })
      .run('Ping.')
      .result();
    expect(result).toMatchObject({ status: 'done', stopReason: 'end_turn', text: 'All done.', turns: 2 });
    expect(api.requests[1]?.messages.at(-1)?.content).toMatchObject([
      { type: 'tool_result', tool_use_id: 'toolu_1', content: 'pong' },
    ]);
  });

  it('continues a reply cut at max_tokens and joins its parts, dropping a cut tool call', async () => {
    const { api, client } = await scripted([
      { content: [text('The first half, '), call('toolu_cut')], stopReason: 'max_tokens' },
      { content: [text('and the second.')], stopReason: 'end_turn' },
    ]);
    const result = await createAgent({ client, model: MODEL, tools: [ping], recall: false })
      .run('Write.')
      .result();
    expect(result).toMatchObject({ status: 'done', text: 'The first half, and the second.', turns: 2 });
    expect(api.requests[1]?.messages.slice(-2)).toMatchObject([
      { role: 'assistant', content: [{ type: 'text', text: 'The first half, ' }] },
      { role: 'user', content: [{ type: 'text', text: CONTINUE_PROMPT }] },
    ]);
  });

  it('asks the model to go on after pause_turn', async () => {
    const { client } = await scripted([
      { content: [text('Searching…')], stopReason: 'pause_turn' },
      { content: [text(' found it.')], stopReason: 'end_turn' },
    ]);
    const result = await createAgent({ client, model: MODEL, recall: false }).run('Search.').result();
    expect(result).toMatchObject({ status: 'done', text: 'Searching… found it.', turns: 2 });
  });

  it('stops on refusal with the refusal as its text', async () => {
    const { client } = await scripted([{ content: [text('I cannot help with that.')], stopReason: 'refusal' }]);
    const result = await createAgent({ client, model: MODEL, recall: false }).run('Do harm.').result();
    expect(result).toMatchObject({
      status: 'stopped',
      stopReason: 'refusal',
      text: 'I cannot help with that.',
    });
  });

  it('stops at maxIterations with every tool call answered', async () => {
    const agent = await desk({ maxIterations: 3 });
    const run = agent.run(DESK_TASK);
    const result = await run.result();
    expect(result).toMatchObject({ status: 'stopped', stopReason: 'max_iterations', turns: 3 });
  });

  it('stops when the cost budget is spent', async () => {
    const result = await (await desk({ budget: { maxCostUsd: 0.01 } })).run(DESK_TASK).result();
    expect(result.stopReason).toBe('max_cost');
    expect(result.costUsd).toBeGreaterThanOrEqual(0.01);
    expect(result.turns).toBeLessThan(10);
  });

  it('stops when the input-token budget is spent', async () => {
    const result = await (await desk({ budget: { maxInputTokens: 2_000 } })).run(DESK_TASK).result();
    expect(result.stopReason).toBe('max_input_tokens');
    expect(result.usage.total.totalInputTokens).toBeGreaterThanOrEqual(2_000);
  });

  it('ends stopped and aborted when its signal aborts, answering the tool call in flight', async () => {
    const controller = new AbortController();
    const agent = await desk();
    const run = agent.run(DESK_TASK, { signal: controller.signal });
    for await (const event of run) if (event.type === 'tool-result') controller.abort();
    const result = await run.result();
    expect(result).toMatchObject({ status: 'stopped', stopReason: 'aborted', turns: 1 });
  });

  it('fails with an AgentError that says how to resume when the API refuses the request', async () => {
    const { client } = await scripted([{ status: 400 }]);
    const store = new InMemorySessionStore();
    const run = createAgent({ client, model: MODEL, recall: false, store }).run('Hello.', { sessionId: 'broken' });
    const error = await run.result().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgentError);
    expect((error as AgentError).message).toContain('agent.resume("broken")');
    expect((error as AgentError).result).toMatchObject({ status: 'failed', stopReason: 'error' });
    const unsaved = await createAgent({ client, model: MODEL, recall: false })
      .run('Hello.')
      .result()
      .catch((e: unknown) => e);
    expect((unsaved as AgentError).message).toContain('has no store, so the run cannot be resumed');
  });
});
