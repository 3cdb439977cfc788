/** One ticket in the final report; a field the model could not see is `'unknown'`. */
export interface ReportLine {
  readonly id: string;
  readonly category: string;
  readonly priority: string;
  readonly team: string;
  readonly outcome: string;
}

/** The report's first line starts with this. */
export const REPORT_TITLE = 'FINAL REPORT';

const LINE = /^(TKT-\d+) \| ([\w-]+) \| ([\w-]+) \| ([\w-]+) \| ([\w-]+)$/gm;

/** `TKT-0001 | billing | high | billing-team | resolved` */
export function formatReportLine(line: ReportLine): string {
  return `${line.id} | ${line.category} | ${line.priority} | ${line.team} | ${line.outcome}`;
}

/**
 * The final report: a title line with the ticket count, one line per ticket sorted by id, a blank line, then
 * totals by priority and by category.
 */
export function formatReport(lines: readonly ReportLine[]): string {
  const sorted = [...lines].sort((a, b) => ticketNumber(a.id) - ticketNumber(b.id) || a.id.localeCompare(b.id));
  return [
    `${REPORT_TITLE}: ${sorted.length} ticket${sorted.length === 1 ? '' : 's'} (id | category | priority | team | outcome)`,
    ...sorted.map(formatReportLine),
    '',
    `Totals by priority: ${totals(sorted, 'priority')}.`,
    `Totals by category: ${totals(sorted, 'category')}.`,
  ].join('\n');
}

/** The ticket lines of a report (or of any text holding report lines), in order. */
export function parseReport(text: string): ReportLine[] {
  return [...text.matchAll(LINE)].map(([, id, category, priority, team, outcome]) => ({
    id: id!,
    category: category!,
    priority: priority!,
    team: team!,
    outcome: outcome!,
  }));
}

function ticketNumber(id: string): number {
  return Number(/\d+/.exec(id)?.[0] ?? 0);
}

function totals(lines: readonly ReportLine[], key: 'priority' | 'category'): string {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line[key], (counts.get(line[key]) ?? 0) + 1);
  return counts.size === 0 ? 'none' : [...counts].map(([name, n]) => `${name} ${n}`).join(', ');
}
