/**
 * The context manager's own cost per turn (append an assistant tool call and its result, then
 * prepare() without a compaction) on transcripts of 10K, 50K and 200K estimated tokens, the token
 * counter's cold start, and its time on one long piece. Run: `pnpm bench manager`.
 */
import type Anthropic from '@anthropic-ai/sdk';
import { median } from '../../../scripts/bench-kit.ts';
import { ConversationManager, TokenCounter } from '../src/index.ts';
import { geneSequence } from '../src/testing/build-conversation.ts';

const coldStart = performance.now();
const counter = new TokenCounter();
counter.text('warm up the encoder');
const coldMs = performance.now() - coldStart;

const ARTICLE = 'Refunds for duplicate charges on order ORD-{n} are issued within 5 business days. '.repeat(30);
let call = 0;

function round(): Anthropic.MessageParam[] {
  const id = `toolu_${(call++).toString().padStart(8, '0')}`;
  return [
    {
      role: 'assistant',
      content: [{ type: 'tool_use', id, name: 'search_knowledge_base', input: { query: `refund ${call}` } }],
    },
    {
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: id, content: ARTICLE.replaceAll('{n}', String(call)) }],
    },
  ];
}

async function perTurn(size: number, precounted: boolean): Promise<{ medianUs: number; tokens: number }> {
  const manager = new ConversationManager({
    system: 'You are a support agent.',
    counter,
    compaction: { threshold: 900_000, contextWindow: 1_000_000 },
  });
  manager.append({ role: 'user', content: 'Work the ticket queue.' });
  while (manager.tokens() < size) for (const m of round()) manager.append(m);
  const turns = Array.from({ length: 200 }, round);
  if (precounted) for (const [a, b] of turns) counter.messages([a!, b!]);
  const times: number[] = [];
  for (const [assistant, result] of turns) {
    const start = performance.now();
    manager.append(assistant!);
    manager.append(result!);
    await manager.prepare();
    manager.view();
    times.push(performance.now() - start);
  }
  return { medianUs: median(times) * 1000, tokens: manager.tokens() };
}

console.log(`token counter cold start (load o200k ranks, first count): ${coldMs.toFixed(0)} ms`);
// A piece with no space, as a gene sequence or an encoded blob would be: byte-pair merging costs the square
// of a piece's length, so the counter merges such a piece 2 KB at a time.
const sequence = geneSequence(100_000);
const sequenceStart = performance.now();
new TokenCounter({ cacheSize: 1 }).text(sequence);
console.log(`counting 100K letters with no space (one piece): ${(performance.now() - sequenceStart).toFixed(0)} ms`);
console.log(
  'manager per turn: append tool call + result, prepare() (no compaction), view()  [tokens are js-tiktoken estimates]',
);
for (const size of [10_000, 50_000, 200_000]) {
  const fresh = await perTurn(size, false);
  const counted = await perTurn(size, true);
  console.log(
    `  ${`${(size / 1000).toFixed(0)}K`.padStart(5)} tokens: median ${fresh.medianUs.toFixed(1).padStart(7)} µs per turn ` +
      `with new text counted, ${counted.medianUs.toFixed(1).padStart(6)} µs when its text was counted before`,
  );
}
