import Anthropic from '@anthropic-ai/sdk';
import { InMemorySessionStore, type Session, type SessionInput, type SessionStore } from '@cairn/memory';
import { parseReport, type Simulator, startSimulator } from '@cairn/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentError } from './agent-error.ts';
import { inspectSession } from './cli/inspect-session.ts';
import { createAgent } from './create-agent.ts';
import type { RunRecord } from './run-record.ts';
import { DESK_SYSTEM, DESK_TASK, deskTools, TICKETS } from './testing/desk-tools.ts';
import { startScriptedApi, text } from './testing/scripted-api.ts';

const MODEL = 'claude-sonnet-4-6';

/** An in-memory store that logs each save's start and end, waits `delayMs` in each, and can fail one. */
class LoggingStore implements SessionStore {
  readonly inner = new InMemorySessionStore();
  readonly log: string[];
  readonly delayMs: number;
  readonly failAt: { state: string; nth: number } | undefined;
  constructor(log: string[], delayMs = 0, failAt?: { state: string; nth: number }) {
    this.log = log;
    this.delayMs = delayMs;
    this.failAt = failAt;
  }
  load(id: string): Promise<Session | undefined> {
    return this.inner.load(id);
  }
  list(): Promise<string[]> {
    return this.inner.list();
  }
  async save(session: SessionInput): Promise<void> {
    const state = String((session.machine as RunRecord).snapshot.value);
    this.log.push(`save ${state}`);
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const count = this.log.filter((line) => line === `save ${state}`).length;
    if (this.failAt?.state === state && this.failAt.nth === count) {
      this.log.push('save failed');
      throw new Error('disk full');
    }
    await this.inner.save(session);
    this.log.push('saved');
  }
}

/** A client of `baseURL` that logs each request as it is sent. */
function loggingClient(baseURL: string, log: string[]): Anthropic {
  const logged: typeof fetch = (input, init) => {
    log.push('request');
    return fetch(input, init);
  };
  return new Anthropic({ baseURL, apiKey: 'test', maxRetries: 0, fetch: logged });
}

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());

function deskAgent(client: Anthropic, store: SessionStore) {
  return createAgent({ client, model: MODEL, system: DESK_SYSTEM, tools: deskTools(), store, recall: false });
}

describe('the saves of a run', () => {
  it('saves the tool results while the model works, one save at a time, before the reply is kept', async () => {
    const log: string[] = [];
    // Saves slower than the simulator answers: every reply arrives while its step's save is running.
    const result = await deskAgent(loggingClient(sim.baseURL, log), new LoggingStore(log, 30))
      .run(DESK_TASK, { sessionId: 'desk' })
      .result();

    expect(parseReport(result.text).map((line) => line.id)).toEqual(TICKETS.map((t) => t.id));
    const saves = log.filter((line) => line !== 'request');
    expect(saves.filter((line, i) => line.startsWith(i % 2 === 0 ? 'save ' : 'saved'))).toEqual(saves);
    expect(saves.at(-1)).toBe('saved');
    // Each sampling step sends its request first and then saves: the k-th such save follows the k-th request.
    const samplingSaves = log.flatMap((line, i) => (line === 'save sampling' ? [i] : []));
    expect(samplingSaves).toHaveLength(result.turns);
    const requestsBefore = samplingSaves.map((at) => log.slice(0, at).filter((line) => line === 'request').length);
    expect(requestsBefore).toEqual(samplingSaves.map((_, k) => k + 1));
  });

  it('fails the run when a save fails while the model works; the call is in its usage; resume finishes it', async () => {
    const uninterrupted = await deskAgent(loggingClient(sim.baseURL, []), new InMemorySessionStore())
      .run(DESK_TASK)
      .result();
    const log: string[] = [];
    const store = new LoggingStore(log, 0, { state: 'sampling', nth: 3 });
    const client = loggingClient(sim.baseURL, log);
    const error = await deskAgent(client, store)
      .run(DESK_TASK, { sessionId: 'desk' })
      .result()
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AgentError);
    expect((error as AgentError).message).toContain('disk full');
    expect((error as AgentError).result?.usage.main.calls).toBe(3);
    expect(await inspectSession(store, 'desk')).toContain('failed in sampling (disk full)');
    const result = await deskAgent(client, store).resume('desk').result();
    expect(result).toMatchObject({ status: 'done', text: uninterrupted.text, turns: uninterrupted.turns });
    expect(result.usage.main.calls).toBe(uninterrupted.turns + 1);
  });

  it('saves a failed run as its failing step began: resume runs that step again', async () => {
    const api = await startScriptedApi([{ status: 400 }, { content: [text('Done.')], stopReason: 'end_turn' }]);
    const store = new InMemorySessionStore();
    const client = new Anthropic({ baseURL: api.baseURL, apiKey: 'test', maxRetries: 0 });
    const agent = createAgent({ client, model: MODEL, store, recall: false });
    const error = await agent
      .run('Hello.', { sessionId: 'hello' })
      .result()
      .catch((e: unknown) => e);

    expect((error as AgentError).message).toContain('agent.resume("hello") to run that step again');
    const again = await agent
      .run('Hello again.', { sessionId: 'hello' })
      .result()
      .catch((e: unknown) => e);
    expect((again as AgentError).message).toContain('has a run in progress');
    const result = await agent.resume('hello').result();
    expect(result).toMatchObject({ status: 'done', text: 'Done.', turns: 1 });
    expect(api.requests).toHaveLength(2);
    await api.close();
  });
});
