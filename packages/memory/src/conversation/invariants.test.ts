import type Anthropic from '@anthropic-ai/sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContextBudgetError } from '../errors.ts';
import { clearToolResults } from '../policies/clear-tool-results.ts';
import { hybrid } from '../policies/hybrid.ts';
import { importancePruning } from '../policies/importance-pruning.ts';
import type { Policy } from '../policies/policy.ts';
import { slidingWindow } from '../policies/sliding-window.ts';
import { summarization } from '../policies/summarization.ts';
import { extractiveSummarizer } from '../summarizers/extractive.ts';
import { conversationArb } from '../testing/random-conversation.ts';
import { TokenCounter } from '../tokens/token-counter.ts';
import { ConversationManager } from './conversation-manager.ts';
import { toolResultText } from './render.ts';
import { viewProblems } from './sequence.ts';

const counter = new TokenCounter();
const summarizer = extractiveSummarizer({ counter });
const policies: Record<string, () => Policy> = {
  'sliding-window': () => slidingWindow(),
  'sliding-window keepTurns': () => slidingWindow({ keepTurns: 6 }),
  importance: () => importancePruning({ keepRecentTokens: 800 }),
  summarization: () => summarization({ summarizer, keepRecentTokens: 800 }),
  'clear-tool-results': () => clearToolResults({ keep: 2 }),
  hybrid: () => hybrid({ summarizer, keepRecentTokens: 800 }),
};
const thresholds = [3_000, 8_000, 30_000];
// 30 conversations × 6 policies × 3 thresholds × 2 seeds = 1,080 conversations, prepare() after every turn.
const RUNS = 30;

type Message = Anthropic.MessageParam;

/** Feeds a conversation turn by turn, calling prepare() before every assistant reply, and checks. */
async function replay(messages: Message[], policy: Policy, threshold: number): Promise<void> {
  const manager = new ConversationManager({
    system: 'You are a support agent.',
    policy,
    counter,
    compaction: { threshold, target: Math.floor(threshold / 2), reserve: 1_000 },
  });
  for (const message of messages) {
    if (message.role === 'assistant') await prepareAndCheck(manager, threshold);
    manager.append(message);
  }
  await prepareAndCheck(manager, threshold);
  checkNothingLost(manager);
}

async function prepareAndCheck(manager: ConversationManager, threshold: number): Promise<void> {
  let budgetError = false;
  try {
    const result = await manager.prepare();
    // 6. Chunks: a compaction cuts to the target unless what must stay is itself over it.
    if (result)
      expect(result.after <= manager.config.target || result.after <= protectedTokens(manager) * 1.1).toBe(true);
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

function checkNothingLost(manager: ConversationManager): void {
  const transcript = manager.transcript;
  // 4. Nothing lost: every removed exchange and cleared result comes back by key.
  for (const event of manager.events) {
    if (event.type !== 'compaction') continue;
    for (const step of event.steps) for (const key of step.keys) expect(manager.recall(key)).toBeDefined();
  }
  for (const message of transcript) {
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
function protectedTokens(manager: ConversationManager): number {
  const view = manager.view();
  const transcript = manager.transcript;
  const latest = latestRequest(transcript);
  const index = latest ? transcript.indexOf(latest) : -1;
  const latestExchange = index > 0 ? transcript.slice(index - 1, index + 1) : [];
  const fixed = manager.breakdown().system + manager.breakdown().tools;
  return fixed + counter.messages([view[0]!, ...view.slice(-2), ...latestExchange]);
}

describe('the six invariants hold after every prepare()', () => {
  for (const [name, make] of Object.entries(policies)) {
    for (const threshold of thresholds) {
      it(`${name} at a ${threshold.toLocaleString('en-US')}-token threshold`, async () => {
        await fc.assert(
          fc.asyncProperty(conversationArb, (messages) => replay(messages, make(), threshold)),
          { numRuns: RUNS, seed: 42 },
        );
      });
      it(`${name} at a ${threshold.toLocaleString('en-US')}-token threshold, another seed`, async () => {
        await fc.assert(
          fc.asyncProperty(conversationArb, (messages) => replay(messages, make(), threshold)),
          { numRuns: RUNS, seed: 7 },
        );
      });
    }
  }
});
