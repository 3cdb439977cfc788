import Anthropic from '@anthropic-ai/sdk';
import { TokenCounter } from '@cairn/memory';
import { DEFAULT_PRICES } from '@cairn/runtime';
import { startSimulator } from '@cairn/simulator';
import { DESK_TASK, SUPPORT_SYSTEM_PROMPT } from './desk-prompt.ts';
import { generateTickets } from './generate-tickets.ts';
import { createSupportDesk } from './support-desk.ts';
import { supportTools } from './tools.ts';
import { runToolLoop } from './tool-loop.ts';
const n = Number(process.argv[2] ?? 200);
const sim = await startSimulator();
const client = new Anthropic({ baseURL: sim.baseURL, apiKey: 'sim' });
const desk = createSupportDesk(generateTickets(n).map((g) => g.ticket));
const tools = supportTools(desk);
// baseline on a huge context fails; run it with a tiny window per ticket by just simulating the floor: use cookbook loop? use baseline up to 60
const trace = await runToolLoop({ name: 'baseline', client, model: 'claude-sonnet-4-6', system: SUPPORT_SYSTEM_PROMPT, tools, task: DESK_TASK, maxTokens: 4096, maxTurns: 10000, prices: DEFAULT_PRICES, clock: () => new Date() });
const c = new TokenCounter({ model: 'claude-sonnet-4-6' });
const F = c.system(SUPPORT_SYSTEM_PROMPT) + c.tools(tools.map((t) => t.definition)) + c.messages([trace.transcript[0]!]);
let seg: Anthropic.MessageParam[] = []; const per: number[] = [];
for (const m of trace.transcript.slice(1)) { if (m.role === 'assistant') { per.push(F + c.messages(seg)); if (typeof m.content !== 'string' && m.content.some((b) => b.type === 'tool_use' && b.name === 'get_next_ticket')) seg = []; } seg.push(m); }
const segEnds = per.filter((_, i) => i + 1 < per.length && per[i + 1]! < per[i]!);
console.log('F', F, 'turns', per.length, 'max per-turn floor', Math.max(...per), 'segment-end views: min', Math.min(...segEnds), 'max', Math.max(...segEnds), trace.outcome);
const sorted = [...segEnds].sort((a, b) => a - b); console.log('p10', sorted[Math.floor(sorted.length * 0.1)], 'p50', sorted[Math.floor(sorted.length / 2)], 'p90', sorted[Math.floor(sorted.length * 0.9)]);
await sim.close();
