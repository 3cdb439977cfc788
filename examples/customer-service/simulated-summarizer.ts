import { extractiveSummarizer, type Summarizer, TokenCounter } from '@cairn/memory';

/** The share of what it reads that the simulated model writes as a summary. */
export const SIMULATED_SUMMARY_SHARE = 0.25;
/** The shortest summary the simulated model writes, in tokens. */
const MIN_SUMMARY_TOKENS = 150;

/**
 * How the offline simulator writes summaries, for every run alike: the extractive summary of
 * `@cairn/memory`, but about a quarter as long as what it summarizes (and within `max_tokens`), as a model
 * writes them. Left to fill `max_tokens`, an extractive summary is nearly as long as its input, and the
 * cookbook's run would compact on every turn; at a quarter it compacts twice on five tickets, with about
 * 9K tokens of summary calls, as the cookbook reported (2 compactions, ≈9.5K).
 */
export function simulatedSummarizer(share = SIMULATED_SUMMARY_SHARE): Summarizer {
  const counter = new TokenCounter();
  const extractive = extractiveSummarizer({ counter });
  return {
    name: 'simulated',
    summarize(request) {
      const read = counter.messages(request.messages) + counter.text(request.previousSummary ?? '');
      const length = Math.max(MIN_SUMMARY_TOKENS, Math.ceil(share * read));
      return extractive.summarize({ ...request, maxTokens: Math.min(request.maxTokens, length) });
    },
  };
}
