/** A named label and the keywords (words or phrases, case-insensitive) that point to it. */
export interface Rule {
  readonly name: string;
  readonly keywords: readonly string[];
}

/** How the support model classifies, prioritizes and routes a ticket. */
export interface DeskRules {
  /** Highest keyword count wins; ties go to the earlier rule. */
  readonly categories: readonly Rule[];
  readonly defaultCategory: string;
  /** The first rule, in order, with a keyword in the ticket wins. */
  readonly priorities: readonly Rule[];
  readonly defaultPriority: string;
  /** Category → team. */
  readonly routes: Readonly<Record<string, string>>;
}

/** The rules used when the system prompt has no `Category rules:`, `Priority rules:` or `Routing rules:` block. */
export const DEFAULT_DESK_RULES: DeskRules = {
  categories: [
    rule(
      'billing',
      'billing, invoice, charge, charged, refund, payment, subscription, credit card, receipt, overcharged',
    ),
    rule('shipping', 'shipping, delivery, delivered, package, parcel, tracking, shipment, courier, in transit'),
    rule('account', 'account, password, log in, login, sign in, username, two-factor, 2fa, locked out, profile'),
    rule('technical', 'error, crash, crashes, bug, not working, outage, api, sync, install, timeout, broken'),
    rule('product', 'feature, product, recommend, compatible, specification, warranty, manual, how do i, size'),
  ],
  defaultCategory: 'product',
  priorities: [
    rule('urgent', 'outage, data loss, security, breach, fraud, hacked, unauthorized, legal action, all users'),
    rule('high', 'charged twice, double charge, locked out, cannot log in, damaged, lost, never arrived, crash'),
    rule('medium', 'delayed, late, slow, not working, wrong item, refund, error'),
    rule('low', 'feature request, question, suggestion, feedback, how do i, wondering'),
  ],
  defaultPriority: 'medium',
  routes: {
    billing: 'billing-team',
    technical: 'tech-support',
    account: 'account-services',
    product: 'product-success',
    shipping: 'logistics-team',
  },
};

/**
 * The rules a system prompt states, falling back block by block to `DEFAULT_DESK_RULES`. A block is a
 * heading line containing `Category rules`, `Priority rules` or `Routing rules`, then lines
 * `- name: keyword, keyword phrase, …` (routing: `- category: team`); `- default: name` sets the fallback.
 */
export function deskRules(system: string): DeskRules {
  const categories = ruleBlock(system, 'category rules');
  const priorities = ruleBlock(system, 'priority rules');
  const routes = ruleBlock(system, 'routing rules');
  const d = DEFAULT_DESK_RULES;
  return {
    categories: categories?.rules ?? d.categories,
    defaultCategory: categories?.fallback ?? d.defaultCategory,
    priorities: priorities?.rules ?? d.priorities,
    defaultPriority: priorities?.fallback ?? d.defaultPriority,
    routes: routes ? Object.fromEntries(routes.rules.map((r) => [r.name, r.keywords[0] ?? ''])) : d.routes,
  };
}

/** A label chosen by the rules and the first keyword that chose it (none when it is the default). */
export interface Verdict {
  readonly name: string;
  readonly evidence: string | undefined;
}

/** The category whose keywords occur most often in `text`. */
export function classify(text: string, rules: DeskRules): Verdict {
  let best: Verdict & { score: number } = { name: rules.defaultCategory, evidence: undefined, score: 0 };
  for (const r of rules.categories) {
    const hits = r.keywords.map((k) => text.match(keywordPattern(k, 'g'))?.length ?? 0);
    const score = hits.reduce((sum, n) => sum + n, 0);
    if (score > best.score) best = { name: r.name, evidence: r.keywords[hits.findIndex((n) => n > 0)], score };
  }
  return { name: best.name, evidence: best.evidence };
}

/** The first priority, in rule order, with a keyword in `text`. */
export function prioritize(text: string, rules: DeskRules): Verdict {
  for (const r of rules.priorities) {
    const evidence = r.keywords.find((k) => keywordPattern(k, '').test(text));
    if (evidence) return { name: r.name, evidence };
  }
  return { name: rules.defaultPriority, evidence: undefined };
}

/** The team a category routes to; an unknown category goes to the default category's team. */
export function teamFor(category: string, rules: DeskRules): string {
  return rules.routes[category] ?? rules.routes[rules.defaultCategory] ?? 'unknown';
}

function rule(name: string, keywords: string): Rule {
  return { name, keywords: splitKeywords(keywords) };
}

function splitKeywords(list: string): string[] {
  return list
    .split(',')
    .map((k) =>
      k
        .trim()
        .replace(/^["'“”]+|["'“”.]+$/g, '')
        .toLowerCase(),
    )
    .filter((k) => k.length > 0);
}

const patterns = new Map<string, RegExp>();
const MAX_PATTERNS = 5_000;

function keywordPattern(keyword: string, flags: '' | 'g'): RegExp {
  const key = `${flags}:${keyword}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    const escaped = keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    pattern = new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`, `i${flags}`);
    if (patterns.size >= MAX_PATTERNS) patterns.clear();
    patterns.set(key, pattern);
  }
  return pattern;
}

function ruleBlock(system: string, heading: string): { rules: Rule[]; fallback?: string } | undefined {
  const lines = system.split('\n');
  const start = lines.findIndex((line) => line.toLowerCase().includes(heading));
  if (start < 0) return undefined;
  const rules: Rule[] = [];
  let fallback: string | undefined;
  for (const line of lines.slice(start + 1)) {
    const m = /^\s*[-*]\s*([\w-]+)\s*:\s*(.+)$/.exec(line);
    if (!m) break;
    const name = m[1]!.toLowerCase();
    if (name === 'default') fallback = m[2]!.trim().toLowerCase();
    else rules.push(rule(name, m[2]!));
  }
  return rules.length > 0 ? (fallback === undefined ? { rules } : { rules, fallback }) : undefined;
}
