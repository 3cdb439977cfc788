import type Anthropic from '@anthropic-ai/sdk';
import { ConversationManager, type Policy, renderMessages, type TokenCounter } from '@cairn/memory';
import { type ProbeSurvival, probeSurvival } from './probe-survival.ts';
import { type CacheSplit, cacheSplit, type PromptUnit } from './prompt-cache-estimate.ts';
import type { Probe, RecordedSession } from './recorded-conversation.ts';

/** What a replay needs: the conversations, the probes and the context settings under test. */
export interface ReplaySetup {
  readonly sessions: readonly RecordedSession[];
  readonly probes: readonly Probe[];
  readonly policy: Policy;
  readonly threshold: number;
  readonly counter: TokenCounter;
  /** The main model's minimum cacheable prompt, in tokens. */
  readonly minCacheableTokens: number;
  readonly system?: string;
}

/** The main model's side of a replay. Token figures are the local counter's estimates. */
export interface ReplayFigures {
  /** One per user message: each would be followed by a request to the model. */
  readonly requests: number;
  /** What those requests would send: system and context, summed over requests. */
  readonly inputTokens: number;
  /** The recorded assistant messages. */
  readonly outputTokens: number;
  readonly peakContextTokens: number;
  readonly compactions: number;
  /** `inputTokens` split as the prompt cache would bill it. */
  readonly cache: CacheSplit;
  readonly probes: ProbeSurvival;
}

/**
 * Replays recorded conversations, one after another, through a `ConversationManager` with the given
 * policy and threshold, as an agent would: every user message is followed by `prepare()` and a request
 * carrying the view; the recorded assistant reply is appended as the model's answer. Nothing is sent
 * anywhere (the summarizer inside the policy may call a model). At the end, each probe is looked for in
 * the last request's context and among what compaction put behind recall keys.
 */
export async function replayConversations(setup: ReplaySetup): Promise<ReplayFigures> {
  const { counter } = setup;
  const manager = new ConversationManager({
    ...(setup.system !== undefined && { system: setup.system }),
    policy: setup.policy,
    compaction: { threshold: setup.threshold },
    counter,
  });
  const prefix: PromptUnit = { key: 'system', tokens: counter.system(setup.system) };
  let previous: PromptUnit[] | null = null;
  let lastView: Anthropic.MessageParam[] = [];
  const totals = {
    requests: 0,
    inputTokens: 0,
    outputTokens: 0,
    peakContextTokens: 0,
    read: 0,
    write: 0,
    uncached: 0,
  };

  for (const message of setup.sessions.flatMap((session) => session.messages)) {
    manager.append(message);
    if (message.role === 'assistant') {
      totals.outputTokens += counter.message(message);
      continue;
    }
    await manager.prepare();
    lastView = manager.view();
    const units = [prefix, ...lastView.map((m) => ({ key: JSON.stringify(m), tokens: counter.message(m) }))];
    const split = cacheSplit(previous, units, setup.minCacheableTokens);
    const sent = split.read + split.write + split.uncached;
    previous = units;
    totals.requests++;
    totals.inputTokens += sent;
    totals.peakContextTokens = Math.max(totals.peakContextTokens, sent);
    totals.read += split.read;
    totals.write += split.write;
    totals.uncached += split.uncached;
  }

  const compactions = manager.events.filter((event) => event.type === 'compaction');
  const keys = compactions.flatMap((event) => event.steps.flatMap((step) => step.keys));
  const viewText = `${setup.system ?? ''}\n\n${renderMessages(lastView)}`;
  const recallable = keys.map((key) => manager.recall(key) ?? '').join('\n\n');
  return {
    requests: totals.requests,
    inputTokens: totals.inputTokens,
    outputTokens: totals.outputTokens,
    peakContextTokens: totals.peakContextTokens,
    compactions: compactions.length,
    cache: { read: totals.read, write: totals.write, uncached: totals.uncached },
    probes: probeSurvival(setup.probes, viewText, recallable),
  };
}
