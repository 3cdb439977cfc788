import type { CompactionStep, Exchange } from '../policies/policy.ts';
import type { SummaryResult } from '../summarizers/summarizer.ts';
import type { CompactContext } from './compact.ts';
import type { StepRecord } from './events.ts';
import { turnKey } from './view-parts.ts';

type SummarizeStep = Extract<CompactionStep, { type: 'summarize' }>;

/**
 * Summarizes the chosen exchanges as the view shows them, folding in the previous summary, and commits
 * the summary only when it is sound: not empty, not cut short, not an error, and smaller than what it
 * replaces. Returns the step's record, or why the summary was refused.
 */
export async function summarizeStep(
  ctx: CompactContext,
  step: SummarizeStep,
  exchanges: readonly Exchange[],
  before: number,
): Promise<StepRecord | string> {
  const { state, counter } = ctx;
  const chosen = exchanges.filter((e) => step.exchangeIds.includes(e.id));
  const originals = chosen.flatMap((e) => e.original);
  // The summarizer reads what the model saw (cleared results stay cleared); memory gets the originals.
  const current = state.currentMessages(step.exchangeIds);
  const previous = state.summary;
  const replaced = chosen.reduce((sum, e) => sum + e.tokens, 0) + (previous ? counter.text(previous) : 0);

  try {
    await ctx.memory?.flush?.(originals);
  } catch (error) {
    return `flushing facts to memory failed: ${describe(error)}`;
  }
  let result: SummaryResult;
  try {
    result = await step.summarizer.summarize({
      messages: current,
      ...(previous ? { previousSummary: previous } : {}),
      prompt: step.prompt,
      maxTokens: step.maxTokens,
    });
  } catch (error) {
    return `the summarizer failed: ${describe(error)}`;
  }
  const summary = result.text.trim();
  const summaryTokens = counter.text(summary);
  const problem = summaryProblem(result, summary, summaryTokens, replaced);
  if (problem) return problem;
  // Read before anything changes, so that a failing store leaves the view as it was.
  let memory = state.memory;
  try {
    if (ctx.memory) memory = (await ctx.memory.index()).trim() || null;
  } catch (error) {
    return `the memory index failed: ${describe(error)}`;
  }

  state.summary = summary;
  state.memory = memory;
  state.drop(step.exchangeIds);
  return {
    type: 'summarize',
    keys: step.exchangeIds.map(turnKey),
    freed: before - ctx.tokens(),
    summaryTokens,
    model: result.model,
    usage: result.usage,
  };
}

/** Why a summary must not be committed, or `undefined` when it may. */
function summaryProblem(result: SummaryResult, summary: string, tokens: number, replaced: number): string | undefined {
  if (result.stopReason === 'max_tokens') return 'the summary was cut off at max_tokens';
  if (result.stopReason === 'error' || result.stopReason === 'refusal') {
    return `the summarizer stopped with ${result.stopReason}`;
  }
  if (summary === '') return 'the summary was empty';
  if (tokens >= replaced) return `the summary (${tokens} tokens) is not smaller than what it replaces (${replaced})`;
  return undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
