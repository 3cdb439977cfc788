import type { MemoryToolHandlers } from '@anthropic-ai/sdk/helpers/beta/memory';
import * as z from 'zod';
import { DEFAULT_TIMEOUT_MS, type Tool } from './define-tool.ts';

const path = z.string().startsWith('/memories', 'Memory paths start with /memories.');

const memoryCommand = z.discriminatedUnion('command', [
  z.object({ command: z.literal('view'), path, view_range: z.array(z.number().int()).length(2).optional() }),
  z.object({ command: z.literal('create'), path, file_text: z.string() }),
  z.object({ command: z.literal('str_replace'), path, old_str: z.string(), new_str: z.string() }),
  z.object({
    command: z.literal('insert'),
    path,
    insert_line: z.number().int().min(0),
    insert_text: z.string(),
  }),
  z.object({ command: z.literal('delete'), path }),
  z.object({ command: z.literal('rename'), old_path: path, new_path: path }),
]);

/** One command of the `memory_20250818` protocol, as the model sends it. */
export type MemoryCommand = z.output<typeof memoryCommand>;

/**
 * The memory tool (`memory_20250818`): the model reads and writes files under `/memories` that outlive
 * compaction and sessions. The tool's description is built into the API; this validates each command and
 * passes it to `store`, any object with the SDK's `MemoryToolHandlers` shape (such as `@cairn/memory`'s
 * `MemoryStore` or the SDK's `BetaLocalFilesystemMemoryTool`). A handler that throws becomes an `is_error`
 * result with its message, which is how a store reports a missing file or a bad path to the model.
 */
export function memoryTool(store: MemoryToolHandlers): Tool<MemoryCommand> {
  return {
    name: 'memory',
    definition: { type: 'memory_20250818', name: 'memory' },
    input: memoryCommand,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    run: async (input) => text(await dispatch(store, input)),
  };
}

function dispatch(store: MemoryToolHandlers, input: MemoryCommand) {
  switch (input.command) {
    case 'view': {
      const { view_range, ...command } = input;
      return store.view(view_range === undefined ? command : { ...command, view_range });
    }
    case 'create':
      return store.create(input);
    case 'str_replace':
      return store.str_replace(input);
    case 'insert':
      return store.insert(input);
    case 'delete':
      return store.delete(input);
    case 'rename':
      return store.rename(input);
  }
}

/** The handlers may answer with content blocks; a memory answer is text, so keep the text. */
function text(answer: Awaited<ReturnType<MemoryToolHandlers['view']>>): string {
  if (typeof answer === 'string') return answer;
  return answer.map((block) => (block.type === 'text' ? block.text : `[${block.type}]`)).join('\n');
}
