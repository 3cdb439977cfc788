/**
 * Requests per second on loopback through the real SDK client, for a small request and a 50K-token one,
 * streaming and not: `npx tsx scripts/bench.ts simulator` from the repository root.
 */
import Anthropic from '@anthropic-ai/sdk';
import { TokenCounter } from '@cairn/memory';
import { measure, report, type Sample } from '../../../scripts/bench-kit.ts';
import { startSimulator } from '../src/index.ts';
import { DESK_SYSTEM, DESK_TASK, DESK_TOOLS } from '../src/testing/desk-fixture.ts';

const MODEL = 'claude-sonnet-4-6';
const TARGET_TOKENS = 50_000;

/** A desk conversation of knowledge-base searches, `salt` making its text new to the token counter. */
function deskRequest(targetTokens: number, salt = ''): Anthropic.MessageCreateParamsNonStreaming {
  const counter = new TokenCounter({ model: MODEL });
  const messages: Anthropic.MessageParam[] = [{ role: 'user', content: DESK_TASK }];
  for (let i = 0; counter.messages(messages) < targetTokens; i++) {
    const articles = Array.from({ length: 8 }, (_, k) => ({
      id: `KB-${i}${k}`,
      title: `Article ${i}.${k} on refunds and delivery ${salt}`,
      content: `Step ${k}: customers who report issue ${i * 8 + k} get a reply within ${k + 1} business days. `.repeat(
        6,
      ),
    }));
    messages.push(
      {
        role: 'assistant',
        content: [
          {
            type: 'tool_use',
            id: `toolu_${i}`,
            name: 'search_knowledge_base',
            input: { category: 'billing', query: `refund ${i}` },
          },
        ],
      },
      {
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: `toolu_${i}`, content: JSON.stringify(articles) }],
      },
    );
  }
  return { model: MODEL, max_tokens: 1_024, system: DESK_SYSTEM, tools: DESK_TOOLS, messages };
}

const sim = await startSimulator();
const client = new Anthropic({ baseURL: sim.baseURL, apiKey: 'bench', maxRetries: 0 });
const small = deskRequest(0);
const large = deskRequest(TARGET_TOKENS);
const counted = await client.messages.countTokens({
  model: MODEL,
  system: DESK_SYSTEM,
  tools: DESK_TOOLS,
  messages: large.messages,
});
let cold = 0;

const samples: Sample[] = [
  await measure('small, JSON', () => client.messages.create(small), { runs: 300, warmup: 30 }),
  await measure('small, streaming', () => client.messages.stream(small).finalMessage(), {
    runs: 300,
    warmup: 30,
  }),
  await measure('50K, JSON', () => client.messages.create(large), { runs: 40, warmup: 5 }),
  await measure('50K, streaming', () => client.messages.stream(large).finalMessage(), {
    runs: 40,
    warmup: 5,
  }),
  await measure('50K, JSON, text never seen', () => client.messages.create(deskRequest(TARGET_TOKENS, `v${cold++}`)), {
    runs: 10,
    warmup: 1,
  }),
];
await sim.close();

report(`simulator on loopback (50K request: ${counted.input_tokens.toLocaleString()} input tokens)`, samples);
for (const s of samples)
  console.log(`  ${s.name.padEnd(28)} ${(1_000 / s.medianMs).toFixed(0).padStart(6)} requests/s (median)`);
