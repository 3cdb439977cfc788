import Anthropic from '@anthropic-ai/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { type Fault, type FaultPlan, pickFault } from './fault-plan.ts';
import { seededRandom } from './seeded-random.ts';
import { type Simulator, startSimulator } from './start-simulator.ts';

const body: Anthropic.MessageCreateParamsNonStreaming = {
  model: 'claude-haiku-4-5',
  max_tokens: 200,
  messages: [{ role: 'user', content: 'My order ORD-1 arrived damaged and the box was crushed. What should I do?' }],
};

let sim: Simulator | undefined;
afterEach(() => sim?.close());

async function connect(faults: FaultPlan, client: { maxRetries?: number; timeout?: number } = {}): Promise<Anthropic> {
  sim = await startSimulator({ faults });
  return new Anthropic({ baseURL: sim.baseURL, apiKey: 'test', maxRetries: 0, ...client });
}

const statuses = () => sim!.requests.map((r) => r.status);

describe('pickFault', () => {
  it('gives the scripted fault to the Nth request', () => {
    const plan: FaultPlan = { script: { 2: { type: 'overloaded' } } };
    expect([1, 2, 3].map((n) => pickFault(plan, n, Math.random)?.type)).toEqual([undefined, 'overloaded', undefined]);
  });

  it('draws random faults deterministically from a seed, at about their probability', () => {
    const plan: FaultPlan = {
      random: [
        { fault: { type: 'api_error' }, probability: 0.2 },
        { fault: { type: 'rate_limit' }, probability: 0.1 },
      ],
    };
    const draw = (seed: number) => {
      const rng = seededRandom(seed);
      return Array.from({ length: 2_000 }, (_, i) => pickFault(plan, i + 1, rng)?.type);
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    const errors = draw(7).filter((t) => t === 'api_error').length;
    expect(errors).toBeGreaterThan(340);
    expect(errors).toBeLessThan(460);
  });
});

describe('faults, seen through the SDK', () => {
  it('answers 429 with retry-after, which the SDK honours when retrying', async () => {
    const limited: Fault = { type: 'rate_limit', retryAfterSeconds: 0.05 };
    const client = await connect({ script: { 1: limited, 2: limited } });
    const error = await client.messages.create(body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    expect((error as InstanceType<typeof Anthropic.RateLimitError>).headers?.get('retry-after')).toBe('0.05');
    const message = await client.messages.create(body, { maxRetries: 1 });
    expect(message.type).toBe('message');
    expect(statuses()).toEqual([429, 429, 200]);
  });

  it('answers 529 overloaded_error', async () => {
    const client = await connect({ script: { 1: { type: 'overloaded' } } });
    const error = await client.messages.create(body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.OverloadedError);
    expect((error as InstanceType<typeof Anthropic.OverloadedError>).status).toBe(529);
  });

  it('answers 500 api_error, which the SDK retries', async () => {
    const client = await connect({ script: { 1: { type: 'api_error' } } }, { maxRetries: 1 });
    expect((await client.messages.create(body)).type).toBe('message');
    expect(statuses()).toEqual([500, 200]);
  });

  it('cuts a stream mid-message, so the stream fails after some text', async () => {
    const client = await connect({ script: { 1: { type: 'stream_cut', afterEvents: 4 } } });
    const stream = client.messages.stream(body);
    let text = '';
    stream.on('text', (delta) => {
      text += delta;
    });
    const error = await stream.finalMessage().catch((e: unknown) => e);
    expect(String(error)).toMatch(/terminated|aborted|socket/i);
    const full = await client.messages.create(body);
    const fullText = full.content[0]?.type === 'text' ? full.content[0].text : '';
    expect(text.length).toBeGreaterThan(0);
    expect(fullText.startsWith(text)).toBe(true);
    expect(text.length).toBeLessThan(fullText.length);
  });

  it('cuts a non-streaming response mid-body', async () => {
    const client = await connect({ script: { 1: { type: 'stream_cut' } } });
    await expect(client.messages.create(body)).rejects.toThrow();
  });

  it('delays the first byte, tripping a client timeout that a retry recovers from', async () => {
    const slow: Fault = { type: 'slow_first_byte', delayMs: 1_000 };
    const client = await connect({ script: { 1: slow, 2: slow } }, { timeout: 200 });
    await expect(client.messages.create(body)).rejects.toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
    expect((await client.messages.create(body, { maxRetries: 1 })).type).toBe('message');
    expect(sim!.requests.map((r) => r.fault)).toEqual(['slow_first_byte', 'slow_first_byte', undefined]);
  });
});
