import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from './start-simulator.ts';

let sim: Simulator;
let client: Anthropic;
beforeAll(async () => {
  sim = await startSimulator();
  client = new Anthropic({ baseURL: sim.baseURL, apiKey: 'test', maxRetries: 0, timeout: 10_000 });
});
afterAll(() => sim.close());

const MODEL = 'claude-haiku-4-5';
const tool: Anthropic.Tool = { name: 'lookup', input_schema: { type: 'object' } };
const call: Anthropic.ToolUseBlockParam = { type: 'tool_use', id: 'toolu_1', name: 'lookup', input: {} };
const result = (id: string): Anthropic.ToolResultBlockParam => ({
  type: 'tool_result',
  tool_use_id: id,
  content: 'ok',
});
const marked = (text: string): Anthropic.TextBlockParam => ({
  type: 'text',
  text,
  cache_control: { type: 'ephemeral' },
});

const cases: [string, Partial<Anthropic.MessageCreateParamsNonStreaming>, RegExp][] = [
  [
    'a first message that is not from the user',
    {
      messages: [
        { role: 'assistant', content: 'Hi' },
        { role: 'user', content: 'Hi' },
      ],
    },
    /first message must use the "user" role/,
  ],
  [
    'two user turns in a row',
    {
      messages: [
        { role: 'user', content: 'a' },
        { role: 'user', content: 'b' },
      ],
    },
    /roles must alternate/,
  ],
  [
    'a tool_result that answers no tool_use',
    {
      messages: [
        { role: 'user', content: 'a' },
        { role: 'assistant', content: 'b' },
        { role: 'user', content: [result('toolu_9')] },
      ],
    },
    /unexpected `tool_use_id` found in `tool_result` blocks: toolu_9/,
  ],
  [
    'a tool_use not answered in the next message',
    {
      tools: [tool],
      messages: [
        { role: 'user', content: 'a' },
        { role: 'assistant', content: [call] },
        { role: 'user', content: 'b' },
      ],
    },
    /`tool_use` ids were found without `tool_result` blocks immediately after: toolu_1/,
  ],
  [
    'text before the tool results of a user message',
    {
      tools: [tool],
      messages: [
        { role: 'user', content: 'a' },
        { role: 'assistant', content: [call] },
        { role: 'user', content: [{ type: 'text', text: 'b' }, result('toolu_1')] },
      ],
    },
    /`tool_result` blocks must come first/,
  ],
  [
    'a final assistant message (prefill)',
    {
      messages: [
        { role: 'user', content: 'a' },
        { role: 'assistant', content: 'b' },
      ],
    },
    /does not support assistant prefill/,
  ],
  [
    'max_tokens above the model maximum',
    { max_tokens: 100_000 },
    /max_tokens: 100000 > 64000, which is the maximum allowed number of output tokens for claude-haiku-4-5/,
  ],
  ['a negative max_tokens', { max_tokens: -1 }, /max_tokens: Input should be a non-negative integer/],
  [
    'an empty text block',
    { messages: [{ role: 'user', content: [{ type: 'text', text: '' }] }] },
    /text content blocks must be non-empty/,
  ],
  ['no messages', { messages: [] }, /at least one message is required/],
  [
    'more than four cache breakpoints',
    {
      system: [marked('a'), marked('b'), marked('c')],
      messages: [{ role: 'user', content: [marked('d'), marked('e')] }],
    },
    /A maximum of 4 blocks with cache_control may be provided. Found 5./,
  ],
  ['duplicate tool names', { tools: [tool, tool] }, /Tool names must be unique/],
  [
    'a prompt over the context window',
    { messages: [{ role: 'user', content: 'lorem '.repeat(150_000) }] },
    /prompt is too long: \d+ tokens > 200000 maximum/,
  ],
];

describe('validation, seen through the SDK', () => {
  it.each(cases)('rejects %s with a 400 invalid_request_error', async (_, body, message) => {
    const error = await client.messages
      .create({ model: MODEL, max_tokens: 100, messages: [{ role: 'user', content: 'hi' }], ...body })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    const bad = error as InstanceType<typeof Anthropic.BadRequestError>;
    expect(bad.status).toBe(400);
    expect(bad.error).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    expect((bad.error as { error: { message: string } }).error.message).toMatch(message);
  });

  it('rejects an unknown model with a 404 not_found_error', async () => {
    const error = await client.messages
      .create({ model: 'claude-nonexistent-1', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.NotFoundError);
    expect((error as InstanceType<typeof Anthropic.NotFoundError>).error).toMatchObject({
      error: { type: 'not_found_error', message: 'model: claude-nonexistent-1' },
    });
  });

  it('validates count_tokens requests the same way', async () => {
    const error = await client.messages
      .countTokens({ model: MODEL, messages: [{ role: 'assistant', content: 'hi' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
  });

  it('answers a body that is not JSON, and an unknown route, in the API error shape', async () => {
    const notJson = await fetch(`${sim.baseURL}/v1/messages`, { method: 'POST', body: '{oops' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    const unknown = await fetch(`${sim.baseURL}/v1/complete`, { method: 'POST', body: '{}' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
  });
});
