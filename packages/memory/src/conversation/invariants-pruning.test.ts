import fc from 'fast-check';
import { describe, it } from 'vitest';
import { importancePruning } from '../policies/importance-pruning.ts';
import { replayAndCheck } from '../testing/check-invariants.ts';
import { conversationArb } from '../testing/random-conversation.ts';
import { TokenCounter } from '../tokens/token-counter.ts';

const counter = new TokenCounter();
const policies = {
  importance: () => importancePruning({ keepRecentTokens: 800 }),
};
const THRESHOLDS = [3_000, 8_000, 30_000];
/** Random conversations, each replayed under every policy of this file at every threshold. */
const CONVERSATIONS = 1_000;

describe('the six invariants of DESIGN.md hold after every prepare()', () => {
  for (const [name, make] of Object.entries(policies)) {
    it(`${name}, on ${CONVERSATIONS.toLocaleString('en-US')} random conversations at ${THRESHOLDS.join(', ')} tokens`, async () => {
      await fc.assert(
        fc.asyncProperty(conversationArb, async (messages) => {
          for (const threshold of THRESHOLDS) await replayAndCheck(messages, make(), threshold, counter);
        }),
        { numRuns: CONVERSATIONS, seed: 42 },
      );
    }, 1_200_000);
  }
});
