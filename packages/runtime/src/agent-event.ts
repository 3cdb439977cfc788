import type Anthropic from '@anthropic-ai/sdk';
import type { CompactionResult } from '@cairn/memory';
import type { LedgerEntry } from './price-call.ts';
import type { RunStopReason } from './run-decisions.ts';
import type { UsageTotals } from './total-usage.ts';

/** What a run yields as it goes. `turn` counts model calls from 1 within the run. */
export type AgentEvent =
  | { readonly type: 'turn-start'; readonly turn: number }
  | { readonly type: 'text-delta'; readonly turn: number; readonly text: string }
  /** The model call failed and is retried: text deltas already yielded for this turn are void. */
  | {
      readonly type: 'retry';
      readonly turn: number;
      readonly attempt: number;
      readonly delayMs: number;
      readonly error: string;
    }
  | {
      readonly type: 'tool-call';
      readonly turn: number;
      readonly id: string;
      readonly name: string;
      readonly input: unknown;
    }
  | {
      readonly type: 'tool-result';
      readonly turn: number;
      readonly id: string;
      readonly name: string;
      readonly isError: boolean;
      readonly content: Anthropic.ToolResultBlockParam['content'];
    }
  | {
      readonly type: 'compaction';
      readonly turn: number;
      readonly compaction: CompactionResult;
      /** What its summary calls cost, with caching; 0 for a local summary. */
      readonly summarizerCostUsd: number;
    }
  | { readonly type: 'usage'; readonly turn: number; readonly entry: LedgerEntry }
  | { readonly type: 'turn-end'; readonly turn: number; readonly stopReason: Anthropic.StopReason | null }
  | { readonly type: 'done'; readonly result: RunResult };

/** How a run ended and what it cost. Figures cover this run; `cairn inspect` shows the whole session. */
export interface RunResult {
  readonly sessionId: string;
  /** `done`: the model finished; `stopped`: a limit, a refusal or an abort; `failed`: see `error`. */
  readonly status: 'done' | 'stopped' | 'failed';
  readonly stopReason: RunStopReason;
  /** The final reply's text, continuations after `max_tokens` included. */
  readonly text: string;
  /** Model calls made by the agent (summaries not included). */
  readonly turns: number;
  readonly usage: {
    readonly main: UsageTotals;
    readonly summarizer: UsageTotals;
    readonly total: UsageTotals;
  };
  /** With prompt caching, as billed. */
  readonly costUsd: number;
  /** What the same calls would cost without prompt caching. */
  readonly costUsdUncached: number;
  readonly compactions: readonly CompactionResult[];
  readonly error?: string;
}
