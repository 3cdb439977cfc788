import { int, usd } from '../sweep/format.ts';
import { type Fidelity, sameSettings, settingLabel } from '../sweep/sweep-point.ts';
import type { TuneReport } from '../tune.ts';

type Align = 'left' | 'right';

const COLUMNS: readonly { title: string; align: Align }[] = [
  { title: '', align: 'left' },
  { title: 'policy', align: 'left' },
  { title: 'threshold', align: 'right' },
  { title: 'summarizer', align: 'left' },
  { title: 'turns', align: 'right' },
  { title: 'input', align: 'right' },
  { title: 'output', align: 'right' },
  { title: 'peak', align: 'right' },
  { title: 'compactions', align: 'right' },
  { title: 'cost', align: 'right' },
  { title: 'cached', align: 'right' },
  { title: 'fidelity', align: 'right' },
];

/**
 * The sweep as a text table, one row per point in grid order (★ the recommendation, ◆ the Pareto front),
 * then the failed points with their reasons and the recommendation with its reason.
 */
export function terminalTable(report: TuneReport): string {
  const recommended = report.recommendation?.settings;
  const front = new Set(report.front.map((p) => p.settings));
  const rows = report.measured.map(({ settings, figures }) => [
    sameSettings(settings, recommended) ? '★' : front.has(settings) ? '◆' : '',
    settings.policy,
    int(settings.threshold),
    settings.summarizerModel ?? '–',
    int(figures.turns),
    int(figures.inputTokens),
    int(figures.outputTokens),
    int(figures.peakContextTokens),
    int(figures.compactions),
    usd(figures.costUsd),
    usd(figures.costUsdCached),
    shortFidelity(figures.fidelity),
  ]);
  const kind = report.measured[0]?.figures.fidelity.kind;
  const lines = [
    ...table(
      COLUMNS.map((c) => c.title),
      rows,
    ),
    '',
    `★ recommended  ◆ on the cost–fidelity Pareto front  · tokens include the summarizer's · cost without / with prompt caching` +
      (kind === 'probes'
        ? ' · fidelity: probes in view (recoverable)'
        : ' · fidelity: tickets right in the final report'),
  ];
  const failed = report.outcomes.filter((o) => o.type === 'failed');
  if (failed.length > 0) {
    lines.push('', `${failed.length} of ${report.outcomes.length} points failed:`);
    for (const f of failed) lines.push(`  ${settingLabel(f.settings)}: ${f.error}`);
  }
  const r = report.recommendation;
  lines.push(
    '',
    r ? `Recommendation: ${settingLabel(r.settings)}. ${r.reason}` : 'No recommendation: every point failed.',
  );
  return lines.join('\n');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (COLUMNS[i]!.align === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function shortFidelity(fidelity: Fidelity): string {
  switch (fidelity.kind) {
    case 'report': {
      const wrong = !fidelity.reportCorrect && fidelity.ticketsRight === fidelity.tickets;
      return `${fidelity.ticketsRight}/${fidelity.tickets}${wrong ? ' (report wrong)' : ''}`;
    }
    case 'probes':
      return `${fidelity.inView}/${fidelity.probes} (${fidelity.recoverable})`;
  }
}
