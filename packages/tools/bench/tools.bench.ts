/**
 * `pnpm bench tools`: the per-call overhead of `runToolCalls` over calling the handlers directly, and the
 * tokens that `selectTools` and `compactSchema` save on the customer-service tools.
 */
import * as z from 'zod';
import { type SupportDesk, supportTools } from '../../../examples/customer-service/tools.ts';
import { measure, report } from '../../../scripts/bench-kit.ts';
import { CHARS_PER_TOKEN, compactSchema, defineTool, runToolCalls, selectTools, toolTokens } from '../src/index.ts';

const RUNS = { runs: 300, warmup: 100 };
const add = ({ a, b }: { a: number; b: number }) => ({ sum: a + b });
const input = z.object({ a: z.number(), b: z.number() });
const tools = [
  defineTool({ name: 'add', description: 'Adds two numbers.', input, run: add }),
  defineTool({ name: 'add_async', description: 'Adds two numbers later.', input, run: async (x) => add(x) }),
];

const context = { signal: new AbortController().signal, toolUseId: 'direct' };
console.log('runToolCalls overhead on trivial calls (validation, timeout, JSON), against the handler called directly');
for (const tool of tools) {
  for (const n of [1, 10, 100]) {
    const calls = Array.from({ length: n }, (_, i) => ({
      id: `toolu_${i}`,
      name: tool.name,
      input: { a: i, b: 1 },
    }));
    const direct = await measure(
      `${tool.name} x${n} direct`,
      () => Promise.all(calls.map(async (call) => JSON.stringify(await tool.run(call.input, context)))),
      RUNS,
    );
    const wrapped = await measure(`${tool.name} x${n} runToolCalls`, () => runToolCalls(calls, [tool]), RUNS);
    report('', [direct, wrapped]);
    const overheadUs = ((wrapped.medianMs - direct.medianMs) * 1000) / n;
    console.log(
      `  ratio ${(wrapped.medianMs / direct.medianMs).toFixed(1)}x, overhead ${overheadUs.toFixed(1)} µs per call`,
    );
  }
}

const unused = () => {
  throw new Error('the desk is not called in this benchmark');
};
const desk: SupportDesk = {
  getNextTicket: unused,
  classifyTicket: unused,
  searchKnowledgeBase: unused,
  setPriority: unused,
  routeToTeam: unused,
  draftResponse: unused,
  markComplete: unused,
};
const support = supportTools(desk);
const all = toolTokens(support);
const saving = (selected: Parameters<typeof toolTokens>[0]) => {
  const tokens = toolTokens(selected);
  return `${tokens} tokens, ${all - tokens} saved (${Math.round(((all - tokens) / all) * 100)}%)`;
};

console.log(`\nCustomer-service tool definitions (estimated tokens: ${CHARS_PER_TOKEN} characters per token)`);
console.log(`  all seven tools            ${all} tokens`);
console.log(`  compactSchema on all seven ${saving(support.map(compactSchema))}`);
for (const query of [
  'What does the knowledge base say about refunds for a double charge?',
  'Route TICKET-3 to the logistics team and set its priority to high',
  'Draft a response to the customer and mark the ticket complete',
]) {
  const selected = selectTools(support, query, { max: 3 });
  console.log(`  selectTools (max 3) for "${query}"`);
  console.log(`    ${selected.map((tool) => tool.name).join(', ')}: ${saving(selected)}`);
  console.log(`    and compactSchema: ${saving(selected.map(compactSchema))}`);
}
