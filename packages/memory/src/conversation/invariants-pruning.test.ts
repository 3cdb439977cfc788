import { importancePruning } from '../policies/importance-pruning.ts';
import { describeInvariants } from '../testing/check-invariants.ts';
import { TokenCounter } from '../tokens/token-counter.ts';

const counter = new TokenCounter();
const policies = {
  importance: () => importancePruning({ keepRecentTokens: 800 }),
};
// One file per policy, so that vitest spreads the suites over the cores.
describeInvariants(policies, counter);
