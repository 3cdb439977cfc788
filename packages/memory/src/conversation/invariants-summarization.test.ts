import { summarization } from '../policies/summarization.ts';
import { extractiveSummarizer } from '../summarizers/extractive.ts';
import { describeInvariants } from '../testing/check-invariants.ts';
import { TokenCounter } from '../tokens/token-counter.ts';

const counter = new TokenCounter();
const summarizer = extractiveSummarizer({ counter });
const policies = {
  summarization: () => summarization({ summarizer, keepRecentTokens: 800 }),
};
// One file per policy, so that vitest spreads the suites over the cores.
describeInvariants(policies, counter);
