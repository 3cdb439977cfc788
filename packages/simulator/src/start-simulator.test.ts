import Anthropic from '@anthropic-ai/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { type Simulator, type SimulatorOptions, startSimulator } from './start-simulator.ts';
import { DESK_SYSTEM, DESK_TOOLS } from './testing/desk-fixture.ts';

const MODEL = 'claude-sonnet-4-6';
let sim: Simulator | undefined;
afterEach(() => sim?.close());

async function connect(options: SimulatorOptions = {}): Promise<Anthropic> {
  sim = await startSimulator(options);
  return new Anthropic({ baseURL: sim.baseURL, apiKey: 'test', maxRetries: 0 });
}

const desk: Anthropic.MessageCreateParamsNonStreaming = {
  model: MODEL,
  max_tokens: 1_024,
  system: DESK_SYSTEM,
  tools: DESK_TOOLS,
  messages: [
    { role: 'user', content: 'Please process every ticket in the queue.' },
    { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_a', name: 'get_next_ticket', input: {} }] },
    {
      role: 'user',
      content: [
        {
          type: 'tool_result',
          tool_use_id: 'toolu_a',
          content: '{"id":"TKT-0042","subject":"Refund please","description":"I was charged twice."}',
        },
      ],
    },
  ],
};

/** A system prompt well over every model's minimum cacheable length, with a breakpoint at its end. */
const cachedSystem = (variant: string): Anthropic.TextBlockParam[] => [
  {
    type: 'text',
    text: `${variant} ${'Support policies: refunds within 30 days, replies within one business day. '.repeat(120)}`,
    cache_control: { type: 'ephemeral' },
  },
];

describe('startSimulator, through the real SDK', () => {
  it('answers a non-streaming request with a message in the API shape', async () => {
    const client = await connect();
    const message = await client.messages.create(desk);
    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: MODEL,
      stop_reason: 'tool_use',
    });
    expect(message.content.at(-1)).toMatchObject({
      type: 'tool_use',
      name: 'classify_ticket',
      input: { ticket_id: 'TKT-0042', category: 'billing' },
    });
    expect(message.usage.input_tokens).toBeGreaterThan(0);
    expect(message.usage.output_tokens).toBeGreaterThan(0);
  });

  it('streams the same message as server-sent events, tool input as input_json_delta', async () => {
    const client = await connect();
    const stream = client.messages.stream(desk);
    const types: string[] = [];
    let json = '';
    stream.on('streamEvent', (event) => {
      types.push(event.type === 'content_block_delta' ? event.delta.type : event.type);
    });
    stream.on('inputJson', (partial) => {
      json += partial;
    });
    const streamed = await stream.finalMessage();
    expect(types[0]).toBe('message_start');
    expect(types.slice(-2)).toEqual(['message_delta', 'message_stop']);
    expect(types).toContain('text_delta');
    expect(types.filter((t) => t === 'input_json_delta').length).toBeGreaterThan(1);
    expect(JSON.parse(json)).toEqual({ ticket_id: 'TKT-0042', category: 'billing' });
    const { id: _, ...rest } = await client.messages.create(desk);
    expect(streamed).toMatchObject({ ...rest, id: expect.stringMatching(/^msg_/) });
  });

  it('counts tokens as the input usage of the same request', async () => {
    const client = await connect();
    const { input_tokens } = await client.messages.countTokens({
      model: MODEL,
      system: desk.system!,
      tools: DESK_TOOLS,
      messages: desk.messages,
    });
    const { usage } = await client.messages.create(desk);
    expect(input_tokens).toBe(
      usage.input_tokens + (usage.cache_read_input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0),
    );
  });

  it('reads the cache on a repeated prefix and writes it again after a change', async () => {
    let now = 0;
    const client = await connect({ clock: () => now });
    const ask = (variant: string) =>
      client.messages.create({
        model: MODEL,
        max_tokens: 100,
        system: cachedSystem(variant),
        messages: [{ role: 'user', content: 'Hello?' }],
      });
    const first = (await ask('v1')).usage;
    expect(first.cache_creation_input_tokens).toBeGreaterThan(1_024);
    expect(first.cache_read_input_tokens).toBe(0);
    const second = (await ask('v1')).usage;
    expect(second).toMatchObject({
      cache_read_input_tokens: first.cache_creation_input_tokens,
      cache_creation_input_tokens: 0,
      input_tokens: first.input_tokens,
    });
    const changed = (await ask('v2')).usage;
    expect(changed).toMatchObject({ cache_read_input_tokens: 0 });
    expect(changed.cache_creation_input_tokens).toBeGreaterThan(1_024);
    now += 6 * 60_000;
    expect((await ask('v2')).usage).toMatchObject({
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: changed.cache_creation_input_tokens,
    });
  });

  it('reads the cache up to the previous turn when the breakpoint moves with the conversation', async () => {
    const client = await connect();
    const turn = (messages: Anthropic.MessageParam[]) =>
      client.messages.create({ model: MODEL, max_tokens: 100, system: cachedSystem('v1'), messages });
    const tail = (text: string): Anthropic.TextBlockParam[] => [
      { type: 'text', text, cache_control: { type: 'ephemeral' } },
    ];
    const first = await turn([{ role: 'user', content: tail('What are the refund rules?') }]);
    const second = await turn([
      { role: 'user', content: 'What are the refund rules?' },
      { role: 'assistant', content: first.content as Anthropic.TextBlockParam[] },
      { role: 'user', content: tail('And reply times?') },
    ]);
    expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
    expect(second.usage.cache_creation_input_tokens).toBeGreaterThan(0);
  });

  it('answers from what the request holds: a fact taken out of the request is gone from the answer', async () => {
    const client = await connect();
    const ask = (history: string) =>
      client.messages.create({
        model: MODEL,
        max_tokens: 200,
        messages: [
          { role: 'user', content: history },
          { role: 'assistant', content: 'Thank you, I have noted that.' },
          { role: 'user', content: 'Which warehouse ships my grinder?' },
        ],
      });
    const text = (m: Anthropic.Message) => (m.content[0]?.type === 'text' ? m.content[0].text : '');
    const withFact = await ask('My grinder ships from the Oregon warehouse. The scale ships from Ohio.');
    expect(text(withFact)).toContain('Oregon');
    expect(text(await ask('The scale ships from Ohio.'))).not.toContain('Oregon');
    expect(text(await ask('My grinder ships from the Oregon warehouse. The scale ships from Ohio.'))).toBe(
      text(withFact),
    );
  });

  it("fits a summary within max_tokens by the model's own token count", async () => {
    const client = await connect();
    const facts = Array.from({ length: 200 }, (_, i) => `Order ORD-${100 + i} ships on day ${i + 1}.`).join(' ');
    const summary = await client.messages.create({
      model: 'claude-opus-4-7',
      max_tokens: 600,
      messages: [
        { role: 'user', content: facts },
        { role: 'assistant', content: 'Thank you, I have noted that.' },
        { role: 'user', content: 'Summarize the conversation.' },
      ],
    });
    expect(summary.stop_reason).toBe('end_turn');
    expect(summary.usage.output_tokens).toBeLessThanOrEqual(600);
    expect(summary.usage.output_tokens).toBeGreaterThan(450);
  });

  it('gives the same answer to the same request, and records every request', async () => {
    const client = await connect();
    const a = await client.messages.create(desk);
    const b = await client.messages.create(desk);
    expect(b.content).toEqual(a.content);
    expect(sim!.requests.map((r) => [r.path, r.status])).toEqual([
      ['/v1/messages', 200],
      ['/v1/messages', 200],
    ]);
    expect(sim!.requests[0]!.usage).toEqual(a.usage);
  });
});
