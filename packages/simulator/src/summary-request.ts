import type Anthropic from '@anthropic-ai/sdk';
import type { SummaryRequest } from '@cairn/memory';
import type { SimRequest } from './validate-request.ts';
import { ownText, systemText } from './visible-text.ts';

const VERB = '(?:write|provide|produce|create|generate|give|prepare|return|output|make)';
/** A sentence that asks for a summary: "Summarize …", "Write a (continuation) summary …", "Your task is to summarize …". */
const INSTRUCTION = new RegExp(
  `^(?:please\\s+|now\\s+|your task is to\\s+|you must\\s+|i need you to\\s+)*(?:summari[sz]e\\b|${VERB}\\b[^.!?]*\\bsummary\\b)`,
  'i',
);
/** A system prompt that makes the model a summarizer: its first sentence says summarize/summarizer/summarizing. */
const SUMMARIZER_ROLE = /\bsummari[sz](?:e|er|ing)\b/i;

/**
 * The summarization request a request makes, or `undefined`. A request asks for a summary when the last
 * user message's own text (outside any `<summary>…</summary>`) has a sentence starting with a summary
 * instruction, or when it offers no tools and the system prompt's first sentence is about summarizing.
 * The messages to summarize are all of them, the instruction sentences taken out.
 */
export function summaryRequest(request: SimRequest): Omit<SummaryRequest, 'signal'> | undefined {
  const last = request.messages.at(-1)!;
  const sentences = splitSentences(ownText(last).replace(/<summary>[\s\S]*?<\/summary>/gi, ' '));
  const instructions = sentences.filter((s) => INSTRUCTION.test(s));
  const system = systemText(request.system);
  const firstSentence = splitSentences(system)[0] ?? '';
  const summarizer = request.tools.length === 0 && SUMMARIZER_ROLE.test(firstSentence);
  if (instructions.length === 0 && !summarizer) return undefined;
  const remainder = withoutSentences(last, instructions);
  const messages = remainder ? [...request.messages.slice(0, -1), remainder] : request.messages.slice(0, -1);
  return {
    messages,
    prompt: [system, ...instructions].filter(Boolean).join('\n'),
    maxTokens: request.maxTokens,
  };
}

function splitSentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+/)
    .map((s) => s.trim().replace(/^[-*>#\s]+/, ''))
    .filter(Boolean);
}

function withoutSentences(
  message: Anthropic.MessageParam,
  drop: readonly string[],
): Anthropic.MessageParam | undefined {
  const blocks: Anthropic.ContentBlockParam[] =
    typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : [...message.content];
  const kept = blocks.flatMap((b): Anthropic.ContentBlockParam[] => {
    if (b.type !== 'text') return [b];
    const text = drop.reduce((rest, sentence) => rest.replace(sentence, ''), b.text).trim();
    return text ? [{ type: 'text', text }] : [];
  });
  return kept.length > 0 ? ({ role: message.role, content: kept } as Anthropic.MessageParam) : undefined;
}
