import type Anthropic from '@anthropic-ai/sdk';
import { renderMessages, type Summarizer, type SummaryRequest, type SummaryResult } from '@cairn/memory';
import { markPrefix } from './cache-breakpoints.ts';
import { callModel, type ModelClient, type RetryOptions } from './call-model.ts';

/** Options of {@link modelSummarizer}. */
export interface ModelSummarizerOptions {
  readonly client: ModelClient;
  /** The model, or a function choosing it per request (as `summarizerModel: 'auto'` does). */
  readonly model: string | ((request: SummaryRequest) => string);
  /** Replaces the policy's summary prompt. @default the policy's */
  readonly prompt?: string;
  /** Caps the summary's length. @default the policy's */
  readonly maxTokens?: number;
  /**
   * The agent's system prompt, sent so the summary knows the task, and its tools, sent only when the
   * summarizer is `sameModelAs` so that the request starts with the agent's cached prefix.
   */
  readonly context?: {
    readonly system?: string | Anthropic.TextBlockParam[];
    readonly tools?: readonly Anthropic.ToolUnion[];
    readonly sameModelAs?: string;
  };
  readonly retry?: RetryOptions;
  /** Sees every result, committed or not (a cut summary is refused but was paid for). */
  readonly onResult?: (result: SummaryResult) => void;
}

const INSTRUCTION = 'Summarize the conversation in <conversation> below for whoever continues this work.';

/**
 * A summarizer that asks a model through the Messages API. Its `stopReason` is the API's: a summary cut at
 * `max_tokens` says so and is never committed by the context manager.
 */
export function modelSummarizer(options: ModelSummarizerOptions): Summarizer {
  return {
    name: typeof options.model === 'string' ? `model:${options.model}` : 'model:auto',
    async summarize(request: SummaryRequest): Promise<SummaryResult> {
      const model = typeof options.model === 'string' ? options.model : options.model(request);
      const message = await callModel(
        options.client,
        summaryParams(model, request, options),
        { signal: request.signal },
        options.retry,
      );
      const result: SummaryResult = {
        text: message.content.map((block) => (block.type === 'text' ? block.text : '')).join(''),
        stopReason: summaryStopReason(message.stop_reason),
        model,
        usage: {
          inputTokens: message.usage.input_tokens,
          outputTokens: message.usage.output_tokens,
          cacheReadInputTokens: message.usage.cache_read_input_tokens ?? 0,
          cacheCreationInputTokens: message.usage.cache_creation_input_tokens ?? 0,
        },
      };
      options.onResult?.(result);
      return result;
    },
  };
}

function summaryParams(
  model: string,
  request: SummaryRequest,
  options: ModelSummarizerOptions,
): Anthropic.MessageStreamParams {
  const previous = request.previousSummary
    ? `<previous_summary>\n${request.previousSummary}\n</previous_summary>\nFold the previous summary into the new one.\n\n`
    : '';
  const text = `${INSTRUCTION} ${options.prompt ?? request.prompt}\n\n${previous}<conversation>\n${renderMessages(request.messages)}\n</conversation>`;
  const maxTokens = Math.min(request.maxTokens, options.maxTokens ?? request.maxTokens);
  const { system, tools = [], sameModelAs } = options.context ?? {};
  const messages: Anthropic.MessageParam[] = [{ role: 'user', content: text }];
  if (sameModelAs !== model) {
    return { model, max_tokens: maxTokens, ...(system !== undefined && { system }), messages };
  }
  // The agent's own model: start with its exact tools + system prefix (breakpoint included) to read its cache.
  const prefix = markPrefix(system, tools);
  return {
    model,
    max_tokens: maxTokens,
    ...(prefix.system && { system: prefix.system }),
    ...(tools.length > 0 && { tools: prefix.tools, tool_choice: { type: 'none' as const } }),
    messages,
  };
}

function summaryStopReason(reason: Anthropic.StopReason | null): SummaryResult['stopReason'] {
  switch (reason) {
    case 'end_turn':
    case 'max_tokens':
    case 'stop_sequence':
    case 'refusal':
      return reason;
    default:
      return 'error';
  }
}
