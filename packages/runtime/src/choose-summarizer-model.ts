import type { ModelPrice } from './price-table.ts';

/** What the `'auto'` summarizer choice weighs, in tokens (estimates) and dollars per million tokens. */
export interface SummarizerChoiceInput {
  readonly main: { readonly model: string; readonly price: ModelPrice };
  readonly cheap: { readonly model: string; readonly price: ModelPrice };
  /** True when the main model's prompt cache holds this run's tools + system prefix (read within its TTL). */
  readonly cacheWarm: boolean;
  /** Tools + system: sent to the main model only, so that its request starts with the cached prefix. */
  readonly prefixTokens: number;
  /** System prompt alone: sent to the cheap model too, for the task's context. */
  readonly systemTokens: number;
  /** The transcript to summarize and the instructions. */
  readonly promptTokens: number;
  /** The summary's expected length. */
  readonly summaryTokens: number;
}

/** The model chosen and the estimated cost of both options, in dollars. */
export interface SummarizerChoice {
  readonly model: string;
  readonly mainCostUsd: number;
  readonly cheapCostUsd: number;
}

/**
 * Picks the summarizer model for `summarizerModel: 'auto'`. With P = prefix, S = system, M = prompt and
 * O = summary tokens, and prices per token:
 *
 *   main, cache warm = P × main.cacheRead + M × main.input + O × main.output
 *   main, cache cold = (P + M) × main.input + O × main.output      (P cannot be read from a cold cache)
 *   cheap            = (S + M) × cheap.input + O × cheap.output     (its cache is cold: no write is worth it)
 *
 * The main model is chosen only while its cache is warm and that makes it the cheaper; ties go to the
 * cheap model.
 */
export function chooseSummarizerModel(input: SummarizerChoiceInput): SummarizerChoice {
  const { main, cheap, prefixTokens: p, systemTokens: s, promptTokens: m, summaryTokens: o } = input;
  const prefix = p * (input.cacheWarm ? main.price.cacheRead : main.price.input);
  const mainCostUsd = (prefix + m * main.price.input + o * main.price.output) / 1_000_000;
  const cheapCostUsd = ((s + m) * cheap.price.input + o * cheap.price.output) / 1_000_000;
  const model = input.cacheWarm && mainCostUsd < cheapCostUsd ? main.model : cheap.model;
  return { model, mainCostUsd, cheapCostUsd };
}
