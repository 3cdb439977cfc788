import type { HtmlPage } from '../lib/html-page.ts';
import type { Comparison } from './compare-runs.ts';
import { comparisonCharts } from './comparison-chart.ts';
import { floorSentence, problemNotes, runDescriptions, savingSentence, sourceSentence } from './comparison-notes.ts';
import { COMPARISON_COLUMNS, comparisonRows } from './comparison-table.ts';
import { RUN_NAMES } from './run-trace.ts';

/** The self-contained HTML page of a comparison: what ran, the table, the per-turn chart and the notes. */
export function comparisonPage(comparison: Comparison): HtmlPage {
  const descriptions = runDescriptions(comparison);
  const floor = floorSentence(comparison);
  const notes = problemNotes(comparison);
  return {
    title: `Customer-service desk: ${comparison.tickets} tickets, threshold ${comparison.threshold.toLocaleString('en-US')}`,
    blocks: [
      { type: 'paragraph', text: sourceSentence(comparison) },
      { type: 'list', items: RUN_NAMES.map((name) => `${name}: ${descriptions[name]}`) },
      {
        type: 'table',
        caption: `Seed ${comparison.seed}, model ${comparison.model}. Input tokens include cache reads and writes; costs include summary calls.`,
        columns: COMPARISON_COLUMNS,
        rows: comparisonRows(comparison),
      },
      { type: 'paragraph', text: savingSentence(comparison) },
      ...(floor ? [{ type: 'paragraph' as const, text: floor }] : []),
      ...comparisonCharts(comparison).map((svg) => ({
        type: 'svg' as const,
        svg,
        caption:
          'Tokens sent on each turn. Markers: the first turn after a compaction (hover for the figures). Dashed: the floor, what each turn needs with only the current ticket in view.',
      })),
      ...(notes.length > 0
        ? [
            { type: 'heading' as const, text: 'What went wrong' },
            { type: 'list' as const, items: notes },
          ]
        : []),
    ],
  };
}
