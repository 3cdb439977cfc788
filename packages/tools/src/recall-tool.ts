import * as z from 'zod';
import { defineTool, type Tool } from './define-tool.ts';
import { safeCut } from './safe-cut.ts';

/** How many characters one recall returns (about 4,000 tokens): long content comes back in pages. */
export const DEFAULT_RECALL_PAGE_CHARS = 16_000;

/** Finds content stored under a key, or `undefined` when nothing is. */
export type RecallLookup = (key: string) => string | undefined | Promise<string | undefined>;

/** The options of {@link recallTool}. */
export interface RecallToolOptions {
  /** @default DEFAULT_RECALL_PAGE_CHARS */
  readonly pageChars?: number;
}

const recallInput = z.object({
  key: z.string().min(1).describe('The key exactly as it appears in the placeholder or preview notice.'),
  offset: z
    .number()
    .int()
    .min(0)
    .default(0)
    .describe('Where to start reading, in characters; use the offset given at the end of the previous page.'),
});

/**
 * The `recall` tool: lets the model fetch back, by key, content that compaction or offloading took out of
 * the context (an old tool result, a summarized range, the rest of a large result). Long content is
 * returned a page at a time, each page saying where the next one starts.
 */
export function recallTool(
  lookup: RecallLookup,
  { pageChars = DEFAULT_RECALL_PAGE_CHARS }: RecallToolOptions = {},
): Tool<z.output<typeof recallInput>> {
  if (!(Number.isInteger(pageChars) && pageChars > 1)) {
    throw new TypeError(`recallTool: pageChars must be an integer above 1, got ${pageChars}.`);
  }
  return defineTool({
    name: 'recall',
    description:
      'Fetch back content that was removed from this conversation to save space, such as an earlier tool ' +
      'result replaced by a placeholder or the rest of a result that was cut to a preview. Use it when you ' +
      'need the exact text again; pass the key shown where the content was removed. Long content comes back ' +
      'in pages: to read on, call again with the offset given at the end of the page.',
    input: recallInput,
    run: async ({ key, offset }) => {
      const content = await lookup(key);
      if (content === undefined) {
        throw new Error(`Nothing is stored under key "${key}". Use a key exactly as it was shown.`);
      }
      if (offset >= content.length && offset > 0) {
        throw new Error(`Offset ${offset} is past the end: "${key}" holds ${content.length} characters.`);
      }
      const end = safeCut(content, Math.min(offset + pageChars, content.length));
      const page = content.slice(offset, end);
      return end < content.length
        ? `${page}\n[Characters ${offset} to ${end} of ${content.length}. To read on, call recall with offset ${end}.]`
        : page;
    },
  });
}
