import { slidingWindow } from '../policies/sliding-window.ts';
import { describeInvariants } from '../testing/check-invariants.ts';
import { TokenCounter } from '../tokens/token-counter.ts';

const counter = new TokenCounter();
const policies = {
  'sliding-window': () => slidingWindow(),
  'sliding-window keepTurns': () => slidingWindow({ keepTurns: 6 }),
};
// One file per policy, so that vitest spreads the suites over the cores.
describeInvariants(policies, counter);
