import { totalUsage } from '@cairn/runtime';
import type { ReportLine } from '@cairn/simulator';
import { checkReport, type ReportCheck } from './ground-truth.ts';
import { outcomeText, type RunName, type RunTrace } from './run-trace.ts';

/** One row of the comparison, as `--json` writes it. Costs include the summary calls. */
export interface RunFigures {
  readonly name: RunName;
  readonly turns: number;
  /** The agent's own calls: input, cache reads and cache writes. */
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly summarizerInputTokens: number;
  readonly summarizerOutputTokens: number;
  readonly compactions: number;
  readonly peakContextTokens: number;
  /** Every input token at the plain input price. */
  readonly costUsd: number;
  /** With prompt caching, as billed. */
  readonly costUsdCached: number;
  readonly reportCorrect: boolean;
}

/** The `floor` row: only its turns and input tokens mean anything. */
export type FloorFigures = { readonly name: 'floor'; readonly turns: number; readonly inputTokens: number } & {
  readonly [K in Exclude<keyof RunFigures, 'name' | 'turns' | 'inputTokens'>]: null;
};

/** A run's row and how its final report compares with the ground truth. */
export function runFigures(
  trace: RunTrace,
  truth: readonly ReportLine[],
): RunFigures & { readonly check: ReportCheck } {
  const all = totalUsage([...trace.turns.map((t) => t.entry), ...trace.summarizer]);
  const summarizer = totalUsage(trace.summarizer);
  const check =
    trace.outcome.type === 'done'
      ? checkReport(trace.text, truth)
      : { correct: false, problems: [`the run did not finish: ${outcomeText(trace.outcome)}`] };
  return {
    name: trace.name,
    turns: trace.turns.length,
    inputTokens: trace.turns.reduce((total, t) => total + t.contextTokens, 0),
    outputTokens: all.outputTokens - summarizer.outputTokens,
    summarizerInputTokens: summarizer.totalInputTokens,
    summarizerOutputTokens: summarizer.outputTokens,
    compactions: trace.compactions.length,
    peakContextTokens: Math.max(0, ...trace.turns.map((t) => t.contextTokens)),
    costUsd: all.costUsdUncached,
    costUsdCached: all.costUsd,
    reportCorrect: check.correct,
    check,
  };
}

/** The floor's row: its turns and input tokens. */
export function floorFigures(perTurn: readonly number[]): FloorFigures {
  return {
    name: 'floor',
    turns: perTurn.length,
    inputTokens: perTurn.reduce((sum, n) => sum + n, 0),
    outputTokens: null,
    summarizerInputTokens: null,
    summarizerOutputTokens: null,
    compactions: null,
    peakContextTokens: null,
    costUsd: null,
    costUsdCached: null,
    reportCorrect: null,
  };
}

/** A row's input tokens with its summary calls' tokens, in and out: what the targets compare. */
export function inputWithSummaries(figures: RunFigures): number {
  return figures.inputTokens + figures.summarizerInputTokens + figures.summarizerOutputTokens;
}

/** All of a row's tokens, summaries included: what savings are measured on, as the cookbook measured. */
export function allTokens(figures: RunFigures): number {
  return inputWithSummaries(figures) + figures.outputTokens;
}
