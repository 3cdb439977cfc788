import type Anthropic from '@anthropic-ai/sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConversationManager } from '../conversation/conversation-manager.ts';
import { toolResultText } from '../conversation/render.ts';
import { viewProblems } from '../conversation/sequence.ts';
import { ContextBudgetError } from '../errors.ts';
import type { Policy } from '../policies/policy.ts';
import type { TokenCounter } from '../tokens/token-counter.ts';
import { conversationArb } from './random-conversation.ts';

type Message = Anthropic.MessageParam;

const THRESHOLDS = [3_000, 8_000, 30_000];
/** Random conversations, each replayed under every policy at every threshold. */
const CONVERSATIONS = 1_000;

/** The property suite: DESIGN.md's six invariants for each policy, on random conversations. */
export function describeInvariants(policies: Record<string, () => Policy>, counter: TokenCounter): void {
  describe('the six invariants of DESIGN.md hold after every prepare()', () => {
    for (const [name, make] of Object.entries(policies)) {
      const title = `${name}, on ${CONVERSATIONS.toLocaleString('en-US')} random conversations at ${THRESHOLDS.join(', ')} tokens`;
      it(title, async () => {
        await fc.assert(
          fc.asyncProperty(conversationArb, async (messages) => {
            for (const threshold of THRESHOLDS) await replayAndCheck(messages, make(), threshold, counter);
          }),
          { numRuns: CONVERSATIONS, seed: 42 },
        );
      }, 1_200_000);
    }
  });
}

/**
 * Feeds a conversation turn by turn into a manager, calling prepare() before every assistant reply and
 * at the end, and checks DESIGN.md's six invariants after each prepare().
 */
export async function replayAndCheck(
  messages: readonly Message[],
  policy: Policy,
  threshold: number,
  counter: TokenCounter,
): Promise<void> {
  const manager = new ConversationManager({
    system: 'You are a support agent.',
    policy,
    counter,
    compaction: { threshold, target: Math.floor(threshold / 2), reserve: 1_000 },
  });
  for (const message of messages) {
    if (message.role === 'assistant') await prepareAndCheck(manager, threshold, counter);
    manager.append(message);
  }
  await prepareAndCheck(manager, threshold, counter);
  checkNothingLost(manager);
}

async function prepareAndCheck(manager: ConversationManager, threshold: number, counter: TokenCounter) {
  let budgetError = false;
  try {
    const result = await manager.prepare();
    // 6. Chunks: a compaction cuts to the target unless what must stay is itself over it.
    if (result) {
      const chunked = result.after <= manager.config.target || result.after <= protectedTokens(manager, counter) * 1.1;
      expect(chunked).toBe(true);
    }
  } catch (error) {
    if (!(error instanceof ContextBudgetError)) throw error;
    budgetError = true;
    expect(error.needed).toBeGreaterThan(threshold * (1 - manager.config.minGain) - 1);
  }
  const view = manager.view();
  const transcript = manager.transcript;
  // 1. Valid for the Messages API.
  expect(viewProblems(view)).toEqual([]);
  // 2. The latest user request and the in-flight exchange are never removed.
  expect(view.at(-1)).toBe(transcript.at(-1));
  const latest = latestRequest(transcript);
  if (latest) expect(view.some((m) => m === latest || contains(m, latest))).toBe(true);
  // 3. Under the threshold after prepare(), unless the budget error said why not.
  const skipped = manager.events.at(-1)?.type === 'compaction-skipped';
  if (!budgetError && !skipped) expect(manager.tokens()).toBeLessThanOrEqual(threshold);
}

/** 4. Nothing lost: every removed exchange and cleared result comes back by key. */
function checkNothingLost(manager: ConversationManager): void {
  for (const event of manager.events) {
    if (event.type !== 'compaction') continue;
    for (const step of event.steps) for (const key of step.keys) expect(manager.recall(key)).toBeDefined();
  }
  for (const message of manager.transcript) {
    if (typeof message.content === 'string') continue;
    for (const block of message.content) {
      if (block.type === 'tool_result') {
        expect(manager.recall(`result:${block.tool_use_id}`)).toBe(toolResultText(block));
      }
    }
  }
}

function latestRequest(transcript: readonly Message[]): Message | undefined {
  return transcript.findLast(
    (m) => m.role === 'user' && (typeof m.content === 'string' || m.content.some((b) => b.type !== 'tool_result')),
  );
}

/** The head message may fold the opening request in behind the summary. */
function contains(message: Message, inner: Message): boolean {
  if (typeof message.content === 'string') return false;
  const text = typeof inner.content === 'string' ? inner.content : undefined;
  return message.content.some((b) => b.type === 'text' && b.text === text);
}

/** What no policy may remove: system, tools, the head message, the in-flight and latest-request exchanges. */
function protectedTokens(manager: ConversationManager, counter: TokenCounter): number {
  const view = manager.view();
  const transcript = manager.transcript;
  const latest = latestRequest(transcript);
  const index = latest ? transcript.indexOf(latest) : -1;
  const latestExchange = index > 0 ? transcript.slice(index - 1, index + 1) : [];
  const { system, tools } = manager.breakdown();
  return system + tools + counter.messages([view[0]!, ...view.slice(-2), ...latestExchange]);
}
