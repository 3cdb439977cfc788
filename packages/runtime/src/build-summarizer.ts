import type Anthropic from '@anthropic-ai/sdk';
import { extractiveSummarizer, type Summarizer, type TokenCounter } from '@cairn/memory';
import type { ModelClient, RetryOptions } from './call-model.ts';
import { chooseSummarizerModel } from './choose-summarizer-model.ts';
import { modelSummarizer } from './model-summarizer.ts';
import { type LedgerEntry, priceCall } from './price-call.ts';
import type { ModelPrice } from './price-table.ts';

/** The cheaper model `summarizerModel: 'auto'` weighs against the agent's own. */
export const DEFAULT_CHEAP_MODEL = 'claude-haiku-4-5';
/** How long the API keeps a 5-minute cache entry after its last use. */
export const CACHE_TTL_MS = 5 * 60_000;

export interface SummarizerSetup {
  readonly client: ModelClient;
  /** `undefined` for the local extractive summary, a model name, or `'auto'`. */
  readonly summarizerModel: string | undefined;
  readonly mainModel: string;
  readonly priceOf: (model: string) => ModelPrice;
  readonly system: string | Anthropic.TextBlockParam[] | undefined;
  readonly tools: readonly Anthropic.ToolUnion[];
  readonly counter: TokenCounter;
  readonly clock: () => Date;
  readonly retry: RetryOptions;
  /** The ledger so far: read for the cache's warmth, appended with every summary call. */
  readonly ledger: LedgerEntry[];
}

/** The summarizer for the agent's policy; model summaries record every call, committed or not. */
export function buildSummarizer(setup: SummarizerSetup): Summarizer {
  const { summarizerModel, mainModel, counter, clock } = setup;
  if (summarizerModel === undefined) return extractiveSummarizer({ counter });
  const auto = summarizerModel === 'auto';
  return modelSummarizer({
    client: setup.client,
    model: auto
      ? (request) =>
          chooseSummarizerModel({
            main: { model: mainModel, price: setup.priceOf(mainModel) },
            cheap: { model: DEFAULT_CHEAP_MODEL, price: setup.priceOf(DEFAULT_CHEAP_MODEL) },
            cacheWarm: cacheWarm(setup.ledger, clock()),
            prefixTokens: counter.system(setup.system) + counter.tools(setup.tools),
            systemTokens: counter.system(setup.system),
            promptTokens: counter.messages(request.messages) + counter.text(request.prompt),
            summaryTokens: request.maxTokens,
          }).model
      : summarizerModel,
    context: {
      ...(setup.system !== undefined && { system: setup.system }),
      tools: setup.tools,
      sameModelAs: mainModel,
    },
    retry: setup.retry,
    onResult: (result) => {
      const usage = {
        input_tokens: result.usage.inputTokens,
        output_tokens: result.usage.outputTokens,
        cache_read_input_tokens: result.usage.cacheReadInputTokens,
        cache_creation_input_tokens: result.usage.cacheCreationInputTokens,
      };
      setup.ledger.push(priceCall('summarizer', result.model, usage, setup.priceOf(result.model), clock()));
    },
  });
}

/** The main model's last call used the prompt cache, and recently enough for the entry to be alive. */
function cacheWarm(ledger: readonly LedgerEntry[], now: Date): boolean {
  const last = ledger.findLast((entry) => entry.role === 'main');
  if (!last || last.cacheReadTokens + last.cacheWriteTokens === 0) return false;
  return now.getTime() - Date.parse(last.time) < CACHE_TTL_MS;
}
