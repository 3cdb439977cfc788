import Anthropic from '@anthropic-ai/sdk';
import { DEFAULT_PRICES } from '@cairn/runtime';
import { startSimulator } from '@cairn/simulator';
import { DESK_TASK, SUPPORT_SYSTEM_PROMPT } from './desk-prompt.ts';
import { generateTickets } from './generate-tickets.ts';
import { createSupportDesk } from './support-desk.ts';
import { supportTools } from './tools.ts';
import { runToolLoop } from './tool-loop.ts';
import { simulatedSummarizer } from './simulated-summarizer.ts';
const sim = await startSimulator({ summarizer: simulatedSummarizer() });
const client = new Anthropic({ baseURL: sim.baseURL, apiKey: 'sim' });
const desk = createSupportDesk(generateTickets(5).map((g) => g.ticket));
const trace = await runToolLoop({ name: 'cookbook', client, model: 'claude-sonnet-4-6', system: SUPPORT_SYSTEM_PROMPT, tools: supportTools(desk), task: DESK_TASK, maxTokens: 4096, maxTurns: 100, prices: DEFAULT_PRICES, clock: () => new Date(), compaction: { threshold: Number(process.argv[2] ?? 5000) } });
const bodies = sim.requests.map((r) => r.body as any);
let turn = 0;
for (const b of bodies) {
  if (b.tools?.length) { turn++; }
}
console.log(trace.compactions);
// print assistant replies of each main request via requests' next request... simpler: from sim.requests find responses? not stored; use transcript
for (const m of trace.transcript) if (m.role === 'assistant' && typeof m.content !== 'string') console.log(m.content.map((b: any) => b.type === 'text' ? b.text.slice(0, 90) : `${b.name}(${JSON.stringify(b.input).slice(0, 60)})`).join(' | '));
const last = bodies.filter((b) => !b.tools?.length);
console.log('--- summary request last msg:', JSON.stringify(last[0]?.messages?.at(-1)).slice(0, 300));
await sim.close();
