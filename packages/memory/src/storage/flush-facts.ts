import type Anthropic from '@anthropic-ai/sdk';
import { extractFacts, type Fact } from './extract-facts.ts';
import type { MemoryStore } from './memory-store.ts';
import { mergeFacts } from './merge-facts.ts';

/** The memory file durable facts are flushed to. */
export const DEFAULT_FACTS_PATH = '/memories/facts.md';

/** Options of {@link flushFacts}. */
export interface FlushFactsOptions {
  /** @default DEFAULT_FACTS_PATH */
  readonly path?: string;
}

/**
 * Before a summary: writes the durable facts of `messages` (identifiers, decisions, commitments) into a
 * memory file, in one locked update, adding only facts not already there. Resolves to the facts added.
 * Throws a `MemoryToolError` if the file would break the store's limits; nothing is written then.
 */
export async function flushFacts(
  store: Pick<MemoryStore, 'update'>,
  messages: readonly Anthropic.MessageParam[],
  { path = DEFAULT_FACTS_PATH }: FlushFactsOptions = {},
): Promise<Fact[]> {
  const facts = extractFacts(messages);
  if (facts.length === 0) return [];
  let added: Fact[] = [];
  await store.update(path, (current) => {
    const merged = mergeFacts(current, facts);
    added = merged.added;
    return merged.added.length > 0 ? merged.content : undefined;
  });
  return added;
}
