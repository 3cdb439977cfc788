import type { HtmlPage, PageBlock } from '../../lib/html-page.ts';
import { describeFidelity, percent, usd } from '../sweep/format.ts';
import { describeScenario } from '../sweep/scenario.ts';
import { type Fidelity, fidelityScore, settingLabel } from '../sweep/sweep-point.ts';
import type { TuneReport } from '../tune.ts';
import { methodNotes } from './method-notes.ts';
import { tuneCharts } from './tune-charts.ts';

/** The sweep as a self-contained HTML page: recommendation, charts, every point, failures and method. */
export function tuneReportPage(report: TuneReport): HtmlPage {
  const failed = report.outcomes.filter((o) => o.type === 'failed');
  const r = report.recommendation;
  const blocks: PageBlock[] = [
    {
      type: 'paragraph',
      text:
        `${report.outcomes.length} settings swept on the ${describeScenario(report.scenario)} in ` +
        `${(report.elapsedMs / 1000).toFixed(1)} s; ${report.measured.length} measured, ${failed.length} failed.`,
    },
    { type: 'heading', text: 'Recommendation' },
    { type: 'paragraph', text: r ? `${settingLabel(r.settings)}. ${r.reason}` : 'None: every point failed.' },
    ...tuneCharts(report).map(({ svg, caption }): PageBlock => ({ type: 'svg', svg, caption })),
    { type: 'heading', text: 'Every point' },
    {
      type: 'table',
      columns: [
        'policy',
        'threshold',
        'summarizer',
        'turns',
        'input',
        'output',
        'summarizer in',
        'summarizer out',
        'peak context',
        'compactions',
        'cost',
        'cost, cached',
        'fidelity',
      ],
      rows: report.measured.map(({ settings, figures }) => [
        settings.policy,
        settings.threshold,
        settings.summarizerModel ?? '–',
        figures.turns,
        figures.inputTokens,
        figures.outputTokens,
        figures.summarizerInputTokens,
        figures.summarizerOutputTokens,
        figures.peakContextTokens,
        figures.compactions,
        usd(figures.costUsd),
        usd(figures.costUsdCached),
        fidelityText(figures.fidelity),
      ]),
      caption: 'Tokens include the summarizer’s; cost without and with prompt caching.',
    },
  ];
  if (failed.length > 0) {
    blocks.push(
      { type: 'heading', text: 'Failed points' },
      { type: 'list', items: failed.map((f) => `${settingLabel(f.settings)}: ${f.error}`) },
    );
  }
  blocks.push(
    { type: 'heading', text: 'How the figures were measured' },
    { type: 'list', items: methodNotes(report.scenario) },
  );
  return { title: 'Compaction threshold sweep', blocks };
}

function fidelityText(fidelity: Fidelity): string {
  const score = fidelityScore(fidelity);
  return `${score === null ? '–' : percent(score)}: ${describeFidelity(fidelity)}`;
}
