/** What the simulator enforces per model: the limits a request is validated against and cached by. */
export interface ModelSpec {
  /** Prompt tokens (input, cache reads and writes together) the model accepts. */
  readonly contextWindow: number;
  /** Largest `max_tokens` the model accepts. */
  readonly maxOutputTokens: number;
  /** A `cache_control` breakpoint caches nothing when the prefix up to it is shorter than this. */
  readonly minCacheableTokens: number;
}

const CONTEXT_WINDOW = 200_000;

/** Every model has the same context window; they differ in output and cacheable minimum. */
const spec = (maxOutputTokens: number, minCacheableTokens: number): ModelSpec => ({
  contextWindow: CONTEXT_WINDOW,
  maxOutputTokens,
  minCacheableTokens,
});
const OPUS_4_5 = spec(64_000, 1_024);
const OPUS_4_6 = spec(128_000, 1_024);
const SONNET_4 = spec(64_000, 1_024);
const HAIKU_4_5 = spec(64_000, 2_048);
const GEN_5_5 = spec(128_000, 4_096);

/**
 * The models the simulator knows (those of the price table in FACTS.md, plus dated aliases). The figures
 * are the simulator's assumptions, close to the published ones; a request naming any other model gets
 * a 404 `not_found_error`.
 */
export const MODEL_SPECS: Readonly<Record<string, ModelSpec>> = {
  'claude-opus-4-5': OPUS_4_5,
  'claude-opus-4-5-20251101': OPUS_4_5,
  'claude-opus-4-6': OPUS_4_6,
  'claude-opus-4-7': OPUS_4_6,
  'claude-opus-4-8': OPUS_4_6,
  'claude-sonnet-4-5': SONNET_4,
  'claude-sonnet-4-5-20250929': SONNET_4,
  'claude-sonnet-4-6': SONNET_4,
  'claude-haiku-4-5': HAIKU_4_5,
  'claude-haiku-4-5-20251001': HAIKU_4_5,
  'claude-sonnet-5-5': GEN_5_5,
  'claude-opus-5-5': GEN_5_5,
  'claude-haiku-5-5': GEN_5_5,
};

/** The spec of a known model, or `undefined`. */
export function modelSpec(model: string): ModelSpec | undefined {
  return Object.hasOwn(MODEL_SPECS, model) ? MODEL_SPECS[model] : undefined;
}
