import type Anthropic from '@anthropic-ai/sdk';
import type { AppendOptions, ConversationManager } from '../conversation/conversation-manager.ts';
import { ViewState } from '../conversation/view-state.ts';
import type { CompactionState } from '../policies/policy.ts';
import { TokenCounter } from '../tokens/token-counter.ts';

type Message = Anthropic.MessageParam;
type ToolResultContent = Exclude<Anthropic.ToolResultBlockParam['content'], undefined>;

/** Text of exactly `count` o200k tokens ("data data …"), to size messages in tests. */
export function words(count: number, word = 'data'): string {
  return Array.from({ length: count }, () => word).join(' ');
}

/** `length` letters with no space (a gene sequence): one piece for the tokenizer, whatever its length. */
export function geneSequence(length: number): string {
  return Array.from({ length }, (_, i) => 'ACGT'[(i * 7 + (i >> 3)) % 4]).join('');
}

export function user(content: string | Anthropic.ContentBlockParam[]): Message {
  return { role: 'user', content };
}

export function assistant(content: string | Anthropic.ContentBlockParam[]): Message {
  return { role: 'assistant', content };
}

/** One tool call of a round and what it returned. */
export interface ToolCallSpec {
  readonly name: string;
  readonly input?: Record<string, unknown>;
  readonly result: string | ToolResultContent;
  readonly error?: boolean;
}

/** An assistant message calling tools in parallel and the user message with their results. */
export interface ToolRound {
  readonly kind: 'tool-round';
  readonly calls: readonly ToolCallSpec[];
  readonly text: string | undefined;
  /** Leave the calls unanswered: the round ends the conversation in flight. */
  readonly pending: boolean;
}

export function toolRound(
  calls: readonly ToolCallSpec[],
  options: { text?: string; pending?: boolean } = {},
): ToolRound {
  return { kind: 'tool-round', calls, text: options.text, pending: options.pending ?? false };
}

/** The messages of `steps`, in order; tool calls get the ids `toolu_1`, `toolu_2`, … */
export function buildConversation(...steps: readonly (Message | ToolRound)[]): Message[] {
  const messages: Message[] = [];
  let next = 1;
  for (const step of steps) {
    if (!('kind' in step)) {
      messages.push(step);
      continue;
    }
    const ids = step.calls.map(() => `toolu_${next++}`);
    messages.push(
      assistant([
        ...(step.text === undefined ? [] : [{ type: 'text' as const, text: step.text }]),
        ...step.calls.map((call, i) => ({
          type: 'tool_use' as const,
          id: ids[i]!,
          name: call.name,
          input: call.input ?? {},
        })),
      ]),
    );
    if (step.pending) continue;
    messages.push(
      user(
        step.calls.map((call, i) => ({
          type: 'tool_result' as const,
          tool_use_id: ids[i]!,
          content: call.result,
          ...(call.error ? { is_error: true } : {}),
        })),
      ),
    );
  }
  return messages;
}

/** Appends `messages` in order; `options` maps a transcript index to what `append` is told of it. */
export function appendAll(
  manager: ConversationManager,
  messages: readonly Message[],
  options: Readonly<Record<number, AppendOptions>> = {},
): ConversationManager {
  for (const [i, message] of messages.entries()) manager.append(message, options[i] ?? {});
  return manager;
}

export interface StateOptions {
  readonly target: number;
  /** @default target * 2 */
  readonly threshold?: number;
  readonly summary?: string;
  /** @default true */
  readonly canSummarize?: boolean;
  /** What `append` is told of a message, by transcript index. */
  readonly append?: Readonly<Record<number, AppendOptions>>;
  /** Tool results already cleared, by tool use id. */
  readonly cleared?: readonly string[];
  readonly counter?: TokenCounter;
}

/**
 * What a policy sees for `messages` (no system prompt, no tools), as the manager would build it: real
 * exchanges and token estimates. For calling `policy.next(state)` directly.
 */
export function compactionState(messages: readonly Message[], options: StateOptions): CompactionState {
  const counter = options.counter ?? new TokenCounter();
  const state = new ViewState(counter);
  messages.forEach((message, i) => {
    const given = options.append?.[i];
    state.append({ message, pinned: given?.pinned ?? false, importance: given?.importance });
  });
  state.summary = options.summary ?? null;
  state.clear(options.cleared ?? []);
  return {
    exchanges: state.exchanges(),
    tokens: Math.ceil(state.viewRaw * counter.factor),
    threshold: options.threshold ?? options.target * 2,
    target: options.target,
    summary: state.summary,
    canSummarize: options.canSummarize ?? true,
    count: (text) => counter.text(text),
  };
}
