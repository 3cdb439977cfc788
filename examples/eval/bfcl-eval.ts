/**
 * How many of the 30 BFCL customer-support probe answers survive a 4K-token budget, per policy: still in
 * the view, and recoverable (in the view or behind a recall key). Beside it, the plain window that keeps
 * only the last 4K tokens of the transcript. Run: `pnpm eval:bfcl [threshold]`.
 * Token figures are js-tiktoken estimates.
 */
import { fileURLToPath } from 'node:url';
import {
  clearToolResults,
  extractiveSummarizer,
  hybrid,
  importancePruning,
  type Policy,
  renderMessages,
  slidingWindow,
  summarization,
  TokenCounter,
} from '@cairn/memory';
import { answerPresent } from '../tune/recorded/probe-survival.ts';
import { loadRecorded } from '../tune/recorded/recorded-scenario.ts';
import { replayConversations } from '../tune/recorded/replay-conversations.ts';

const data = (name: string) => fileURLToPath(new URL(`../tune/data/${name}`, import.meta.url));
const threshold = Number(process.argv[2] ?? 4_000);
const { sessions, probes } = await loadRecorded(
  data('bfcl-customer.sessions.jsonl'),
  data('bfcl-customer.probes.jsonl'),
);
const counter = new TokenCounter();
const summarizer = extractiveSummarizer({ counter });

const policies: Record<string, Policy> = {
  'sliding-window': slidingWindow(),
  importance: importancePruning(),
  summarization: summarization({ summarizer }),
  'clear-tool-results': clearToolResults(),
  'hybrid (extractive)': hybrid({ summarizer }),
};

/** The plain window: the last `threshold` tokens of the user turns (BFCL records no replies), nothing else. */
function lastTokens(): number {
  const messages = sessions.flatMap((s) => s.messages).filter((m) => m.role === 'user');
  const kept = [];
  let tokens = 0;
  for (let i = messages.length - 1; i >= 0 && tokens < threshold; i--) {
    kept.unshift(messages[i]!);
    tokens += counter.message(messages[i]!);
  }
  const text = renderMessages(kept);
  return probes.filter((p) => answerPresent(text, p.answers)).length;
}

console.log(
  `BFCL v4 memory, customer: ${sessions.length} sessions, ${probes.length} probes, ` +
    `${threshold.toLocaleString('en-US')}-token threshold (estimated tokens)`,
);
console.log(
  `${'policy'.padEnd(22)} ${'in view'.padStart(8)} ${'recoverable'.padStart(12)} ${'compactions'.padStart(12)}`,
);
console.log(
  `${`last ${threshold / 1000}K tokens (plain)`.padEnd(22)} ${`${lastTokens()}/30`.padStart(8)} ${'-'.padStart(12)}`,
);
for (const [name, policy] of Object.entries(policies)) {
  const r = await replayConversations({
    sessions,
    probes,
    policy,
    threshold,
    counter,
    minCacheableTokens: 1_024,
  });
  console.log(
    `${name.padEnd(22)} ${`${r.probes.inView}/${r.probes.probes}`.padStart(8)} ` +
      `${`${r.probes.recoverable}/${r.probes.probes}`.padStart(12)} ${String(r.compactions).padStart(12)}`,
  );
}
