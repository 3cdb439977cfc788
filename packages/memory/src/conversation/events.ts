import type { SummaryResult } from '../summarizers/summarizer.ts';

/** What one step of a compaction did. Keys name what was removed; `recall(key)` brings it back. */
export type StepRecord =
  | { readonly type: 'clear-tool-results'; readonly keys: readonly string[]; readonly freed: number }
  | {
      readonly type: 'drop';
      readonly reason: 'prune' | 'window' | 'emergency';
      readonly keys: readonly string[];
      readonly freed: number;
    }
  | {
      readonly type: 'summarize';
      readonly keys: readonly string[];
      readonly freed: number;
      readonly summaryTokens: number;
      readonly model: string;
      readonly usage: SummaryResult['usage'];
    };

/** A compaction that was committed. Token figures are estimates. */
export interface CompactionResult {
  readonly type: 'compaction';
  /** Transcript length when it happened. */
  readonly at: number;
  readonly policy: string;
  /** `threshold`: the view was over the threshold (or the window's room); `early`: the policy's `early` step. */
  readonly trigger: 'threshold' | 'early';
  readonly before: number;
  readonly after: number;
  readonly steps: readonly StepRecord[];
}

/** Everything compaction did or declined to do, in order. */
export type ConversationEvent =
  | CompactionResult
  | {
      readonly type: 'compaction-failed';
      readonly at: number;
      readonly policy: string;
      readonly reason: string;
      readonly tokens: number;
    }
  | {
      readonly type: 'compaction-skipped';
      readonly at: number;
      readonly policy: string;
      readonly reason: string;
      readonly tokens: number;
    }
  | { readonly type: 'circuit-open'; readonly at: number; readonly failures: number };
