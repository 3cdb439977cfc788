import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { defineTool } from './define-tool.ts';
import { estimateTokens } from './estimate-tokens.ts';
import { runToolCall } from './run-tool-call.ts';

/** A handler that runs until its signal aborts, recording the abort reason. */
function waitingTool(reasons: unknown[]) {
  return defineTool({
    name: 'wait',
    description: 'Waits for its signal.',
    input: z.object({}),
    timeoutMs: 20,
    run: (_, { signal }) =>
      new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          reasons.push(signal.reason);
          reject(signal.reason);
        });
      }),
  });
}

const waitCall = { id: 'w', name: 'wait', input: {} };

describe('runToolCall timeouts and aborts', () => {
  it('aborts a call past its timeout and reports it to the model', async () => {
    const reasons: unknown[] = [];
    const outcome = await runToolCall(waitCall, [waitingTool(reasons)]);
    expect(outcome).toMatchObject({
      type: 'timed-out',
      timeoutMs: 20,
      result: { is_error: true, content: expect.stringContaining('did not finish within 20 ms') },
    });
    expect(reasons).toEqual([expect.objectContaining({ name: 'TimeoutError' })]);
  });

  it('reports a timeout even when the handler ignores its signal', async () => {
    const stuck = defineTool({
      name: 'stuck',
      description: '',
      input: z.object({}),
      timeoutMs: 10,
      run: () => new Promise(() => {}),
    });
    const outcome = await runToolCall({ id: 's', name: 'stuck', input: {} }, [stuck]);
    expect(outcome.type).toBe('timed-out');
  });

  it('hands a handler that looks at its signal only after the timeout an aborted signal', async () => {
    let sawAbort: boolean | undefined;
    let finished = () => {};
    const done = new Promise<void>((resolve) => {
      finished = resolve;
    });
    const late = defineTool({
      name: 'late',
      description: '',
      input: z.object({}),
      timeoutMs: 5,
      run: async (_, context) => {
        await sleep(30);
        sawAbort = context.signal.aborted;
        finished();
      },
    });
    expect((await runToolCall({ id: 'l', name: 'late', input: {} }, [late])).type).toBe('timed-out');
    await done;
    expect(sawAbort).toBe(true);
  });

  it('aborts running calls when the context signal aborts, passing its reason on', async () => {
    const reasons: unknown[] = [];
    const stop = new AbortController();
    const running = runToolCall(waitCall, [waitingTool(reasons)], { signal: stop.signal });
    stop.abort('user pressed stop');
    const outcome = await running;
    expect(outcome).toMatchObject({ type: 'aborted', result: { is_error: true } });
    expect(reasons).toEqual(['user pressed stop']);
  });

  it('does not start a call once the context signal has aborted', async () => {
    let ran = false;
    const tool = defineTool({
      name: 'never',
      description: '',
      input: z.object({}),
      run: () => {
        ran = true;
      },
    });
    const outcome = await runToolCall({ id: 'n', name: 'never', input: {} }, [tool], {
      signal: AbortSignal.abort(),
    });
    expect(outcome.type).toBe('aborted');
    expect(ran).toBe(false);
  });
});

describe('runToolCall offloading', () => {
  const articles = Array.from({ length: 200 }, (_, i) => `Article ${i}: how to request a refund, step ${i}.`);
  const search = defineTool({
    name: 'search_knowledge_base',
    description: '',
    input: z.object({ query: z.string() }),
    maxResultTokens: 300,
    run: ({ query }) => (query === 'small' ? articles.slice(0, 2) : articles),
  });
  const searchCall = (query: string) => ({ id: 'toolu_1', name: 'search_knowledge_base', input: { query } });

  it('replaces a result over maxResultTokens by a preview and stores the whole result under a key', async () => {
    const stored = new Map<string, string>();
    const outcome = await runToolCall(searchCall('refund'), [search], {
      offload: (key, content) => {
        stored.set(key, content);
      },
    });
    const whole = JSON.stringify(articles);
    expect(outcome).toMatchObject({
      type: 'offloaded',
      key: 'tool-result:toolu_1',
      tokens: estimateTokens(whole),
    });
    expect(stored.get('tool-result:toolu_1')).toBe(whole);
    const preview = String(outcome.result.content);
    expect(estimateTokens(preview)).toBeLessThanOrEqual(300);
    expect(whole.startsWith(preview.slice(0, preview.indexOf('\n[Result cut')))).toBe(true);
    expect(preview).toContain('stored under key "tool-result:toolu_1": call the recall tool');
  });

  it('uses the injected key generator and token counter', async () => {
    const keys: string[] = [];
    const countWords = (text: string) => text.split(/\s+/).length;
    const outcome = await runToolCall(searchCall('refund'), [search], {
      offload: async (key) => {
        keys.push(key);
      },
      offloadKey: (call) => `kb/${call.id}`,
      countTokens: countWords,
    });
    expect(keys).toEqual(['kb/toolu_1']);
    expect(outcome.type).toBe('offloaded');
    expect(countWords(String(outcome.result.content))).toBeLessThanOrEqual(300);
  });

  it('keeps a result within maxResultTokens whole', async () => {
    const outcome = await runToolCall(searchCall('small'), [search], { offload: () => {} });
    expect(outcome).toMatchObject({ type: 'ok', result: { content: JSON.stringify(articles.slice(0, 2)) } });
  });

  it('returns the whole result when there is no offload function or it fails, so nothing is lost', async () => {
    const whole = { type: 'ok', result: { content: JSON.stringify(articles) } };
    expect(await runToolCall(searchCall('refund'), [search])).toMatchObject(whole);
    const failure = new Error('disk full');
    const outcome = await runToolCall(searchCall('refund'), [search], {
      offload: () => Promise.reject(failure),
    });
    expect(outcome).toMatchObject({ ...whole, offloadError: failure });
  });
});
