import type Anthropic from '@anthropic-ai/sdk';

/** What a summarizer is asked to do: fold `messages` (and any earlier summary) into one text. */
export interface SummaryRequest {
  /** The messages being replaced, oldest first. */
  readonly messages: readonly Anthropic.MessageParam[];
  /** The summary already in the view, folded into the new one (incremental summarization). */
  readonly previousSummary?: string;
  /** Instructions: what to preserve. */
  readonly prompt: string;
  /** Upper bound on the summary's length, in tokens. */
  readonly maxTokens: number;
  readonly signal?: AbortSignal;
}

/** A summary and what it cost. `stopReason: 'max_tokens'` means it was cut and must not be committed. */
export interface SummaryResult {
  readonly text: string;
  readonly stopReason: 'end_turn' | 'max_tokens' | 'stop_sequence' | 'refusal' | 'error';
  /** Model that wrote it, or `'extractive'` for the local summarizer. */
  readonly model: string;
  readonly usage: {
    readonly inputTokens: number;
    readonly outputTokens: number;
    readonly cacheReadInputTokens: number;
    readonly cacheCreationInputTokens: number;
  };
}

/** Turns older messages into a summary. Local (extractive) or a model call. */
export interface Summarizer {
  readonly name: string;
  summarize(request: SummaryRequest): Promise<SummaryResult>;
}
