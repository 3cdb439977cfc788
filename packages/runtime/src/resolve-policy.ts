import { hybrid, importancePruning, type Policy, type Summarizer, slidingWindow, summarization } from '@cairn/memory';

/** Built-in compaction policies by name. */
export type PolicyName = 'sliding-window' | 'importance' | 'summarization' | 'hybrid';

/** How the agent keeps its context within budget. Token figures are estimates. */
export interface ContextOptions {
  /** @default 'hybrid' */
  readonly policy?: PolicyName | Policy;
  /** Tokens that trigger a compaction. @default DEFAULT_THRESHOLD from @cairn/memory (100_000) */
  readonly threshold?: number;
  /** Tokens a compaction cuts down to. @default threshold / 2 */
  readonly target?: number;
  /** What summaries must preserve. @default DEFAULT_SUMMARY_PROMPT from @cairn/memory */
  readonly summaryPrompt?: string;
  /**
   * Model that writes summaries, or `'auto'`: the agent's own model while its prompt cache is warm and that
   * is cheaper, `DEFAULT_CHEAP_MODEL` otherwise (see `chooseSummarizerModel`).
   * @default none: a local extractive summary, no model call
   */
  readonly summarizerModel?: string;
  /** Recent tokens never summarized or pruned. @default the policy's */
  readonly keepRecentTokens?: number;
}

/** The policy named in `options`, summarizing with `summarizer`. A `Policy` value is used as it is. */
export function resolvePolicy(options: ContextOptions, summarizer: Summarizer): Policy {
  const policy = options.policy ?? 'hybrid';
  if (typeof policy !== 'string') return policy;
  const keep = options.keepRecentTokens === undefined ? {} : { keepRecentTokens: options.keepRecentTokens };
  const prompt = options.summaryPrompt === undefined ? {} : { prompt: options.summaryPrompt };
  switch (policy) {
    case 'sliding-window':
      return slidingWindow(options.keepRecentTokens === undefined ? {} : { keepTokens: options.keepRecentTokens });
    case 'importance':
      return importancePruning(keep);
    case 'summarization':
      return summarization({ summarizer, ...keep, ...prompt });
    case 'hybrid':
      return hybrid({ summarizer, ...keep, ...prompt });
    default:
      throw new TypeError(
        `context.policy "${String(policy)}" is unknown: use 'sliding-window', 'importance', 'summarization', 'hybrid' or a Policy`,
      );
  }
}
