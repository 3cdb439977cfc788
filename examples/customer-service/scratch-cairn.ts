import Anthropic from '@anthropic-ai/sdk';
import { FileSessionStore, MemoryStore, TokenCounter } from '@cairn/memory';
import { DEFAULT_PRICES } from '@cairn/runtime';
import { startSimulator } from '@cairn/simulator';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTickets } from './generate-tickets.ts';
import { checkReport, groundTruth } from './ground-truth.ts';
import { createSupportDesk, deskProblems } from './support-desk.ts';
import { supportTools } from './tools.ts';
import { runCairn } from './cairn-run.ts';
import { simulatedSummarizer } from './simulated-summarizer.ts';

const n = Number(process.argv[2] ?? 5);
const threshold = Number(process.argv[3] ?? 5000);
const policyName = process.argv[4] ?? 'hybrid';
const { deskPolicy } = await import('./desk-policy.ts');
const { modelSummarizer } = await import('@cairn/runtime');
const target = process.argv[5] ? Number(process.argv[5]) : undefined;
const sim = await startSimulator({ summarizer: simulatedSummarizer() });
const client = new Anthropic({ baseURL: sim.baseURL, apiKey: 'sim' });
const gen = generateTickets(n);
const desk = createSupportDesk(gen.map((g) => g.ticket));
const policy = policyName === 'desk' ? deskPolicy({ summarizer: modelSummarizer({ client, model: 'claude-haiku-4-5' }), prompt: 'Keep ids.' }) : (policyName as 'hybrid');
const dir = mkdtempSync(join(tmpdir(), 'cs-'));
const t0 = performance.now();
const sessions = new FileSessionStore({ dir: join(dir, 'sessions') });
const trace = await runCairn({
  client, model: 'claude-sonnet-4-6', tools: supportTools(desk), memory: new MemoryStore({ file: join(dir, 'memory.json') }),
  sessions,
  context: { policy, threshold, summarizerModel: 'claude-haiku-4-5', ...(target ? { target } : {}) }, maxTokens: 4096, maxTurns: 20 * n + 20,
  prices: DEFAULT_PRICES, clock: () => new Date(),
});
const input = trace.turns.reduce((s, t) => s + t.contextTokens, 0);
const out = trace.turns.reduce((s, t) => s + t.entry.outputTokens, 0);
const sumIn = trace.summarizer.reduce((s, e) => s + e.inputTokens + e.cacheReadTokens + e.cacheWriteTokens, 0);
const sumOut = trace.summarizer.reduce((s, e) => s + e.outputTokens, 0);
console.log({ outcome: trace.outcome, turns: trace.turns.length, input, out, sumIn, sumOut, total: input + sumIn, compactions: trace.compactions.length, peak: Math.max(...trace.turns.map(t => t.contextTokens)), secs: ((performance.now() - t0) / 1000).toFixed(2), transcript: trace.transcript.length });
console.log(trace.turns.map((t) => t.contextTokens).join(' '));
console.log(trace.compactions.map((c) => `${c.turn}:${c.before}`).join(' '));
const sess = await sessions.load('customer-service');
for (const e of (sess!.conversation as any).events) console.log(JSON.stringify({ ...e, steps: e.steps?.map((s: any) => ({ type: s.type, reason: s.reason, n: s.keys.length, freed: s.freed, model: s.model, summaryTokens: s.summaryTokens })) }));
const check = checkReport(trace.text, groundTruth(gen));
console.log(check.correct, check.problems.slice(0, 5), deskProblems(desk.records, groundTruth(gen)).slice(0, 5)); console.log(trace.text);
import('./floor-tokens.ts').then(async ({ floorTokens }) => {
  const { memoryTool, recallTool } = await import('@cairn/tools');
  const { SUPPORT_SYSTEM_PROMPT_WITH_MEMORY } = await import('./desk-prompt.ts');
  const tools = [...supportTools(desk), memoryTool(new MemoryStore({ file: '/tmp/x.json' })), recallTool(() => undefined)].map((t) => t.definition);
  const floor = floorTokens(trace.transcript, { system: SUPPORT_SYSTEM_PROMPT_WITH_MEMORY, tools }, new TokenCounter({ model: 'claude-sonnet-4-6' }));
  console.log('floor', floor, 'ratio', ((input + sumIn) / floor).toFixed(3));
  await sim.close();
});
