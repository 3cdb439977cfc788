import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { FileSessionStore } from '@cairn/memory';
import { startSimulator } from '@cairn/simulator';
import { describe, expect, it } from 'vitest';
import { createAgent } from '../create-agent.ts';
import { DESK_SYSTEM, DESK_TASK, deskTools } from '../testing/desk-tools.ts';
import { inspectSession } from './inspect-session.ts';
import { main } from './main.ts';

describe('cairn inspect', () => {
  it('prints a stored session’s token breakdown, its compactions with summarizer cost, and its cost', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cairn-inspect-'));
    const sim = await startSimulator();
    const agent = createAgent({
      client: new Anthropic({ baseURL: sim.baseURL, apiKey: 'test' }),
      model: 'claude-sonnet-4-6',
      system: DESK_SYSTEM,
      tools: deskTools({ articleRepeat: 40 }),
      store: new FileSessionStore({ dir }),
      context: { policy: 'summarization', threshold: 4_000, summarizerModel: 'claude-haiku-4-5' },
    });
    const result = await agent.run(DESK_TASK, { sessionId: 'desk-1' }).result();
    const text = await inspectSession(new FileSessionStore({ dir }), 'desk-1');

    expect(text).toContain('session desk-1 · claude-sonnet-4-6 · done');
    expect(text).toMatch(/estimated tokens/);
    expect(text).toMatch(/^ {2}system +\d+/m);
    expect(text).toContain(`compactions: ${result.compactions.length}`);
    expect(text).toMatch(
      /at message \d+ {2}summarization \(threshold\) {2}[\d,]+ → [\d,]+ tokens \(estimated\).*summarizer \$0\.\d{4}/,
    );
    expect(text).toContain(`$${result.costUsd.toFixed(4)} ($${result.costUsdUncached.toFixed(4)} without caching)`);
    expect(await main(['inspect', 'missing', '--dir', dir])).toBe(1);
    expect(await main(['frobnicate'])).toBe(2);
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });
});
