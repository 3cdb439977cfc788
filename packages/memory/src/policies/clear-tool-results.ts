import type { CompactionState, CompactionStep, Policy } from './policy.ts';
import { excess } from './policy.ts';

export interface ClearToolResultsOptions {
  /** The most recent tool results always kept in full. @default 3 */
  keep?: number;
  /** Tools whose results are never cleared. @default [] */
  excludeTools?: readonly string[];
  /**
   * Clear nothing unless at least this many tokens can go, and when clearing, clear at least this many
   * (a cleared prefix costs a cache write). @default 0
   */
  clearAtLeast?: number;
}

export const DEFAULT_KEEP_TOOL_RESULTS = 3;
/** Results smaller than this are not worth a placeholder. */
const MIN_CLEARABLE_TOKENS = 40;

/**
 * Replaces old tool results with a placeholder naming the tool, its input and the key to recall it.
 * The tool calls themselves stay, so the model still sees what it did.
 */
export function clearToolResults(options: ClearToolResultsOptions = {}): Policy {
  const keep = options.keep ?? DEFAULT_KEEP_TOOL_RESULTS;
  const exclude = new Set(options.excludeTools ?? []);
  const clearAtLeast = options.clearAtLeast ?? 0;
  return {
    name: 'clear-tool-results',
    next(state: CompactionState): CompactionStep | null {
      if (excess(state) <= 0) return null;
      const results = state.exchanges.flatMap((e) => (e.protected ? [] : e.toolResults.filter((r) => !r.cleared)));
      const all = state.exchanges.flatMap((e) => e.toolResults);
      const recent = new Set(all.slice(Math.max(0, all.length - keep)).map((r) => r.toolUseId));
      const candidates = results.filter(
        (r) => !recent.has(r.toolUseId) && !exclude.has(r.name) && r.tokens >= MIN_CLEARABLE_TOKENS,
      );
      // Once clearing, clear at least `clearAtLeast`: the cache write it costs is paid once for more.
      const goal = Math.max(excess(state), clearAtLeast);
      const chosen: string[] = [];
      let freed = 0;
      for (const result of candidates) {
        if (freed >= goal) break;
        chosen.push(result.toolUseId);
        freed += result.tokens - MIN_CLEARABLE_TOKENS;
      }
      if (chosen.length === 0 || freed < clearAtLeast) return null;
      return { type: 'clear-tool-results', toolUseIds: chosen };
    },
  };
}
