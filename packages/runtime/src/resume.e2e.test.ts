import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Anthropic from '@anthropic-ai/sdk';
import { FileSessionStore, InMemorySessionStore, viewProblems } from '@cairn/memory';
import { type Simulator, seededRandom, startSimulator } from '@cairn/simulator';
import { defineTool } from '@cairn/tools';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { INTERRUPTED_TEXT } from './agent-steps.ts';
import { createAgent } from './create-agent.ts';
import { crashAgent, SESSION_ID } from './testing/kill-child.ts';
import { startScriptedApi, text } from './testing/scripted-api.ts';

const CHILD = new URL('./testing/kill-child.ts', import.meta.url).pathname;
const TRIALS = 10;
const KILLS_PER_CHAIN = 5;

let sim: Simulator;
const dirs: string[] = [];
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cairn-resume-'));
  dirs.push(dir);
  return dir;
}

/** Runs the child; kills it with SIGKILL at its `killAt`-th event line. Resolves with its result, or null. */
function child(dir: string, mode: 'run' | 'resume', killAt = Number.POSITIVE_INFINITY): Promise<unknown> {
  const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', CHILD, sim.baseURL, dir, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let events = 0;
  let result: unknown = null;
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    if (line.startsWith('event ') && ++events >= killAt) proc.kill('SIGKILL');
    if (line.startsWith('result ')) result = JSON.parse(line.slice('result '.length));
  });
  return new Promise((resolve) => proc.on('close', () => resolve(result)));
}

describe('resuming a run whose process died', () => {
  it('reaches the same final result as an uninterrupted run after SIGKILLs at 10 random steps', async () => {
    const expected = await crashAgent(sim.baseURL, await tempDir())
      .run('Please process every ticket in the queue.', { sessionId: SESSION_ID })
      .result();
    const random = seededRandom(42);
    // Two chains side by side, each killed KILLS_PER_CHAIN times, a few events after each (re)start.
    const chains = await Promise.all(
      Array.from({ length: TRIALS / KILLS_PER_CHAIN }, async () => {
        const dir = await tempDir();
        const kills: number[] = [];
        let result: unknown = null;
        for (let k = 0; result === null; k++) {
          const killAt = k < KILLS_PER_CHAIN ? 1 + Math.floor(random() * 8) : Number.POSITIVE_INFINITY;
          result = await child(dir, k === 0 ? 'run' : 'resume', killAt);
          if (result === null) kills.push(killAt);
        }
        const session = await new FileSessionStore({ dir }).load(SESSION_ID);
        const entries = (session!.conversation as { entries: { message: never }[] }).entries;
        return { kills, result, problems: viewProblems(entries.map((e) => e.message)) };
      }),
    );
    expect(chains.flatMap((c) => c.kills)).toHaveLength(TRIALS);
    for (const chain of chains) {
      expect(chain.result, `killed at events ${chain.kills.join(', ')}`).toEqual({
        text: expected.text,
        turns: expected.turns,
        status: 'done',
      });
      expect(chain.problems).toEqual([]);
    }
    // A dozen child processes start one after another, each loading the tokenizer and the SDK.
  }, 240_000);

  it("answers a call whose result was not saved with an is_error 'interrupted' result by default", async () => {
    const api = await startScriptedApi([
      {
        content: [
          text('Charging.'),
          { type: 'tool_use', id: 'toolu_1', name: 'charge', input: {}, caller: { type: 'direct' } },
        ],
        stopReason: 'tool_use',
      },
      { content: [text('I will check the charge first.')], stopReason: 'end_turn' },
    ]);
    const store = new InMemorySessionStore();
    const client = new Anthropic({ baseURL: api.baseURL, apiKey: 'test', maxRetries: 0 });
    let charges = 0;
    const hang = defineTool({
      name: 'charge',
      description: 'Charge.',
      input: z.object({}),
      run: () => new Promise(() => {}),
    });
    const charge = defineTool({
      name: 'charge',
      description: 'Charge.',
      input: z.object({}),
      run: () => ++charges,
    });
    const crashed = createAgent({ client, model: 'claude-sonnet-4-6', tools: [hang], store, recall: false });
    const dying = crashed.run('Charge the card.', { sessionId: 'card' });
    for await (const event of dying) if (event.type === 'tool-call') break; // the process "dies" here

    const agent = createAgent({ client, model: 'claude-sonnet-4-6', tools: [charge], store, recall: false });
    const result = await agent.resume('card').result();
    expect(result).toMatchObject({ status: 'done', text: 'I will check the charge first.' });
    expect(charges).toBe(0);
    expect(api.requests[1]?.messages.at(-1)?.content).toMatchObject([
      { type: 'tool_result', tool_use_id: 'toolu_1', is_error: true, content: INTERRUPTED_TEXT },
    ]);
    await api.close();
  });

  it('resumes a run saved mid-step by run record version 2 (whose step runner also kept its step)', async () => {
    const api = await startScriptedApi([
      {
        content: [{ type: 'tool_use', id: 'toolu_1', name: 'look', input: {}, caller: { type: 'direct' } }],
        stopReason: 'tool_use',
      },
      { content: [text('Looked.')], stopReason: 'end_turn' },
    ]);
    const store = new InMemorySessionStore();
    const client = new Anthropic({ baseURL: api.baseURL, apiKey: 'test', maxRetries: 0 });
    const look = (run: () => unknown) => defineTool({ name: 'look', description: 'Look.', input: z.object({}), run });
    const crashed = createAgent({
      client,
      model: 'claude-sonnet-4-6',
      tools: [look(() => new Promise(() => {}))],
      store,
    });
    for await (const event of crashed.run('Look.', { sessionId: 'v2' })) if (event.type === 'tool-call') break;
    const saved = (await store.load('v2'))!;
    const machine = saved.machine as { snapshot: { value: string; children: { steps: { snapshot: object } } } };
    expect(machine.snapshot.value).toBe('acting');
    const steps = machine.snapshot.children.steps;
    const v2Steps = { ...steps, snapshot: { ...steps.snapshot, pending: { step: 'act', turn: 1 } } };
    const v2Snapshot = { ...machine.snapshot, children: { steps: v2Steps } };
    await store.save({ ...saved, machine: { ...machine, version: 2, snapshot: v2Snapshot } });

    const agent = createAgent({ client, model: 'claude-sonnet-4-6', tools: [look(() => 'seen')], store });
    const result = await agent.resume('v2', { interruptedTools: 'rerun' }).result();
    expect(result).toMatchObject({ status: 'done', text: 'Looked.', turns: 2 });
    expect(api.requests[1]?.messages.at(-1)?.content).toMatchObject([
      { type: 'tool_result', tool_use_id: 'toolu_1', content: 'seen' },
    ]);
    await api.close();
  });

  it('refuses to resume a run saved mid-step by an older run record, and leaves the session as it was', async () => {
    const api = await startScriptedApi([
      {
        content: [{ type: 'tool_use', id: 'toolu_1', name: 'wait', input: {}, caller: { type: 'direct' } }],
        stopReason: 'tool_use',
      },
    ]);
    const store = new InMemorySessionStore();
    const client = new Anthropic({ baseURL: api.baseURL, apiKey: 'test', maxRetries: 0 });
    const wait = defineTool({
      name: 'wait',
      description: 'Wait.',
      input: z.object({}),
      run: () => new Promise(() => {}),
    });
    const agent = createAgent({ client, model: 'claude-sonnet-4-6', tools: [wait], store, recall: false });
    for await (const event of agent.run('Wait.', { sessionId: 'old' })) if (event.type === 'tool-call') break;
    const saved = (await store.load('old'))!;
    await store.save({ ...saved, machine: { ...(saved.machine as object), version: 1 } });
    const before = await store.load('old');

    await expect(agent.resume('old').result()).rejects.toThrow(/older @cairn\/runtime \(run record version 1/);
    expect(await store.load('old')).toEqual(before);
    await api.close();
  });
});
