import type { MemoryHooks } from './conversation/conversation-manager.ts';
import { flushFacts } from './storage/flush-facts.ts';
import { memoryIndex } from './storage/memory-index.ts';
import type { MemoryStore } from './storage/memory-store.ts';
import type { TokenCounter } from './tokens/token-counter.ts';

/**
 * Connects a `ConversationManager` to a `MemoryStore`: durable facts are flushed to
 * `/memories/facts.md` before each summary, and a bounded index of memory is shown after it.
 */
export function memoryHooks(
  store: MemoryStore,
  options: { counter?: TokenCounter; maxTokens?: number } = {},
): MemoryHooks {
  const { counter, maxTokens } = options;
  return {
    async flush(messages) {
      await flushFacts(store, messages);
    },
    index: () =>
      memoryIndex(store, {
        ...(maxTokens === undefined ? {} : { maxTokens }),
        ...(counter ? { countTokens: (text: string) => counter.text(text) } : {}),
      }),
  };
}
