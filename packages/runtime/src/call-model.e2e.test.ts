import Anthropic from '@anthropic-ai/sdk';
import { startSimulator } from '@cairn/simulator';
import { describe, expect, it } from 'vitest';
import { callModel, isTransient } from './call-model.ts';
import { modelSummarizer } from './model-summarizer.ts';
import { startScriptedApi, text } from './testing/scripted-api.ts';

const PARAMS = {
  model: 'claude-sonnet-4-6',
  max_tokens: 200,
  messages: [{ role: 'user' as const, content: 'Hello there.' }],
};

describe('callModel and modelSummarizer through the real SDK', () => {
  it('backs off and retries 529s the SDK gave up on, and streams cut mid-message', async () => {
    const sim = await startSimulator({
      faults: { script: { 1: { type: 'overloaded' }, 2: { type: 'stream_cut' }, 3: { type: 'overloaded' } } },
    });
    const client = new Anthropic({ baseURL: sim.baseURL, apiKey: 'test', maxRetries: 0 });
    const waits: number[] = [];
    const retries: number[] = [];
    const message = await callModel(
      client,
      PARAMS,
      { onRetry: (attempt) => retries.push(attempt) },
      { baseDelayMs: 100, sleep: async (ms) => void waits.push(ms) },
    );
    expect(message.stop_reason).toBe('end_turn');
    expect(retries).toEqual([1, 2, 3]);
    expect(waits).toEqual([100, 200, 400]);
    await sim.close();
  });

  it('gives up after its attempts and rethrows the last error', async () => {
    const sim = await startSimulator({
      faults: { random: [{ fault: { type: 'overloaded' }, probability: 1 }] },
    });
    const client = new Anthropic({ baseURL: sim.baseURL, apiKey: 'test', maxRetries: 0 });
    const call = callModel(client, PARAMS, {}, { attempts: 2, sleep: async () => {} });
    await expect(call).rejects.toMatchObject({ status: 529 });
    expect(sim.requests).toHaveLength(3);
    await sim.close();
  });

  it('treats bad requests and aborts as final, and overload and broken streams as transient', () => {
    expect(isTransient(new Anthropic.APIUserAbortError())).toBe(false);
    expect(isTransient(Anthropic.APIError.generate(400, undefined, 'bad', new Headers()))).toBe(false);
    expect(isTransient(Anthropic.APIError.generate(529, undefined, 'overloaded', new Headers()))).toBe(true);
    expect(isTransient(new Anthropic.AnthropicError('terminated'))).toBe(true);
  });

  it('reports a summary cut at max_tokens faithfully, with its usage', async () => {
    const api = await startScriptedApi([
      { content: [text('TKT-0001 was billing and')], stopReason: 'max_tokens' },
      { content: [text('TKT-0001 was billing and resolved.')], stopReason: 'end_turn' },
    ]);
    const client = new Anthropic({ baseURL: api.baseURL, apiKey: 'test' });
    const results: string[] = [];
    const summarizer = modelSummarizer({
      client,
      model: 'claude-haiku-4-5',
      onResult: (r) => results.push(r.stopReason),
    });
    const request = {
      messages: [{ role: 'user' as const, content: 'TKT-0001 is a billing ticket.' }],
      prompt: 'Keep ticket ids.',
      maxTokens: 300,
    };
    const cut = await summarizer.summarize(request);
    const whole = await summarizer.summarize(request);
    expect(cut).toMatchObject({
      stopReason: 'max_tokens',
      model: 'claude-haiku-4-5',
      usage: { inputTokens: 100, outputTokens: 10 },
    });
    expect(whole).toMatchObject({ stopReason: 'end_turn', text: 'TKT-0001 was billing and resolved.' });
    expect(results).toEqual(['max_tokens', 'end_turn']);
    expect(api.requests[0]).toMatchObject({ model: 'claude-haiku-4-5', max_tokens: 300 });
    expect(JSON.stringify(api.requests[0]?.messages)).toContain('Keep ticket ids.');
    await api.close();
  });
});
