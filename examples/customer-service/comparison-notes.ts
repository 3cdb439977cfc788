/**
 * The sentences both the terminal output and the HTML page print around the table: what each run is,
 * the savings, how far Cairn is from the floor, and what went wrong where.
 */

import { LOCAL_SUMMARIZER } from './cairn-context.ts';
import { COMPACTION_SUMMARY_PROMPT } from './compaction-control.ts';
import type { ComparedRun, Comparison } from './compare-runs.ts';
import { allTokens, inputWithSummaries, type RunFigures } from './run-figures.ts';
import { outcomeText, type RunName } from './run-trace.ts';

/** What the cookbook published: tokens saved, and the same once its two summary calls are counted. */
export const COOKBOOK_PUBLISHED_SAVING =
  'the cookbook reported 58.6% on its own run, ≈54% once its two summary calls are counted';

/** One line per run saying what it is. */
export function runDescriptions(comparison: Comparison): Record<RunName, string> {
  const summarizer =
    comparison.summarizerModel === LOCAL_SUMMARIZER ? 'a local extractive summary' : comparison.summarizerModel;
  const policy =
    comparison.policy === 'desk'
      ? `desk policy: closed tickets leave the view (their facts are in the memory log), then the hybrid ladder (clear old tool results, prune, summarize with ${summarizer}, drop the oldest)`
      : `${comparison.policy} policy, summaries by ${summarizer}`;
  return {
    baseline: 'the cookbook’s agent, no compaction',
    cookbook: `the same agent with compaction_control: past the threshold the whole history becomes one summary by ${comparison.model}, asked without system prompt or tools ("${COMPACTION_SUMMARY_PROMPT.slice(0, 48)}…")`,
    cairn: `the agent with a ticket log in memory, on Cairn’s runtime; ${policy}`,
  };
}

/** Where the token figures come from. */
export function sourceSentence(comparison: Comparison): string {
  return comparison.source === 'simulator'
    ? 'Offline run: the model is the simulator of @cairn/simulator, a deterministic stand-in for Claude, not Claude; it writes summaries about a quarter as long as what they summarize, and its token counts are o200k-based estimates. Run with --live to use Claude.'
    : 'Live run against Claude; the floor is a local estimate of Claude’s token counts.';
}

/** Savings against the baseline, all tokens counted, beside the cookbook's published figure. */
export function savingSentence(comparison: Comparison): string {
  const baseline = figuresOf(comparison, 'baseline');
  if (!baseline || runOf(comparison, 'baseline')?.trace.outcome.type !== 'done') {
    return `No saving to measure: the baseline did not finish (${outcomeOf(comparison, 'baseline')}); ${COOKBOOK_PUBLISHED_SAVING}.`;
  }
  const saving = (name: RunName) => {
    const f = figuresOf(comparison, name);
    return f ? `${name} ${percent(1 - allTokens(f) / allTokens(baseline))}` : `${name} –`;
  };
  const cairn = figuresOf(comparison, 'cairn');
  const bound =
    comparison.floor && cairn
      ? ` Cairn's floor would save ${percent(1 - (comparison.floor.figures.inputTokens + cairn.outputTokens) / allTokens(baseline))}: the most its agent can save here with the current ticket in view.`
      : '';
  return `Saved against the baseline, all tokens counted (input, output, summaries): ${saving('cookbook')}, ${saving('cairn')}; ${COOKBOOK_PUBLISHED_SAVING}.${bound}`;
}

/** How far Cairn is above the floor, its peak context, and each run's input tokens per ticket. */
export function floorSentence(comparison: Comparison): string | undefined {
  const cairn = figuresOf(comparison, 'cairn');
  if (!comparison.floor || !cairn) return undefined;
  const floor = comparison.floor.figures.inputTokens;
  const count = (n: number) => Math.round(n).toLocaleString('en-US');
  const rows = comparison.runs.map(
    (r) => `${r.figures.name} ${count(inputWithSummaries(r.figures) / comparison.tickets)}`,
  );
  return (
    `cairn is ${percent(inputWithSummaries(cairn) / floor - 1)} above the floor (input tokens with only the current ticket in view; summaries counted); ` +
    `its peak context is ${count(cairn.peakContextTokens)} tokens (threshold ${count(comparison.threshold)}). ` +
    `Input tokens per ticket: ${rows.join(', ')}, floor ${count(floor / comparison.tickets)}.`
  );
}

/** What went wrong in each run: report errors, desk work skipped or wrong, replies unlike the baseline's. */
export function problemNotes(comparison: Comparison): string[] {
  const notes: string[] = [];
  for (const run of comparison.runs) {
    const name = run.figures.name;
    if (run.trace.outcome.type !== 'done') notes.push(`${name}: ${outcomeText(run.trace.outcome)}`);
    else if (!run.check.correct) notes.push(`${name}: final report wrong: ${listed(run.check.problems)}`);
    if (run.trace.outcome.type === 'done' && run.deskProblems.length > 0) {
      notes.push(`${name}: desk records: ${listed(run.deskProblems)}`);
    }
    const drafted = comparison.tickets - run.draftsAsBaseline;
    if (name !== 'baseline' && drafted > 0 && runOf(comparison, 'baseline')?.trace.outcome.type === 'done') {
      notes.push(`${name}: ${drafted} of ${comparison.tickets} drafted replies differ from the baseline’s`);
    }
  }
  return notes;
}

function runOf(comparison: Comparison, name: RunName): ComparedRun | undefined {
  return comparison.runs.find((r) => r.figures.name === name);
}

function figuresOf(comparison: Comparison, name: RunName): RunFigures | undefined {
  return runOf(comparison, name)?.figures;
}

function outcomeOf(comparison: Comparison, name: RunName): string {
  const run = runOf(comparison, name);
  return run ? outcomeText(run.trace.outcome) : 'not run';
}

function listed(items: readonly string[], shown = 3): string {
  const more = items.length > shown ? ` (and ${items.length - shown} more)` : '';
  return `${items.slice(0, shown).join('; ')}${more}`;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
