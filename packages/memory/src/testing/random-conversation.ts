import type Anthropic from '@anthropic-ai/sdk';
import fc from 'fast-check';

type Message = Anthropic.MessageParam;

/** One step of a generated conversation, before it is turned into messages. */
type Step =
  | { kind: 'chat'; words: number }
  | { kind: 'tools'; calls: { words: number; error: boolean; image: boolean }[] }
  | { kind: 'long-task'; calls: number; words: number };

const WORDS =
  'ticket order refund shipping TKT-1042 ORD-7781 customer invoice $49.99 priority 2026-03-14 account'.split(' ');

function text(words: number, seed: number): string {
  let out = '';
  for (let i = 0; i < words; i++) out += `${WORDS[(seed * 7 + i * 13) % WORDS.length]} `;
  return `${out.trim()}.`;
}

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('chat' as const), words: fc.integer({ min: 1, max: 200 }) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('tools' as const),
      calls: fc.array(
        fc.record({
          // Mostly small results, sometimes huge ones (several thousand tokens).
          words: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 2_000, max: 6_000 })),
          error: fc.boolean(),
          image: fc.boolean(),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('long-task' as const),
      calls: fc.integer({ min: 20, max: 300 }),
      words: fc.integer({ min: 5, max: 120 }),
    }),
  },
);

/**
 * Random conversations that the Messages API would accept: chat turns, parallel tool calls with errors,
 * huge results and images, and single requests followed by hundreds of tool calls.
 */
export const conversationArb: fc.Arbitrary<Message[]> = fc
  .array(stepArb, { minLength: 1, maxLength: 12 })
  .map((steps) => toMessages(steps));

export function toMessages(steps: readonly Step[]): Message[] {
  const messages: Message[] = [];
  let id = 0;
  let seed = 0;
  const ask = (words: number) => messages.push({ role: 'user', content: text(words, seed++) });
  const callRound = (calls: readonly { words: number; error: boolean; image: boolean }[]) => {
    const ids = calls.map(() => `toolu_${(id++).toString().padStart(6, '0')}`);
    messages.push({
      role: 'assistant',
      content: [
        { type: 'text', text: text(8, seed++) },
        ...ids.map((toolId, i) => ({
          type: 'tool_use' as const,
          id: toolId,
          name: i % 2 === 0 ? 'search_knowledge_base' : 'get_next_ticket',
          input: { query: text(3, seed++) },
        })),
      ],
    });
    messages.push({
      role: 'user',
      content: calls.map((call, i) => ({
        type: 'tool_result' as const,
        tool_use_id: ids[i]!,
        content: call.image
          ? [
              { type: 'text' as const, text: text(call.words, seed++) },
              { type: 'image' as const, source: { type: 'url' as const, url: 'https://example.com/a.png' } },
            ]
          : text(call.words, seed++),
        ...(call.error ? { is_error: true } : {}),
      })),
    });
  };
  for (const step of steps) {
    if (messages.at(-1)?.role !== 'user') ask(step.kind === 'chat' ? step.words : 20);
    if (step.kind === 'chat') messages.push({ role: 'assistant', content: text(step.words, seed++) });
    else if (step.kind === 'tools') callRound(step.calls);
    else for (let i = 0; i < step.calls; i++) callRound([{ words: step.words, error: false, image: false }]);
  }
  return messages;
}
