import type Anthropic from '@anthropic-ai/sdk';
import type { Summarizer } from '../summarizers/summarizer.ts';

/** A tool result still in the view, as policies see it. */
export interface ToolResultInfo {
  readonly toolUseId: string;
  readonly name: string;
  readonly input: unknown;
  /** Estimated tokens of its content. */
  readonly tokens: number;
  readonly isError: boolean;
  readonly cleared: boolean;
}

/**
 * An exchange: the unit compaction removes. An assistant message and the user message that follows it
 * (the results of its tool calls, or the next request); the first user message is an exchange alone.
 */
export interface Exchange {
  /** Transcript index of its first message; also its key (`turn:<id>`). */
  readonly id: number;
  /** The messages as the transcript holds them (never cleared). */
  readonly original: readonly Anthropic.MessageParam[];
  /** Estimated tokens in the view now (after any cleared results). */
  readonly tokens: number;
  /** Never removed: pinned, the latest user request, or the in-flight exchange. */
  readonly protected: boolean;
  readonly pinned: boolean;
  /** Importance given on `append`, 0..1. */
  readonly importance: number | undefined;
  readonly toolResults: readonly ToolResultInfo[];
}

/** What a policy sees when asked for its next step. */
export interface CompactionState {
  /** The exchanges in the view, oldest first. */
  readonly exchanges: readonly Exchange[];
  /** Estimated tokens of everything sent: system, tools, summary, memory and view. */
  readonly tokens: number;
  readonly threshold: number;
  /** Where compaction aims to land. */
  readonly target: number;
  readonly summary: string | null;
  /** False while the summarizer circuit breaker is open or a summary failed during this compaction. */
  readonly canSummarize: boolean;
  /** Estimated tokens of a text. */
  count(text: string): number;
}

/** One thing a policy asks the manager to do. */
export type CompactionStep =
  | { readonly type: 'clear-tool-results'; readonly toolUseIds: readonly string[] }
  | { readonly type: 'drop'; readonly exchangeIds: readonly number[]; readonly reason: 'prune' | 'window' }
  | {
      readonly type: 'summarize';
      readonly exchangeIds: readonly number[];
      readonly summarizer: Summarizer;
      readonly prompt: string;
      readonly maxTokens: number;
    };

/**
 * Decides the next compaction step, or `null` when it has nothing more to offer. Pure: it only reads the
 * state. The manager applies the step and asks again until the view is under the target.
 */
export interface Policy {
  readonly name: string;
  next(state: CompactionState): CompactionStep | null;
  /**
   * A step worth taking although the view is under the threshold, or `null` (the default): say, a unit
   * of work that has just closed leaves the view at once, whole, rather than at the next threshold
   * crossing. Asked on every `prepare()` below the threshold, and again after each step it returns, so
   * it must return `null` once what it looks for is gone. Keep it for chunks: a step every turn would
   * change the prompt's prefix every turn and defeat prompt caching.
   */
  early?(state: CompactionState): CompactionStep | null;
}

/** The recent tail kept word for word by default: 2,000 tokens, or a quarter of the target if less. */
export const DEFAULT_KEEP_RECENT_TOKENS = 2_000;

/** `keepRecentTokens` as given, or its default for this target. */
export function keepRecentFor(state: CompactionState, keepRecentTokens: number | undefined): number {
  return keepRecentTokens ?? Math.min(DEFAULT_KEEP_RECENT_TOKENS, Math.floor(state.target / 4));
}

/** Tokens the view must lose to reach the target. */
export function excess(state: CompactionState): number {
  return state.tokens - state.target;
}

/** Exchanges older than the most recent `keepTokens` worth, which are always kept. */
export function olderThanRecent(state: CompactionState, keepTokens: number): Exchange[] {
  let recent = 0;
  let cut = state.exchanges.length;
  for (let i = state.exchanges.length - 1; i >= 0; i--) {
    recent += state.exchanges[i]!.tokens;
    if (recent > keepTokens) break;
    cut = i;
  }
  // The last exchange is in flight and never a candidate, whatever its size.
  return state.exchanges.slice(0, Math.min(cut, state.exchanges.length - 1));
}

/** Removable exchanges, oldest first, taken until their tokens cover `needed`. */
export function takeUntil(candidates: readonly Exchange[], needed: number): Exchange[] {
  const taken: Exchange[] = [];
  let freed = 0;
  for (const exchange of candidates) {
    if (freed >= needed) break;
    if (exchange.protected) continue;
    taken.push(exchange);
    freed += exchange.tokens;
  }
  return taken;
}
