import type Anthropic from '@anthropic-ai/sdk';
import { toolResultText } from '../conversation/render.ts';
import { IDENTIFIER, sentences } from '../summarizers/facts.ts';

/** What kind of durable fact a line records. */
export type FactKind = 'identifier' | 'decision' | 'commitment';

/** A fact worth keeping through compaction: an identifier, or a sentence or action that records one. */
export interface Fact {
  readonly kind: FactKind;
  readonly text: string;
}

const COMMITMENT =
  /\b(?:I will|I'll|we will|we'll|I am going to|I'm going to|promis\w*|commit\w* to|guarantee\w*|follow(?:ing)? up|(?:will|shall) (?:send|refund|ship|call|email|contact|escalate|update|replace|credit|reach out))\b/i;
const DECISION =
  /\b(?:decid\w*|decision|agreed|approv\w*|denied|declin\w*|reject\w*|chose|chosen|classif\w*|categori[sz]\w*|prioriti[sz]\w*|priority|rout\w*|escalat\w*|assign\w*|refund\w*|resolv\w*|closed|complet\w*|cancel\w*)\b/i;
/** `IDENTIFIER` without the global flag, whose `lastIndex` would make `test` stateful. */
const IDENTIFIER_ANYWHERE = new RegExp(IDENTIFIER.source);
/** Longest fact kept, in characters. */
const MAX_FACT_CHARS = 240;
/** Longest tool argument kept in an action, in characters. */
const MAX_ARGUMENT_CHARS = 60;

/**
 * Durable facts in `messages`, in order of first appearance and without repeats: identifiers from any
 * message (ticket and order numbers, emails: the summarizer's own `IDENTIFIER` pattern); from the
 * assistant, commitments ("I'll refund ORD-…"), decisions that name an identifier, and tool calls that do
 * (`set_priority ticket_id=TKT-1 priority=high`). Pure.
 */
export function extractFacts(messages: readonly Anthropic.MessageParam[]): Fact[] {
  const facts = new Map<string, Fact>();
  const add = (kind: FactKind, raw: string) => {
    const text = clip(raw.replace(/\s+/g, ' ').trim(), MAX_FACT_CHARS);
    const key = `${kind}:${text.toLowerCase()}`;
    if (text !== '' && !facts.has(key)) facts.set(key, { kind, text });
  };
  for (const message of messages) {
    const blocks =
      typeof message.content === 'string' ? [{ type: 'text' as const, text: message.content }] : message.content;
    for (const block of blocks) {
      const text =
        block.type === 'text' ? block.text : block.type === 'tool_result' ? toolResultText(block) : action(block);
      const identifiers = text.match(IDENTIFIER) ?? [];
      for (const identifier of identifiers) add('identifier', identifier);
      if (message.role !== 'assistant') continue;
      if (block.type === 'tool_use') {
        if (identifiers.length > 0) add('decision', text);
        continue;
      }
      for (const sentence of sentences(text)) {
        if (COMMITMENT.test(sentence)) add('commitment', sentence);
        else if (DECISION.test(sentence) && IDENTIFIER_ANYWHERE.test(sentence)) add('decision', sentence);
      }
    }
  }
  return [...facts.values()];
}

/** A tool call as `name key=value …`; other blocks (images, thinking) give no text. */
function action(block: Anthropic.ContentBlockParam): string {
  if (block.type !== 'tool_use') return '';
  const input = typeof block.input === 'object' && block.input !== null ? block.input : {};
  const args = Object.entries(input).map(([key, value]) => {
    const shown = typeof value === 'string' ? value : JSON.stringify(value);
    return `${key}=${clip(shown ?? 'null', MAX_ARGUMENT_CHARS)}`;
  });
  return [block.name, ...args].join(' ');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
