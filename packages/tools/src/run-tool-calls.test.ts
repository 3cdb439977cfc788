import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { defineTool } from './define-tool.ts';
import { runToolCalls } from './run-tool-calls.ts';

const echo = defineTool({
  name: 'echo',
  description: 'Returns its input after a delay.',
  input: z.object({ text: z.string(), delayMs: z.number().int().min(0).default(0) }),
  run: async ({ text, delayMs }) => {
    await sleep(delayMs);
    return text;
  },
});

const call = (id: string, name: string, input: unknown) => ({ id, name, input });

describe('runToolCalls', () => {
  it('returns one result per call in the order of the calls, whichever finishes first', async () => {
    const results = await runToolCalls(
      [call('a', 'echo', { text: 'slow', delayMs: 30 }), call('b', 'echo', { text: 'fast' })],
      [echo],
    );
    expect(results).toEqual([
      { type: 'tool_result', tool_use_id: 'a', content: 'slow' },
      { type: 'tool_result', tool_use_id: 'b', content: 'fast' },
    ]);
  });

  it('runs the calls of a turn in parallel', async () => {
    // Each call waits until all have started: run one after another, they would never finish.
    const calls = 5;
    let started = 0;
    let release = () => {};
    const allStarted = new Promise<void>((resolve) => {
      release = resolve;
    });
    const barrier = defineTool({
      name: 'barrier',
      description: 'Waits for the others.',
      input: z.object({}),
      timeoutMs: 1_000,
      run: async () => {
        started += 1;
        if (started === calls) release();
        await allStarted;
        return 'done';
      },
    });
    const results = await runToolCalls(
      Array.from({ length: calls }, (_, i) => call(`c${i}`, 'barrier', {})),
      [barrier],
    );
    expect(results.map((result) => result.content)).toEqual(Array(calls).fill('done'));
  });

  it('sends strings as they are, other values as JSON, and no content for undefined', async () => {
    const answer = (value: unknown) =>
      defineTool({ name: 'answer', description: '', input: z.object({}), run: () => value });
    const contentOf = async (value: unknown) => (await runToolCalls([call('x', 'answer', {})], [answer(value)]))[0];
    expect(await contentOf('plain text')).toMatchObject({ content: 'plain text' });
    expect(await contentOf({ id: 'TICKET-1', tags: ['a'] })).toMatchObject({
      content: '{"id":"TICKET-1","tags":["a"]}',
    });
    expect(await contentOf(undefined)).toEqual({ type: 'tool_result', tool_use_id: 'x' });
    expect(await contentOf({ amount: 10n })).toMatchObject({
      is_error: true,
      content: expect.stringMatching(/JSON/),
    });
  });

  it('answers input that fails validation with what to fix, without running the handler', async () => {
    let ran = false;
    const tool = defineTool({
      name: 'classify_ticket',
      description: '',
      input: z.object({ ticket_id: z.string(), category: z.enum(['billing', 'shipping']) }),
      run: () => {
        ran = true;
      },
    });
    const [result] = await runToolCalls([call('x', 'classify_ticket', { category: 'refunds' })], [tool]);
    expect(ran).toBe(false);
    expect(result).toEqual({
      type: 'tool_result',
      tool_use_id: 'x',
      is_error: true,
      content:
        'Invalid input for classify_ticket:\n' +
        '- ticket_id: Invalid input: expected string, received undefined\n' +
        '- category: Invalid option: expected one of "billing"|"shipping"\n' +
        'Fix these fields and call classify_ticket again.',
    });
  });

  it('answers an unknown tool name with the list of available tools', async () => {
    const [result] = await runToolCalls([call('x', 'ecko', {})], [echo]);
    expect(result).toMatchObject({
      is_error: true,
      content: expect.stringContaining('Available tools: echo.'),
    });
  });

  it('turns a thrown error, synchronous or not, into an error result', async () => {
    const fail = (sync: boolean) =>
      defineTool({
        name: sync ? 'sync' : 'async',
        description: '',
        input: z.object({}),
        run: sync
          ? () => {
              throw new Error('ticket TICKET-9 does not exist');
            }
          : () => Promise.reject(new Error('ticket TICKET-9 does not exist')),
      });
    const results = await runToolCalls([call('a', 'sync', {}), call('b', 'async', {})], [fail(true), fail(false)]);
    expect(results).toEqual([
      {
        type: 'tool_result',
        tool_use_id: 'a',
        is_error: true,
        content: 'sync failed: ticket TICKET-9 does not exist',
      },
      {
        type: 'tool_result',
        tool_use_id: 'b',
        is_error: true,
        content: 'async failed: ticket TICKET-9 does not exist',
      },
    ]);
  });
});
