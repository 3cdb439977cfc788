import type Anthropic from '@anthropic-ai/sdk';
import { renderToolCall, toolResultText } from '../conversation/render.ts';

/** One sentence or line that may go into an extractive summary. */
export interface Candidate {
  readonly text: string;
  readonly section: 'earlier' | 'actions' | 'facts';
  /** Position in the source, to restore reading order. */
  readonly order: number;
  /** Worth beyond its key terms: tool calls, commitments, first-person facts, words of the prompt. */
  readonly score: number;
}

/** Identifiers: ticket, order and account numbers (TKT-1001, ORD_88, INV2231), emails, tracking codes. */
export const IDENTIFIER = /\b(?:[A-Z]{2,}[-_]?\d[\w-]*|[\w.+-]+@[\w-]+\.[\w.]+|\d[A-Z\d]{9,})\b/g;
export const NUMBER =
  /(?:[$€£]\s?\d[\d,.]*|\b\d[\d,.]*\s?%|\b\d[\d,.:/-]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|thousand)\b)/gi;
const COMMITMENT =
  /\b(decid\w*|will|promis\w*|agree\w*|refund\w*|escalat\w*|rout\w*|assign\w*|priorit\w*|classif\w*|resolv\w*|complet\w*|schedul\w*|deadline|must|never|always|cancel\w*|replac\w*|next step)\b/i;
const FIRST_PERSON = /\b(my|i'm|i am|i've|i have|i live|i work|i prefer|i like|i need|i want|i ordered|i bought)\b/i;
export const PROPER_NOUN = /(?<=[a-z,;:] )[A-Z][a-z]{2,}/g;
const MAX_SENTENCE_CHARS = 320;
const MAX_FIELD_CHARS = 160;

/** Splits messages into scored candidates. Pure: the same messages always give the same candidates. */
export function extractCandidates(
  messages: readonly Anthropic.MessageParam[],
  previousSummary: string | undefined,
  promptWords: ReadonlySet<string>,
): Candidate[] {
  const out: Candidate[] = [];
  const add = (text: string, section: Candidate['section'], bonus: number) => {
    const trimmed = text.trim().replace(/\s+/g, ' ');
    if (trimmed.length < 3) return;
    const clipped = trimmed.length > MAX_SENTENCE_CHARS ? `${trimmed.slice(0, MAX_SENTENCE_CHARS)}…` : trimmed;
    out.push({
      text: clipped,
      section,
      order: out.length,
      score: scoreSentence(clipped, promptWords) + bonus,
    });
  };
  let heading = '';
  for (const line of (previousSummary ?? '').split('\n')) {
    if (line.startsWith('#')) heading = line;
    // The identifier list is rebuilt from all candidates, so the old one is not carried as a fact.
    else if (heading !== '## Identifiers') add(line.replace(/^[-*]\s*/, ''), 'earlier', 0);
  }
  const toolNames = new Map<string, string>();
  for (const message of messages) {
    const userBonus = message.role === 'user' ? 1 : 0;
    if (typeof message.content === 'string') {
      for (const s of sentences(message.content).flatMap(clauses)) add(s, 'facts', userBonus);
      continue;
    }
    for (const block of message.content) {
      if (block.type === 'text') for (const s of sentences(block.text).flatMap(clauses)) add(s, 'facts', userBonus);
      else if (block.type === 'tool_use') {
        toolNames.set(block.id, block.name);
        add(renderToolCall(block.name, block.input), 'actions', 4);
      } else if (block.type === 'tool_result') {
        const name = toolNames.get(block.tool_use_id) ?? 'tool';
        for (const line of toolResultLines(name, toolResultText(block), block.is_error === true)) {
          add(line, 'facts', 1);
        }
      }
    }
  }
  return out;
}

/** A tool result as a line of its short fields plus the sentences of its long ones. */
function toolResultLines(name: string, text: string, isError: boolean): string[] {
  const prefix = `${name}${isError ? ' failed' : ''} →`;
  const parsed = parseJson(text);
  if (parsed === undefined || typeof parsed !== 'object' || parsed === null) {
    return sentences(text).map((s, i) => (i === 0 ? `${prefix} ${s}` : s));
  }
  const short: string[] = [];
  const long: string[] = [];
  flatten(parsed, '', short, long);
  return [`${prefix} ${short.join(', ')}`, ...long.flatMap(sentences)];
}

function flatten(value: unknown, path: string, short: string[], long: string[]): void {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) flatten(item, `${path}[${i}]`, short, long);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, path ? `${path}.${key}` : key, short, long);
  } else if (typeof value === 'string' && value.length > MAX_FIELD_CHARS) {
    long.push(value);
  } else if (value !== null && value !== undefined && value !== '') {
    short.push(`${path}=${String(value)}`);
  }
}

function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    return undefined;
  }
}

export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"'(])|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Words per clause above which a sentence is split into its clauses, to keep facts and drop the padding. */
const LONG_SENTENCE_WORDS = 14;
const CLAUSE_BREAK =
  /\s*(?:;|:|—|–|\(|\)|,\s(?=(?:and|but|so|which|because|although|though|while|plus|especially|like)\b)|,\s(?=I\b))\s*/;

/** A long sentence as its clauses; a short one as it is. */
function clauses(sentence: string): string[] {
  if (sentence.split(/\s+/).length <= LONG_SENTENCE_WORDS) return [sentence];
  return sentence
    .split(CLAUSE_BREAK)
    .map((c) => c.trim())
    .filter((c) => c.split(/\s+/).length >= 3);
}

/** What makes a sentence worth more than its specifics: commitments, first-person facts, prompt words. */
function scoreSentence(text: string, promptWords: ReadonlySet<string>): number {
  let score = 0;
  if (COMMITMENT.test(text)) score += 1;
  if (FIRST_PERSON.test(text)) score += 0.5;
  if (text.endsWith('?')) score -= 1;
  for (const word of text.toLowerCase().match(/[a-z]{4,}/g) ?? []) {
    if (promptWords.has(word)) {
      score += 1;
      break;
    }
  }
  return score;
}
