/** Counts the tokens of a text. Pass a real tokenizer's count (such as `@cairn/memory`'s) where precision matters. */
export type CountTokens = (text: string) => number;

/** Characters per token for English prose and JSON: a common rule of thumb for Claude's tokenizer. */
export const CHARS_PER_TOKEN = 4;

/**
 * A dependency-free token estimate: one token per {@link CHARS_PER_TOKEN} characters, rounded up.
 * It is the default wherever `@cairn/tools` counts tokens; figures made with it are estimates.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}
