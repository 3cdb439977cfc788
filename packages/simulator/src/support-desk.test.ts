import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReport } from './final-report.ts';
import { type Simulator, startSimulator } from './start-simulator.ts';
import { EXPECTED_REPORT, runDesk, type Send } from './testing/desk-fixture.ts';

let sim: Simulator;
let client: Anthropic;
beforeAll(async () => {
  sim = await startSimulator();
  client = new Anthropic({ baseURL: sim.baseURL, apiKey: 'test', maxRetries: 0 });
});
afterAll(() => sim.close());

const lines = (report: string) =>
  parseReport(report).map((l) => `${l.id} | ${l.category} | ${l.priority} | ${l.team} | ${l.outcome}`);

/** Streams each turn, with breakpoints on the last tool and on the last block of the conversation. */
const streamWithCaching: Send = (body) => {
  const tools = body.tools!.map((t, i, all) =>
    i === all.length - 1 ? { ...t, cache_control: { type: 'ephemeral' as const } } : t,
  );
  const messages = body.messages.map((m, i, all) => {
    if (i < all.length - 1 || typeof m.content === 'string') return m;
    const content = m.content.map((b, j) =>
      j === m.content.length - 1 ? { ...b, cache_control: { type: 'ephemeral' as const } } : b,
    );
    return { ...m, content } as Anthropic.MessageParam;
  });
  return client.messages.stream({ ...body, tools, messages }).finalMessage();
};

describe('the support desk over loopback', () => {
  it('works the queue through streamed turns, reading the prompt cache once the prefix is long enough', async () => {
    const before = sim.requests.length;
    const run = await runDesk(streamWithCaching, { memory: true });
    expect(lines(run.report)).toEqual(EXPECTED_REPORT);
    const usage = sim.requests.slice(before).map((r) => r.usage!);
    const reads = usage.reduce((sum, u) => sum + (u.cache_read_input_tokens ?? 0), 0);
    const writes = usage.reduce((sum, u) => sum + (u.cache_creation_input_tokens ?? 0), 0);
    const uncached = usage.reduce((sum, u) => sum + u.input_tokens, 0);
    expect(reads).toBeGreaterThan(writes);
    expect(reads).toBeGreaterThan(uncached);
  });

  /** Runs the desk, replacing the history with a summary of its first 21 messages, as the cookbook did. */
  async function compactedRun(summaryTokens: number): Promise<string[]> {
    const send: Send = (body) => client.messages.create(body);
    const { history } = await runDesk(send);
    const asked = await client.messages.create({
      model: 'claude-haiku-4-5',
      max_tokens: summaryTokens,
      messages: [
        ...history.slice(0, 20),
        {
          role: 'user',
          content: [
            ...(history[20]!.content as Anthropic.ContentBlockParam[]),
            { type: 'text', text: 'Write a continuation summary. Wrap it in <summary></summary> tags.' },
          ],
        },
      ],
    });
    const summary = asked.content[0]?.type === 'text' ? asked.content[0].text : '';
    expect(asked.stop_reason).toBe('end_turn');
    expect(summary).toMatch(/^<summary>[\s\S]*<\/summary>$/);
    const resumed = await runDesk(send, {
      view: (h) =>
        h.length <= 21 ? [...h] : [{ role: 'user', content: `${summary}\n\nContinue the task.` }, ...h.slice(21)],
    });
    return lines(resumed.report);
  }

  it('finishes with a right report after a cookbook-style compaction whose summary kept every fact', async () => {
    expect(await compactedRun(1_500)).toEqual(EXPECTED_REPORT);
  });

  it('gets the report wrong when a short summary dropped what it knew about finished tickets', async () => {
    const report = await compactedRun(120);
    expect(report.slice(2)).toEqual(EXPECTED_REPORT.slice(2));
    expect(report.slice(0, 2)).not.toEqual(EXPECTED_REPORT.slice(0, 2));
  });
});
