import { TokenCounter } from '../tokens/token-counter.ts';
import { byteSize } from './memory-document.ts';
import type { MemoryFile, MemoryStore } from './memory-store.ts';
import { formatFileSize } from './memory-view.ts';

/** Token budget of the memory index shown after a summary. */
export const DEFAULT_MEMORY_INDEX_TOKENS = 400;
/** Longest first line shown for a file, in characters. */
const MAX_PREVIEW_CHARS = 120;
const HEADER = 'Memory files (view them with the memory tool before relying on them):';

/** Options of {@link memoryIndex}. */
export interface MemoryIndexOptions {
  /** @default DEFAULT_MEMORY_INDEX_TOKENS */
  readonly maxTokens?: number;
  /** Counts a text's tokens. @default a shared `TokenCounter`'s `text` */
  readonly countTokens?: (text: string) => number;
}

let sharedCounter: TokenCounter | undefined;

/**
 * A bounded index of what memory holds, to re-inject into the view after a summary so that rules and
 * facts are not left to the summary alone: one line per file (path, size, first line), most recently
 * updated first, within `maxTokens`; files that do not fit are counted. Empty when memory is.
 */
export async function memoryIndex(
  store: Pick<MemoryStore, 'files'>,
  options: MemoryIndexOptions = {},
): Promise<string> {
  return formatMemoryIndex(await store.files(), options);
}

/** The pure half of {@link memoryIndex}: the index of the given files. */
export function formatMemoryIndex(files: readonly MemoryFile[], options: MemoryIndexOptions = {}): string {
  const { maxTokens = DEFAULT_MEMORY_INDEX_TOKENS } = options;
  const count = options.countTokens ?? countWithSharedCounter;
  // Lines are counted one by one, newline included: an upper bound on the joined text for BPE counters.
  const cost = (line: string) => count(`${line}\n`);
  if (files.length === 0) return '';
  const ordered = [...files].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.path.localeCompare(b.path));
  const lines = [HEADER];
  let used = cost(HEADER);
  for (const [i, file] of ordered.entries()) {
    const line = `- ${file.path} (${formatFileSize(byteSize(file.content))}): ${preview(file.content)}`;
    const after = ordered.length - i - 1;
    if (used + cost(line) + (after > 0 ? cost(more(after)) : 0) > maxTokens) {
      lines.push(more(ordered.length - i));
      break;
    }
    lines.push(line);
    used += cost(line);
  }
  const text = lines.join('\n');
  return lines.length > 2 || count(text) <= maxTokens ? text : '';
}

function countWithSharedCounter(text: string): number {
  sharedCounter ??= new TokenCounter();
  return sharedCounter.text(text);
}

function more(n: number): string {
  return `- … and ${n} more file${n === 1 ? '' : 's'}: view /memories to list them.`;
}

/** The first non-empty line, without Markdown heading marks, shortened. */
function preview(content: string): string {
  const first = content.split('\n').find((line) => line.trim() !== '') ?? '';
  const line = first
    .replace(/^\s*#+\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (line === '') return '(empty)';
  return line.length > MAX_PREVIEW_CHARS ? `${line.slice(0, MAX_PREVIEW_CHARS)}…` : line;
}
