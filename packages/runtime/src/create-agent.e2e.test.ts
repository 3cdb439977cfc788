import Anthropic from '@anthropic-ai/sdk';
import { InMemorySessionStore, viewProblems } from '@cairn/memory';
import { parseReport, startSimulator } from '@cairn/simulator';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentEvent } from './agent-event.ts';
import { createAgent } from './create-agent.ts';
import { DESK_SYSTEM, DESK_TASK, deskTools, TICKETS } from './testing/desk-tools.ts';

const MODEL = 'claude-sonnet-4-6';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function simulator(options: Parameters<typeof startSimulator>[0] = {}) {
  const sim = await startSimulator(options);
  closers.push(sim.close);
  return { sim, client: new Anthropic({ baseURL: sim.baseURL, apiKey: 'test', maxRetries: 2 }) };
}

describe('an agent against the simulator through the real SDK', () => {
  it('works every ticket through multi-turn tool calls and ends with a correct final report', async () => {
    const { client } = await simulator();
    const store = new InMemorySessionStore();
    const agent = createAgent({
      client,
      model: MODEL,
      system: DESK_SYSTEM,
      tools: deskTools(),
      store,
      recall: false,
    });
    const run = agent.run(DESK_TASK, { sessionId: 'desk' });
    const events: AgentEvent[] = [];
    for await (const event of run) events.push(event);
    const result = await run.result();

    expect(result).toMatchObject({ status: 'done', stopReason: 'end_turn' });
    expect(parseReport(result.text).map((line) => line.id)).toEqual(TICKETS.map((t) => t.id));
    expect(result.turns).toBe(events.filter((e) => e.type === 'turn-start').length);
    expect(events.filter((e) => e.type === 'tool-result').every((e) => !e.isError)).toBe(true);
    expect(events.at(-1)).toEqual({ type: 'done', result });
    expect(result.usage.main.calls).toBe(result.turns);
    expect(result.usage.main.cacheReadTokens).toBeGreaterThan(0);
    expect(result.costUsd).toBeLessThan(result.costUsdUncached);
    const saved = await store.load('desk');
    expect(saved?.usage).toHaveLength(result.turns);
  });

  it("works renumbered tickets (the bench's new text each run) the same way, reporting the new ids", async () => {
    const { client } = await simulator();
    const work = async (batch?: number) => {
      const tools = deskTools(batch === undefined ? {} : { batch });
      const agent = createAgent({ client, model: MODEL, system: DESK_SYSTEM, tools, recall: false });
      return agent.run(DESK_TASK).result();
    };
    const [plain, renumbered] = [await work(), await work(17)];
    expect(renumbered.turns).toBe(plain.turns);
    expect(parseReport(renumbered.text).map((line) => line.id)).toEqual(
      TICKETS.map((t) => t.id.replace('TKT-', 'TKT-17')),
    );
  });

  it('compacts in the middle of a run, with a model summary, and its later turns still succeed', async () => {
    const { sim, client } = await simulator();
    const agent = createAgent({
      client,
      model: MODEL,
      system: DESK_SYSTEM,
      tools: deskTools({ articleRepeat: 40 }),
      context: { policy: 'summarization', threshold: 4_000, summarizerModel: 'claude-haiku-4-5' },
    });
    const run = agent.run(DESK_TASK);
    const kinds: string[] = [];
    for await (const event of run) kinds.push(event.type);
    const result = await run.result();

    expect(result.status).toBe('done');
    expect(result.compactions.length).toBeGreaterThan(0);
    expect(kinds.indexOf('compaction')).toBeLessThan(kinds.lastIndexOf('tool-result'));
    expect(result.usage.summarizer.calls).toBeGreaterThan(0);
    expect(sim.requests.filter((r) => (r.body as { model?: string }).model === 'claude-haiku-4-5')).toHaveLength(
      result.usage.summarizer.calls,
    );
    expect(parseReport(result.text).map((line) => line.id)).toEqual(TICKETS.map((t) => t.id));
    for (const c of result.compactions) expect(c.after).toBeLessThan(c.before);
  });

  it('completes with a valid transcript when 10% of requests fail (429, 529, 500, cut streams)', async () => {
    const probability = 0.025;
    const { sim, client } = await simulator({
      faults: {
        random: [
          { fault: { type: 'rate_limit', retryAfterSeconds: 0.01 }, probability },
          { fault: { type: 'overloaded' }, probability },
          { fault: { type: 'api_error' }, probability },
          { fault: { type: 'stream_cut' }, probability },
        ],
      },
      rng: seeded(7),
    });
    const store = new InMemorySessionStore();
    const agent = createAgent({
      client,
      model: MODEL,
      system: DESK_SYSTEM,
      tools: deskTools(),
      store,
      retry: { baseDelayMs: 1 },
    });
    const run = agent.run(DESK_TASK, { sessionId: 'faults' });
    const retries = [];
    for await (const event of run) if (event.type === 'retry') retries.push(event);
    const result = await run.result();

    expect(result.status).toBe('done');
    expect(sim.requests.some((r) => r.fault !== undefined)).toBe(true);
    expect(parseReport(result.text).map((line) => line.id)).toEqual(TICKETS.map((t) => t.id));
    const transcript = ((await store.load('faults'))!.conversation as { entries: { message: never }[] }).entries;
    expect(viewProblems(transcript.map((e) => e.message))).toEqual([]);
  });
});

/** A small deterministic random source (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
