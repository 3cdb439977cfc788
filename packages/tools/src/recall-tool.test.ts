import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { defineTool } from './define-tool.ts';
import { recallTool } from './recall-tool.ts';
import { runToolCalls } from './run-tool-calls.ts';

const stored = new Map([['kb:refunds', 'Refunds are issued to the original card within 5 business days.']]);
const lookup = (key: string) => stored.get(key);

async function recall(input: object, tool = recallTool(lookup)) {
  const [result] = await runToolCalls([{ id: 'r', name: 'recall', input }], [tool]);
  return result!;
}

describe('recallTool', () => {
  it('returns the content stored under a key', async () => {
    expect(await recall({ key: 'kb:refunds' })).toEqual({
      type: 'tool_result',
      tool_use_id: 'r',
      content: 'Refunds are issued to the original card within 5 business days.',
    });
  });

  it('returns long content in pages, each saying where the next one starts', async () => {
    const tool = recallTool(lookup, { pageChars: 30 });
    const first = await recall({ key: 'kb:refunds' }, tool);
    expect(first.content).toBe(
      'Refunds are issued to the orig\n[Characters 0 to 30 of 63. To read on, call recall with offset 30.]',
    );
    const second = await recall({ key: 'kb:refunds', offset: 30 }, tool);
    expect(second.content).toMatch(/^inal card within 5 business da\n\[Characters 30 to 60 of 63/);
    expect((await recall({ key: 'kb:refunds', offset: 60 }, tool)).content).toBe('ys.');
  });

  it('never cuts a page inside an emoji', async () => {
    const tool = recallTool(() => 'ab😀cd', { pageChars: 3 });
    expect(String((await recall({ key: 'k' }, tool)).content).startsWith('ab\n')).toBe(true);
  });

  it('tells the model when a key holds nothing or an offset is past the end', async () => {
    expect(await recall({ key: 'kb:refund' })).toMatchObject({
      is_error: true,
      content: 'recall failed: Nothing is stored under key "kb:refund". Use a key exactly as it was shown.',
    });
    expect(await recall({ key: 'kb:refunds', offset: 63 })).toMatchObject({
      is_error: true,
      content: expect.stringContaining('past the end'),
    });
  });

  it('fetches back the whole of a result that was offloaded to fit the context', async () => {
    const store = new Map<string, string>();
    const articles = 'Article: how to reset a password. '.repeat(100);
    const search = defineTool({
      name: 'search_knowledge_base',
      description: '',
      input: z.object({}),
      maxResultTokens: 100,
      run: () => articles,
    });
    const tools = [search, recallTool((key) => store.get(key), { pageChars: 10_000 })];
    const [preview] = await runToolCalls([{ id: 'toolu_7', name: 'search_knowledge_base', input: {} }], tools, {
      offload: (key, content) => {
        store.set(key, content);
      },
    });
    const key = /key "([^"]+)"/.exec(String(preview?.content))?.[1];
    const [whole] = await runToolCalls([{ id: 'r', name: 'recall', input: { key } }], tools);
    expect(whole?.content).toBe(articles);
  });
});
