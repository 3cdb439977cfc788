import type Anthropic from '@anthropic-ai/sdk';

/** Why a run ended: the model's own stop reasons, or a limit the agent enforced. */
export type RunStopReason =
  | 'end_turn'
  | 'stop_sequence'
  | 'refusal'
  | 'max_iterations'
  | 'max_cost'
  | 'max_input_tokens'
  | 'aborted'
  | 'error';

/** Limits on one run's spending, summarizer calls included. Either may be left out. */
export interface Budget {
  /** Dollars, with prompt caching as billed. */
  readonly maxCostUsd?: number;
  /** Input tokens sent (uncached, cache reads and cache writes together). */
  readonly maxInputTokens?: number;
}

/** What a run has spent so far. */
export interface Spent {
  readonly costUsd: number;
  readonly inputTokens: number;
}

/** What the loop does after a model response, by its `stop_reason`. */
export type NextStep = 'act' | 'continue' | 'done' | 'stop';

/**
 * `tool_use` → run the tools; `max_tokens` and `pause_turn` → ask the model to go on (the reply so far is
 * kept); `refusal` → stop; `end_turn`, `stop_sequence` and anything newer → done.
 */
export function nextStep(stopReason: Anthropic.StopReason | null): NextStep {
  switch (stopReason) {
    case 'tool_use':
      return 'act';
    case 'max_tokens':
    case 'pause_turn':
      return 'continue';
    case 'refusal':
      return 'stop';
    default:
      return 'done';
  }
}

/** The limit a run has reached before its next model call, or `null`. Checked between turns only. */
export function limitReached(turns: number, maxIterations: number, budget: Budget, spent: Spent): RunStopReason | null {
  if (turns >= maxIterations) return 'max_iterations';
  if (budget.maxCostUsd !== undefined && spent.costUsd >= budget.maxCostUsd) return 'max_cost';
  if (budget.maxInputTokens !== undefined && spent.inputTokens >= budget.maxInputTokens) return 'max_input_tokens';
  return null;
}

/** Said to the model after a reply cut by `max_tokens` or paused by the API, so that it carries on. */
export const CONTINUE_PROMPT = 'Continue exactly where your previous reply stopped, without repeating it.';
