import Anthropic from '@anthropic-ai/sdk';
import { MemoryStore, TokenCounter, extractiveSummarizer } from '@cairn/memory';
import { DEFAULT_PRICES } from '@cairn/runtime';
import { startSimulator } from '@cairn/simulator';
import { memoryTool } from '@cairn/tools';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DESK_TASK, SUPPORT_SYSTEM_PROMPT } from './desk-prompt.ts';
import { generateTickets } from './generate-tickets.ts';
import { checkReport, groundTruth } from './ground-truth.ts';
import { createSupportDesk, deskProblems } from './support-desk.ts';
import { supportTools } from './tools.ts';
import { runToolLoop } from './tool-loop.ts';

const n = Number(process.argv[2] ?? 5);
const threshold = process.argv[3] ? Number(process.argv[3]) : undefined;
const withMemory = process.argv[4] !== 'nomem';
const { simulatedSummarizer } = await import('./simulated-summarizer.ts');
const sim = await startSimulator({ summarizer: simulatedSummarizer() });
const client = new Anthropic({ baseURL: sim.baseURL, apiKey: 'sim' });
const gen = generateTickets(n);
const desk = createSupportDesk(gen.map((g) => g.ticket));
const store = new MemoryStore({ file: join(mkdtempSync(join(tmpdir(), 'cs-')), 'memory.json') });
const tools = [...supportTools(desk), ...(withMemory ? [memoryTool(store)] : [])];
const counter = new TokenCounter({ model: 'claude-sonnet-4-6' });
console.log('system', counter.system(SUPPORT_SYSTEM_PROMPT), 'tools', counter.tools(tools.map((t) => t.definition)));
const t0 = performance.now();
const trace = await runToolLoop({
  name: threshold ? 'cookbook' : 'baseline', client, model: 'claude-sonnet-4-6', system: SUPPORT_SYSTEM_PROMPT, tools, task: DESK_TASK,
  maxTokens: 4096, maxTurns: 20 * n + 20, prices: DEFAULT_PRICES, clock: () => new Date(),
  ...(threshold ? { compaction: { threshold } } : {}),
});
const input = trace.turns.reduce((s, t) => s + t.contextTokens, 0);
const out = trace.turns.reduce((s, t) => s + t.entry.outputTokens, 0);
const sumIn = trace.summarizer.reduce((s, e) => s + e.inputTokens + e.cacheReadTokens + e.cacheWriteTokens, 0);
const sumOut = trace.summarizer.reduce((s, e) => s + e.outputTokens, 0);
console.log({ outcome: trace.outcome, turns: trace.turns.length, input, out, sumIn, sumOut, compactions: trace.compactions.length, peak: Math.max(...trace.turns.map(t => t.contextTokens)), secs: ((performance.now() - t0) / 1000).toFixed(2) });
console.log(trace.turns.map((t) => t.contextTokens).join(' '));
const check = checkReport(trace.text, groundTruth(gen));
console.log(check, deskProblems(desk.records, groundTruth(gen)));
console.log(trace.text.slice(0, 600));
await sim.close();
