import type { DeskRules } from './desk-rules.ts';

/** What the model knows about a ticket's handling. */
export interface TicketFacts {
  category?: string;
  priority?: string;
  team?: string;
  outcome?: string;
}

/** A passage of free text about one ticket and the facts it states. */
export interface TicketMention {
  readonly id: string;
  readonly text: string;
  readonly facts: TicketFacts;
}

/** How ticket ids look: `TKT-` and digits. Order and tracking numbers never match it. */
export const TICKET_ID = /\bTKT-\d+\b/g;

const REPORT_LINE = /^\s*(?:\d+\s+)?[-*]?\s*TKT-\d+\s*\|\s*([\w-]+)\s*\|\s*([\w-]+)\s*\|\s*([\w-]+)\s*\|\s*([\w-]+)/;
/** A line that goes on the passage above: indented, or not blank, a heading or a top-level list item. */
const CONTINUATION = /^(?:\s+\S|(?![-*#]|\d+\.)\S)/;
/** `category: billing`, `"category":"billing"`, `classified as billing`, `a billing issue`, `the billing queue`. */
const CATEGORY =
  /\bcategory\b["']?\s*(?:[:=]|is|was|to|of)?\s*["']?([a-z-]+)|\bclassified\s+(?:it\s+)?as\s+(?:an?\s+)?["']?([a-z-]+)|\b(?:an?|the)\s+([a-z-]+)\s+(?:issue|ticket|request|problem|case|queue)\b/gi;
/** `priority: high`, `"priority":"high"`, `priority set to high`, `high priority`, `high-priority`. */
const PRIORITY = /\bpriority\b["']?\s*(?:[:=]|is|was|to|of|set to)?\s*["']?([a-z]+)|\b([a-z]+)[\s-]priority\b/gi;
/** Quoted text with a space in it: a subject, a drafted reply. What it says is not a fact about handling. */
const QUOTED_PROSE = /"[^"\n]*\s[^"\n]*(?:"|$)/gm;
const RESOLVED = /(?<!\bnot )\b(?:resolved|completed?|closed)\b|mark_complete/i;
const OUTCOMES = new Set(['resolved', 'unresolved', 'escalated']);

/**
 * The tickets a text talks about (summaries, memory files, notes) and the facts it states about each.
 * A ticket's passage runs from its id to the next ticket id, blank line, heading or top-level list item,
 * so `TKT-0001 | billing | high | billing-team | resolved`, an indented list under the id and
 * `- set_priority({"ticket_id":"TKT-0001","priority":"high"})` all work. Within a passage, outside
 * quoted prose, explicit statements count, the last of each kind winning (see `CATEGORY`, `PRIORITY`),
 * as do a team name and `resolved`/`completed`/`closed`/`mark_complete` not preceded by "not". A bare
 * category or priority word is not a statement.
 */
export function ticketMentions(text: string, rules: DeskRules): TicketMention[] {
  if (!text.includes('TKT-')) return [];
  const passages: { id: string; text: string }[] = [];
  let open: { id: string; text: string } | undefined;
  for (const line of text.split('\n')) {
    const ids = [...line.matchAll(TICKET_ID)];
    if (ids.length === 0) {
      if (CONTINUATION.test(line) && open) open.text += `\n${line}`;
      else open = undefined;
      continue;
    }
    ids.forEach((m, k) => {
      const start = k === 0 ? 0 : m.index;
      const end = ids[k + 1]?.index ?? line.length;
      open = { id: m[0], text: line.slice(start, end) };
      passages.push(open);
    });
  }
  return passages.map((p) => ({ ...p, facts: factsOf(p.text, rules) }));
}

function factsOf(passage: string, rules: DeskRules): TicketFacts {
  const categories = rules.categories.map((r) => r.name);
  const priorities = rules.priorities.map((r) => r.name).concat(rules.defaultPriority);
  const teams = Object.values(rules.routes);
  const line = REPORT_LINE.exec(passage);
  if (line) {
    const [, category, priority, team, outcome] = line as unknown as [string, string, string, string, string];
    return known({ category, priority, team, outcome }, { category: categories, priority: priorities, team: teams });
  }
  const plain = passage.replace(QUOTED_PROSE, '""');
  const facts: TicketFacts = {};
  const category = lastOf(plain, CATEGORY, categories);
  const priority = lastOf(plain, PRIORITY, priorities);
  const team = lastOf(plain, new RegExp(`(?<![\\w-])(${teams.map(escapeRegExp).join('|')})(?![\\w-])`, 'gi'), teams);
  if (category) facts.category = category;
  if (priority) facts.priority = priority;
  if (team) facts.team = team;
  if (RESOLVED.test(plain)) facts.outcome = 'resolved';
  return facts;
}

/** The last value, among `allowed`, that a match of `pattern` captures. */
function lastOf(text: string, pattern: RegExp, allowed: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const m of text.matchAll(pattern)) {
    const value = m
      .slice(1)
      .find((group) => group !== undefined)
      ?.toLowerCase();
    if (value !== undefined && allowed.includes(value)) found = value;
  }
  return found;
}

function known(
  values: Required<TicketFacts>,
  allowed: { category: readonly string[]; priority: readonly string[]; team: readonly string[] },
): TicketFacts {
  const facts: TicketFacts = {};
  if (allowed.category.includes(values.category)) facts.category = values.category;
  if (allowed.priority.includes(values.priority)) facts.priority = values.priority;
  if (allowed.team.includes(values.team)) facts.team = values.team;
  if (OUTCOMES.has(values.outcome)) facts.outcome = values.outcome;
  return facts;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
