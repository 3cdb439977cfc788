import { TokenCounter } from '../tokens/token-counter.ts';
import { type Candidate, extractCandidates, IDENTIFIER } from './facts.ts';
import { keyTerms, wordFrequency } from './key-terms.ts';
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
  const all = extractCandidates(request.messages, request.previousSummary, promptWords);
  const frequency = wordFrequency(all.map((c) => c.text));
  const candidates = dedupe(all);
  const identifiers = identifierLine(candidates);
  let budget = request.maxTokens - counter.text(SUMMARY_HEADING) - 30;
  const idTokens = counter.text(identifiers);
  const withIds = idTokens < budget / 3;
  if (withIds) budget -= idTokens;

  const chosen = selectByCoverage(candidates, frequency, budget, (c) => counter.text(c.text) + 2);
  chosen.sort((a, b) => a.order - b.order);

  const lines = [SUMMARY_HEADING];
  for (const section of ['earlier', 'actions', 'facts'] as const) {
    const items = chosen.filter((c) => c.section === section);
    if (items.length > 0) lines.push(SECTION_TITLES[section], ...items.map((c) => `- ${c.text}`));
  }
  if (withIds && identifiers) lines.push('## Identifiers', identifiers);
  return lines.join('\n');
}

/**
 * Greedy coverage: repeatedly takes the candidate that adds the most uncovered key terms (plus its own
 * worth) per token, so the summary keeps many distinct facts instead of many mentions of one.
 */
function selectByCoverage(
  candidates: readonly Candidate[],
  frequency: ReadonlyMap<string, number>,
  budget: number,
  cost: (c: Candidate) => number,
): Candidate[] {
  const pool = candidates.map((c) => ({ c, terms: keyTerms(c.text, frequency), cost: cost(c) }));
  const covered = new Set<string>();
  const chosen: Candidate[] = [];
  let left = budget;
  for (;;) {
    let best: (typeof pool)[number] | undefined;
    let bestValue = 0;
    for (const item of pool) {
      if (item.cost > left) continue;
      let gain = 0;
      for (const [term, weight] of item.terms) if (!covered.has(term)) gain += weight;
      // A line with nothing new in it is padding, however well it reads.
      if (gain === 0 && item.c.section !== 'actions') continue;
      const value = (gain + item.c.score) / Math.sqrt(item.cost);
      if (value > bestValue) {
        best = item;
        bestValue = value;
      }
    }
    if (!best) return chosen;
    chosen.push(best.c);
    left -= best.cost;
    pool.splice(pool.indexOf(best), 1);
    for (const term of best.terms.keys()) covered.add(term);
  }
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
