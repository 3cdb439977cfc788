import { parseReport, type ReportLine } from '@cairn/simulator';
import type { GeneratedTicket } from './generate-tickets.ts';
import type { SupportTeam, TicketCategory } from './tools.ts';

/** The team that owns each category, as the routing rules in the system prompt say. */
export const TEAM_FOR: Readonly<Record<TicketCategory, SupportTeam>> = {
  billing: 'billing-team',
  technical: 'tech-support',
  account: 'account-services',
  product: 'product-success',
  shipping: 'logistics-team',
};

/** How a final report compares with the ground truth: `correct` only when every ticket's line matches. */
export interface ReportCheck {
  readonly correct: boolean;
  /** One sentence per difference, e.g. `TKT-0003: priority is low, expected high`. */
  readonly problems: readonly string[];
}

/** The final report line every ticket must get: its template's category and priority, routed, resolved. */
export function groundTruth(tickets: readonly GeneratedTicket[]): ReportLine[] {
  return tickets.map(({ ticket, template }) => ({
    id: ticket.id,
    category: template.category,
    priority: template.priority,
    team: TEAM_FOR[template.category],
    outcome: 'resolved',
  }));
}

const FIELDS = ['category', 'priority', 'team', 'outcome'] as const;

/**
 * Checks a final report (the agent's last text) against the ground truth: one line per ticket, each field
 * right, no ticket twice or unknown, and the totals by priority and category, when stated, adding up.
 */
export function checkReport(text: string, truth: readonly ReportLine[]): ReportCheck {
  const lines = parseReport(text);
  const problems: string[] = [];
  const seen = new Map<string, ReportLine>();
  for (const line of lines) {
    if (seen.has(line.id)) problems.push(`${line.id}: reported twice`);
    seen.set(line.id, line);
  }
  const expectedIds = new Set(truth.map((t) => t.id));
  for (const line of lines) if (!expectedIds.has(line.id)) problems.push(`${line.id}: not in the queue`);
  for (const expected of truth) {
    const line = seen.get(expected.id);
    if (!line) {
      problems.push(`${expected.id}: missing from the report`);
      continue;
    }
    for (const field of FIELDS) {
      if (line[field] !== expected[field]) {
        problems.push(`${expected.id}: ${field} is ${line[field]}, expected ${expected[field]}`);
      }
    }
  }
  for (const key of ['priority', 'category'] as const) {
    const stated = statedTotals(text, key);
    if (stated && !sameCounts(stated, counts(truth, key))) {
      problems.push(`totals by ${key} are "${formatCounts(stated)}", expected "${formatCounts(counts(truth, key))}"`);
    }
  }
  return { correct: problems.length === 0, problems };
}

function statedTotals(text: string, key: 'priority' | 'category'): Map<string, number> | undefined {
  const match = new RegExp(`totals by ${key}:\\s*([^\\n]*)`, 'i').exec(text);
  if (!match) return undefined;
  const totals = new Map<string, number>();
  for (const [, name, n] of match[1]!.matchAll(/([\w-]+)\s+(\d+)/g)) totals.set(name!.toLowerCase(), Number(n));
  return totals;
}

function counts(lines: readonly ReportLine[], key: 'priority' | 'category'): Map<string, number> {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line[key], (totals.get(line[key]) ?? 0) + 1);
  return totals;
}

function sameCounts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([name, n]) => b.get(name) === n);
}

function formatCounts(totals: ReadonlyMap<string, number>): string {
  return [...totals].map(([name, n]) => `${name} ${n}`).join(', ');
}
