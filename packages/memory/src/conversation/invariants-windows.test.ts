import { clearToolResults } from '../policies/clear-tool-results.ts';
import { slidingWindow } from '../policies/sliding-window.ts';
import { describeInvariants } from '../testing/check-invariants.ts';
import { TokenCounter } from '../tokens/token-counter.ts';

const counter = new TokenCounter();
const policies = {
  'sliding-window': () => slidingWindow(),
  'sliding-window keepTurns': () => slidingWindow({ keepTurns: 6 }),
  'clear-tool-results': () => clearToolResults({ keep: 2 }),
};
// One file per group of policies, so that vitest runs the groups on separate cores.
describeInvariants(policies, counter);
