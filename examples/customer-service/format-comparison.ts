import { textTable } from '../lib/text-table.ts';
import type { Comparison } from './compare-runs.ts';
import { floorSentence, problemNotes, runDescriptions, savingSentence, sourceSentence } from './comparison-notes.ts';
import { COMPARISON_COLUMNS, comparisonRows } from './comparison-table.ts';
import { RUN_NAMES } from './run-trace.ts';

/** The comparison as the terminal shows it: what ran, the table, savings, the floor, problems, the source. */
export function formatComparison(comparison: Comparison): string {
  const descriptions = runDescriptions(comparison);
  const floor = floorSentence(comparison);
  const notes = problemNotes(comparison);
  return [
    `Customer-service desk: ${comparison.tickets} tickets (seed ${comparison.seed}), threshold ${comparison.threshold.toLocaleString('en-US')} tokens, model ${comparison.model}`,
    ...RUN_NAMES.map((name) => `  ${name.padEnd(10)}${descriptions[name]}`),
    '',
    textTable(COMPARISON_COLUMNS, comparisonRows(comparison)),
    '',
    savingSentence(comparison),
    ...(floor ? [floor] : []),
    ...(notes.length > 0 ? ['', ...notes.map((note) => `! ${note}`)] : []),
    '',
    sourceSentence(comparison),
  ].join('\n');
}
