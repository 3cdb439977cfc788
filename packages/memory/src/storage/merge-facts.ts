import type { Fact, FactKind } from './extract-facts.ts';

const TITLE = '# Facts';
const INTRO = 'Durable facts saved before the conversation was summarized. One per line; edit freely.';
const SECTIONS: Readonly<Record<FactKind, string>> = {
  identifier: '## Identifiers',
  decision: '## Decisions',
  commitment: '## Commitments',
};

/**
 * Adds `facts` to a facts file (Markdown: a section per kind, one `- ` line per fact), skipping any fact
 * already in it under any section, compared without case or extra spaces. Idempotent and pure: merging
 * the same facts again changes nothing. `existing` is `undefined` when there is no file yet.
 */
export function mergeFacts(
  existing: string | undefined,
  facts: readonly Fact[],
): { readonly content: string; readonly added: Fact[] } {
  const lines = (existing ?? `${TITLE}\n\n${INTRO}\n`).replace(/\n+$/, '').split('\n');
  const known = new Set(lines.filter((line) => line.startsWith('- ')).map((line) => normalize(line.slice(2))));
  const added: Fact[] = [];
  for (const kind of Object.keys(SECTIONS) as FactKind[]) {
    const bullets: string[] = [];
    for (const fact of facts) {
      const key = normalize(fact.text);
      if (fact.kind !== kind || known.has(key)) continue;
      known.add(key);
      bullets.push(`- ${fact.text}`);
      added.push(fact);
    }
    if (bullets.length > 0) insertInSection(lines, SECTIONS[kind], bullets);
  }
  return { content: added.length > 0 ? `${lines.join('\n')}\n` : (existing ?? ''), added };
}

/** Appends `bullets` at the end of the section under `heading`, adding the section if it is missing. */
function insertInSection(lines: string[], heading: string, bullets: readonly string[]): void {
  const start = lines.indexOf(heading);
  if (start === -1) {
    lines.push('', heading, ...bullets);
    return;
  }
  let end = start + 1;
  while (end < lines.length && !lines[end]!.startsWith('#')) end++;
  while (end > start + 1 && lines[end - 1]!.trim() === '') end--;
  lines.splice(end, 0, ...bullets);
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}
