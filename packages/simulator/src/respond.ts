import { createHash } from 'node:crypto';
import type Anthropic from '@anthropic-ai/sdk';
import type { Summarizer, TokenCounter } from '@cairn/memory';
import { bestPassages, passagesOf } from './best-passage.ts';
import { deskRules } from './desk-rules.ts';
import { readDeskState } from './desk-state.ts';
import { summaryRequest } from './summary-request.ts';
import { type DeskTurn, supportDesk } from './support-desk.ts';
import type { SimRequest } from './validate-request.ts';
import { blocksOf, blockText, ownText, systemText } from './visible-text.ts';

/** What the simulated model answers: content blocks and why it stopped. */
export interface ModelReply {
  readonly content: Anthropic.ContentBlock[];
  readonly stopReason: Anthropic.StopReason;
  readonly outputTokens: number;
}

/** What `respond` needs besides the request. */
export interface RespondDeps {
  /** Counts output tokens and fits replies into `max_tokens`; use one built for the request's model. */
  readonly counter: TokenCounter;
  /** Writes the summary when the request asks for one. */
  readonly summarizer: Summarizer;
}

/** Tokens a `tool_use` block costs beyond its name and input. */
const TOOL_USE_TOKENS = 6;
/** A question: a sentence ending in `?`, or a text opening with a question word or "name"/"list"/"tell me". */
const QUESTION = /\?(?:\s|$)|^(?:what|which|who|whose|where|when|why|how|name|list|tell me)\b/i;
/** Passages an answer quotes, best first by score but in reading order. */
const ANSWER_PASSAGES = 5;
const NOTHING_FOUND = "I can't find that in our conversation.";
const ACKNOWLEDGED = 'Thank you, I have noted that.';

/**
 * The simulated model: a pure function of the request's model, system prompt, tools and messages.
 * In order: `max_tokens: 0` yields nothing; a summarization request gets the summarizer's summary (in
 * `<summary>` tags when the request mentions them); a question (see `QUESTION`) asked after the first
 * message or without the desk tools gets the passages of the context that best answer it; with
 * `get_next_ticket` offered it works the ticket queue; anything else is acknowledged. A reply longer
 * than `max_tokens` is cut there.
 */
export async function respond(request: SimRequest, deps: RespondDeps): Promise<ModelReply> {
  if (request.maxTokens === 0) return { content: [], stopReason: 'max_tokens', outputTokens: 0 };
  const summary = summaryRequest(request);
  if (summary) {
    const tagged = `${systemText(request.system)} ${ownText(request.messages.at(-1)!)}`.includes('<summary>');
    const tagTokens = tagged ? deps.counter.text(`<summary>\n\n</summary>`) : 0;
    const result = await deps.summarizer.summarize({
      ...summary,
      maxTokens: Math.max(1, request.maxTokens - tagTokens),
    });
    const body = tagged ? `<summary>\n${result.text}\n</summary>` : result.text;
    return fit([text(body)], request.maxTokens, deps.counter, result.stopReason === 'max_tokens');
  }
  const offered = new Set(request.tools.map((t) => (t as { name?: string }).name ?? t.type ?? ''));
  const question = ownText(request.messages.at(-1)!).trim();
  const desk = offered.has('get_next_ticket');
  if (QUESTION.test(question) && (!desk || request.messages.length > 1)) {
    const answer = bestPassages(question, contextPassages(request), ANSWER_PASSAGES).join(' ');
    return fit([text(answer || NOTHING_FOUND)], request.maxTokens, deps.counter);
  }
  if (!desk) return fit([text(ACKNOWLEDGED)], request.maxTokens, deps.counter);
  const system = systemText(request.system);
  const rules = deskRules(system);
  const turn = supportDesk(readDeskState(request.system, request.messages, rules), offered, rules);
  return fit(deskContent(turn, request), request.maxTokens, deps.counter);
}

function deskContent(turn: DeskTurn, request: SimRequest): Anthropic.ContentBlock[] {
  const seed = createHash('sha256').update(request.model).update(JSON.stringify(request.messages)).digest('hex');
  return [
    text(turn.text),
    ...turn.calls.map(
      (call, i): Anthropic.ToolUseBlock => ({
        type: 'tool_use',
        id: `toolu_${createHash('sha256').update(`${seed}:${i}`).digest('hex').slice(0, 24)}`,
        name: call.name,
        input: call.input,
        caller: { type: 'direct' },
      }),
    ),
  ];
}

/** Everything the model can read except the question itself, as passages. */
function contextPassages(request: SimRequest): string[] {
  const texts = [systemText(request.system)];
  request.messages.forEach((message, i) => {
    const isQuestion = i === request.messages.length - 1;
    for (const block of blocksOf(message)) if (!(isQuestion && block.type === 'text')) texts.push(blockText(block));
  });
  return texts.flatMap(passagesOf);
}

/** Keeps whole blocks while they fit in `maxTokens`, cutting the first text that does not. */
function fit(content: Anthropic.ContentBlock[], maxTokens: number, counter: TokenCounter, cut = false): ModelReply {
  const kept: Anthropic.ContentBlock[] = [];
  let used = 0;
  for (const block of content) {
    if (block.type === 'text' && block.text === '') continue;
    const tokens = blockTokens(block, counter);
    if (used + tokens <= maxTokens) {
      kept.push(block);
      used += tokens;
      continue;
    }
    if (block.type === 'text') {
      const truncated = truncate(block.text, maxTokens - used, counter);
      if (truncated) {
        kept.push({ ...block, text: truncated });
        used += counter.text(truncated);
      }
    }
    return { content: kept, stopReason: 'max_tokens', outputTokens: used };
  }
  const stopReason = cut ? 'max_tokens' : kept.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn';
  return { content: kept, stopReason, outputTokens: Math.max(1, used) };
}

function blockTokens(block: Anthropic.ContentBlock, counter: TokenCounter): number {
  if (block.type === 'text') return counter.text(block.text);
  if (block.type === 'tool_use')
    return TOOL_USE_TOKENS + counter.text(block.name) + counter.text(JSON.stringify(block.input));
  return counter.text(JSON.stringify(block));
}

/** The longest prefix of whole words within `budget` tokens. */
function truncate(text: string, budget: number, counter: TokenCounter): string {
  const words = text.split(/(?<=\s)/);
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (counter.text(words.slice(0, mid).join('').trimEnd()) <= budget) lo = mid;
    else hi = mid - 1;
  }
  return words.slice(0, lo).join('').trimEnd();
}

function text(value: string): Anthropic.TextBlock {
  return { type: 'text', text: value, citations: null };
}
