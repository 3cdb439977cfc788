import type Anthropic from '@anthropic-ai/sdk';
import type { LedgerEntry } from '@cairn/runtime';

/** The three ways the desk is run: no compaction, the cookbook's `compaction_control`, and Cairn. */
export const RUN_NAMES = ['baseline', 'cookbook', 'cairn'] as const;
export type RunName = (typeof RUN_NAMES)[number];

/** One model call of the agent: what it sent and what it was billed. */
export interface TurnTrace {
  /** From 1. */
  readonly turn: number;
  /** The request's size: input, cache reads and cache writes, as the API counted them. */
  readonly contextTokens: number;
  readonly entry: LedgerEntry;
}

/** A compaction, placed at the turn whose request was the first to go out compacted. */
export interface CompactionMark {
  readonly turn: number;
  /** Context before it, in tokens (the trigger's reading). */
  readonly before: number;
}

/** How a run ended. */
export type RunOutcome =
  | { readonly type: 'done' }
  | { readonly type: 'stopped'; readonly reason: string }
  | { readonly type: 'failed'; readonly error: string };

/** Everything a run leaves behind for the figures, the chart and the floor. */
export interface RunTrace {
  readonly name: RunName;
  readonly turns: readonly TurnTrace[];
  /** Summary calls, priced like the agent's own. */
  readonly summarizer: readonly LedgerEntry[];
  readonly compactions: readonly CompactionMark[];
  /** The last reply's text: the final report when the run finished. */
  readonly text: string;
  readonly outcome: RunOutcome;
  /** Every message the agent exchanged, never compacted (a reply whose calls a compaction dropped left out). */
  readonly transcript: readonly Anthropic.MessageParam[];
  readonly seconds: number;
}

/** What a run reports as it goes, for the progress line. */
export interface RunProgress {
  readonly run: RunName;
  readonly turn: number;
  readonly contextTokens: number;
  readonly compactions: number;
}

/** The request size a usage reports: uncached input, cache reads and cache writes. */
export function contextTokensOf(entry: LedgerEntry): number {
  return entry.inputTokens + entry.cacheReadTokens + entry.cacheWriteTokens;
}

/** How a run ended, in a few words. */
export function outcomeText(outcome: RunOutcome): string {
  switch (outcome.type) {
    case 'done':
      return 'finished';
    case 'stopped':
      return `stopped: ${outcome.reason}`;
    case 'failed':
      return `failed: ${outcome.error}`;
  }
}
