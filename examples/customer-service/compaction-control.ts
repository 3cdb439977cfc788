/**
 * The cookbook's approach, as the SDKs' old client-side `compaction_control` did it: after each response,
 * if its input (cache tokens included) plus its output reached the threshold, the whole history went to
 * the model with a summary prompt, without the system prompt or the tools, and was replaced by one user
 * message holding the summary. The tool calls of the response that triggered it were never run.
 */
import type Anthropic from '@anthropic-ai/sdk';

/** The `compaction_control` settings the cookbook used. */
export interface CompactionControl {
  /** Tokens (last input + cache + output) at which the history is summarized. */
  readonly threshold: number;
  /** Model that writes the summary. @default the agent's model, as in `compaction_control` */
  readonly model?: string;
  /** @default COMPACTION_SUMMARY_PROMPT */
  readonly summaryPrompt?: string;
}

/** A continuation-summary prompt in the spirit of `compaction_control`'s default (our wording). */
export const COMPACTION_SUMMARY_PROMPT =
  'You have been working on the task above and have not finished it yet. Write a continuation summary that ' +
  'lets you, or another instance of you, resume the work efficiently once the conversation history is ' +
  'replaced by it. Make it structured, concise and actionable: the task and its goal; what is done and the ' +
  'current state; important findings and decisions; the next steps; and context that must be kept, such as ' +
  'identifiers, names and numbers. Wrap it in <summary></summary> tags.';

/** What `compaction_control` compared with its threshold. */
export function tokensUsed(usage: Anthropic.Usage): number {
  return (
    usage.input_tokens +
    (usage.cache_creation_input_tokens ?? 0) +
    (usage.cache_read_input_tokens ?? 0) +
    usage.output_tokens
  );
}

/**
 * The summary call: the history, the triggering reply without its tool calls, then the summary prompt, with
 * no system prompt and no tools. `max_tokens` is the agent's own, as the runner passed it on.
 */
export function summaryParams(
  history: readonly Anthropic.MessageParam[],
  reply: Anthropic.Message,
  options: { readonly model: string; readonly maxTokens: number; readonly prompt: string },
): Anthropic.MessageCreateParamsNonStreaming {
  const kept = (reply.content as Anthropic.ContentBlockParam[]).filter((block) => block.type !== 'tool_use');
  const messages: Anthropic.MessageParam[] = [...history];
  if (kept.length > 0) messages.push({ role: 'assistant', content: kept });
  const prompt: Anthropic.TextBlockParam = { type: 'text', text: options.prompt };
  const last = messages.at(-1);
  // The API merges two user turns in a row; the simulator wants them merged by the caller.
  if (last?.role === 'user') messages[messages.length - 1] = { role: 'user', content: [...blocksOf(last), prompt] };
  else messages.push({ role: 'user', content: [prompt] });
  return { model: options.model, max_tokens: options.maxTokens, messages };
}

/** The history after a compaction: one user message holding the summary's text. */
export function compactedHistory(summary: Anthropic.Message): Anthropic.MessageParam[] {
  const text = summary.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
  if (text.trim() === '') {
    throw new Error(
      `the summary call returned no text (stop reason ${summary.stop_reason}); compaction_control would fail here too`,
    );
  }
  return [{ role: 'user', content: [{ type: 'text', text }] }];
}

function blocksOf(message: Anthropic.MessageParam): Anthropic.ContentBlockParam[] {
  return typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : [...message.content];
}
