import {
  type CompactionResult,
  ConversationManager,
  type ConversationSnapshot,
  type SessionStore,
  TokenCounter,
} from '@cairn/memory';
import { type LedgerEntry, priceCall } from '../price-call.ts';
import { DEFAULT_PRICES, PRICES_AS_OF, type PriceTable, priceFor } from '../price-table.ts';
import { type RunRecord, readRunRecord } from '../run-record.ts';
import { totalUsage, type UsageTotals } from '../total-usage.ts';

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const usd = (n: number) => `$${n.toFixed(4)}`;

/**
 * A stored session as text: the context's token breakdown (local estimates), each compaction (where, policy and trigger,
 * tokens before and after, what its summaries cost) and the cost of every call, with and without caching.
 */
export async function inspectSession(
  store: SessionStore,
  sessionId: string,
  prices: PriceTable = DEFAULT_PRICES,
): Promise<string> {
  const session = await store.load(sessionId);
  if (!session) {
    const known = await store.list();
    throw new Error(`no session "${sessionId}" in this store; saved sessions: ${known.join(', ') || 'none'}`);
  }
  const record = readRunRecord(session.machine, sessionId);
  const manager = ConversationManager.fromJSON(session.conversation as ConversationSnapshot, {
    ...(record.system !== null && { system: record.system }),
    tools: [...record.tools],
    counter: new TokenCounter({ model: record.model }),
  });
  const ledger = session.usage as LedgerEntry[];
  const parts = manager.breakdown();
  const compactions = manager.events.filter((e): e is CompactionResult => e.type === 'compaction');
  const lines = [
    `session ${session.id} · ${record.model} · ${runState(record)} · updated ${session.updatedAt}`,
    `transcript ${manager.transcript.length} messages, view ${manager.view().length}`,
    '',
    'context now (estimated tokens, js-tiktoken o200k with the model correction; not Claude’s count)',
    ...(['system', 'tools', 'summary', 'memory', 'history', 'latestInput', 'total'] as const).map(
      (part) => `  ${part.padEnd(12)} ${int(parts[part]).padStart(9)}`,
    ),
    '',
    `compactions: ${compactions.length}`,
    ...compactions.map((c) => {
      const cost = summaryCost(c, prices);
      // Sessions saved before compactions had a trigger were all triggered by the threshold.
      const trigger = c.trigger ?? 'threshold';
      return `  at message ${c.at}  ${c.policy} (${trigger})  ${int(c.before)} → ${int(c.after)} tokens (estimated)  steps: ${c.steps.map((s) => s.type).join(', ')}  summarizer ${usd(cost)}`;
    }),
    '',
    `cost (prices as of ${PRICES_AS_OF})`,
    costLine('main', totalUsage(ledger, 'main')),
    costLine('summarizer', totalUsage(ledger, 'summarizer')),
    costLine('total', totalUsage(ledger)),
  ];
  return lines.join('\n');
}

/** The machine's state; for a failed run, the step it failed in and why (resume runs that step again). */
function runState(record: RunRecord): string {
  const state = String(record.snapshot.value);
  return record.failure === undefined ? state : `failed in ${state} (${record.failure}); resume runs it again`;
}

function costLine(label: string, t: UsageTotals): string {
  return (
    `  ${label.padEnd(11)} ${String(t.calls).padStart(4)} calls  input ${int(t.inputTokens)}  cache read ` +
    `${int(t.cacheReadTokens)}  cache write ${int(t.cacheWriteTokens)}  output ${int(t.outputTokens)}  ` +
    `${usd(t.costUsd)} (${usd(t.costUsdUncached)} without caching)`
  );
}

function summaryCost(compaction: CompactionResult, prices: PriceTable): number {
  let cost = 0;
  for (const step of compaction.steps) {
    const price = step.type === 'summarize' ? priceFor(step.model, prices) : undefined;
    if (step.type !== 'summarize' || !price) continue;
    const usage = {
      input_tokens: step.usage.inputTokens,
      output_tokens: step.usage.outputTokens,
      cache_read_input_tokens: step.usage.cacheReadInputTokens,
      cache_creation_input_tokens: step.usage.cacheCreationInputTokens,
    };
    cost += priceCall('summarizer', step.model, usage, price, new Date(0)).costUsd;
  }
  return cost;
}
