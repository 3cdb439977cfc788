import { TokenCounter } from '../tokens/token-counter.ts';
import { type Candidate, extractCandidates, IDENTIFIER } from './facts.ts';
import type { Summarizer, SummaryRequest, SummaryResult } from './summarizer.ts';

export interface ExtractiveSummarizerOptions {
  /** Counter used to keep the summary within `maxTokens`. @default a new TokenCounter */
  counter?: TokenCounter;
}

/** Marks the summary so that neither the model nor a later summarizer mistakes it for conversation. */
export const SUMMARY_HEADING = '# Summary of earlier conversation';
const SECTION_TITLES: Record<Candidate['section'], string> = {
  earlier: '## From earlier summaries',
  actions: '## Actions taken',
  facts: '## Facts',
};
const NO_USAGE = { inputTokens: 0, outputTokens: 0, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 };

/**
 * A local, deterministic summarizer that calls no model: it keeps the sentences richest in identifiers,
 * numbers, decisions and commitments (and words of the prompt), in reading order, within `maxTokens`,
 * followed by every identifier it saw.
 */
export function extractiveSummarizer(options: ExtractiveSummarizerOptions = {}): Summarizer {
  const counter = options.counter ?? new TokenCounter();
  return {
    name: 'extractive',
    async summarize(request: SummaryRequest): Promise<SummaryResult> {
      const text = summarizeExtractively(request, counter);
      return { text, stopReason: 'end_turn', model: 'extractive', usage: NO_USAGE };
    },
  };
}

/** The pure core of {@link extractiveSummarizer}. */
export function summarizeExtractively(request: SummaryRequest, counter: TokenCounter): string {
  const promptWords = new Set(request.prompt.toLowerCase().match(/[a-z]{4,}/g) ?? []);
  const candidates = dedupe(withRarity(extractCandidates(request.messages, request.previousSummary, promptWords)));
  const identifiers = identifierLine(candidates);
  let budget = request.maxTokens - counter.text(SUMMARY_HEADING) - 30;
  const idTokens = counter.text(identifiers);
  const withIds = idTokens < budget / 3;
  if (withIds) budget -= idTokens;

  const chosen: Candidate[] = [];
  // Most information per token first: short specific facts beat long sentences that mention one.
  const cost = (c: Candidate) => counter.text(c.text) + 2;
  const ranked = candidates
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score / Math.sqrt(cost(b)) - a.score / Math.sqrt(cost(a)) || b.order - a.order);
  for (const candidate of ranked) {
    if (cost(candidate) > budget) continue;
    chosen.push(candidate);
    budget -= cost(candidate);
  }
  chosen.sort((a, b) => a.order - b.order);

  const lines = [SUMMARY_HEADING];
  for (const section of ['earlier', 'actions', 'facts'] as const) {
    const items = chosen.filter((c) => c.section === section);
    if (items.length > 0) lines.push(SECTION_TITLES[section], ...items.map((c) => `- ${c.text}`));
  }
  if (withIds && identifiers) lines.push('## Identifiers', identifiers);
  return lines.join('\n');
}

const COMMON = new Set(
  'about after again also because been before being could does doing during every from have having here into just know like more most much need only other over really should some still such than that their them then there these they thing think this those through very want well were what when where which while will with would your'.split(' '),
);

/** Words said only once in the whole conversation are its specifics (products, places, details). */
function withRarity(candidates: Candidate[]): Candidate[] {
  const words = (text: string) => new Set(text.toLowerCase().match(/[a-z]{6,}/g) ?? []);
  const frequency = new Map<string, number>();
  for (const c of candidates) for (const w of words(c.text)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  return candidates.map((c) => {
    let rare = 0;
    for (const w of words(c.text)) if (!COMMON.has(w) && frequency.get(w) === 1) rare += 1;
    const specifics = c.specifics + rare;
    // A fact with nothing specific in it (no identifier, number, name or rare word) is padding.
    const score = c.section === 'actions' || specifics > 0 ? c.score + Math.min(rare, 2) : 0;
    return { ...c, score, specifics };
  });
}

function dedupe(candidates: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const key = c.text.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function identifierLine(candidates: readonly Candidate[]): string {
  const ids = new Set<string>();
  for (const c of candidates) for (const id of c.text.match(IDENTIFIER) ?? []) ids.add(id);
  return [...ids].join(', ');
}
