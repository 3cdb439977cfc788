import { extractiveSummarizer, type Summarizer, TokenCounter } from '@cairn/memory';
import {
  type ContextOptions,
  DEFAULT_PRICES,
  type LedgerEntry,
  type ModelClient,
  modelSummarizer,
  type PriceTable,
  priceCall,
  priceFor,
} from '@cairn/runtime';
import { deskPolicy } from './desk-policy.ts';
import { SUPPORT_SUMMARY_PROMPT, SUPPORT_SYSTEM_PROMPT_WITH_MEMORY } from './desk-prompt.ts';

/** `desk` is the hybrid ladder with closed tickets dropped first; the others are the runtime's own. */
export const CAIRN_POLICIES = ['desk', 'hybrid', 'summarization', 'sliding-window', 'importance'] as const;
export type CairnPolicy = (typeof CAIRN_POLICIES)[number];

/** The cheaper model that writes Cairn's summaries. */
export const DEFAULT_SUMMARIZER_MODEL = 'claude-haiku-4-5';
/** `--summarizer-model local`: the extractive summary of `@cairn/memory`, no model call. */
export const LOCAL_SUMMARIZER = 'local';
/**
 * Where the desk policy cuts to, as a share of the threshold. Dropping a closed ticket frees a whole ticket
 * at once, so compactions stay chunked however high the target; a high target keeps the ladder from cutting
 * into the ticket in progress unless that ticket alone is over it.
 */
export const DESK_TARGET_SHARE = 0.95;

export interface CairnContextOptions {
  readonly policy: CairnPolicy;
  readonly threshold: number;
  readonly summarizerModel: string;
  readonly client: ModelClient;
  readonly prices?: PriceTable;
  readonly clock?: () => Date;
}

/** Cairn's context settings, and where the desk policy's summary calls are recorded (all of them). */
export interface CairnContext {
  readonly context: Pick<ContextOptions, 'policy' | 'threshold' | 'target' | 'summarizerModel'>;
  readonly summaryCalls: LedgerEntry[] | undefined;
}

/** The context options for `policy`; the runtime's named policies summarize with `summarizerModel` themselves. */
export function cairnContext(options: CairnContextOptions): CairnContext {
  const { policy, threshold, summarizerModel } = options;
  const prices = options.prices ?? DEFAULT_PRICES;
  const clock = options.clock ?? (() => new Date());
  const local = summarizerModel === LOCAL_SUMMARIZER;
  if (!local && !priceFor(summarizerModel, prices)) {
    throw new Error(
      `no price is known for summarizer model "${summarizerModel}": use one of ${Object.keys(prices).join(', ')}, ` +
        `or "${LOCAL_SUMMARIZER}" for a local extractive summary`,
    );
  }
  if (policy !== 'desk') {
    return { context: { policy, threshold, ...(local ? {} : { summarizerModel }) }, summaryCalls: undefined };
  }
  const summaryCalls: LedgerEntry[] = [];
  const summarizer: Summarizer = local
    ? extractiveSummarizer({ counter: new TokenCounter() })
    : modelSummarizer({
        client: options.client,
        model: summarizerModel,
        context: { system: SUPPORT_SYSTEM_PROMPT_WITH_MEMORY },
        onResult: (result) => {
          const price = priceFor(result.model, prices)!;
          const usage = {
            input_tokens: result.usage.inputTokens,
            output_tokens: result.usage.outputTokens,
            cache_read_input_tokens: result.usage.cacheReadInputTokens,
            cache_creation_input_tokens: result.usage.cacheCreationInputTokens,
          };
          summaryCalls.push(priceCall('summarizer', result.model, usage, price, clock()));
        },
      });
  return {
    context: {
      policy: deskPolicy({ summarizer, prompt: SUPPORT_SUMMARY_PROMPT }),
      threshold,
      target: Math.floor(DESK_TARGET_SHARE * threshold),
    },
    summaryCalls,
  };
}
