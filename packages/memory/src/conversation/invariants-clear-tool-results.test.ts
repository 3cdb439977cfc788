import { clearToolResults } from '../policies/clear-tool-results.ts';
import { describeInvariants } from '../testing/check-invariants.ts';
import { TokenCounter } from '../tokens/token-counter.ts';

const counter = new TokenCounter();
const policies = {
  'clear-tool-results': () => clearToolResults({ keep: 2 }),
};
// One file per policy, so that vitest spreads the suites over the cores.
describeInvariants(policies, counter);
