import { slidingWindow, TokenCounter } from '@cairn/memory';
import { describe, expect, it } from 'vitest';
import type { RecordedSession } from './recorded-conversation.ts';
import { replayConversations } from './replay-conversations.ts';

const facts = ['Michael', 'Seattle', 'Portland', 'Garmin', 'MonoBean', 'Oregon'];
const sessions: RecordedSession[] = facts.map((fact, i) => ({
  id: `s${i}`,
  messages: [
    {
      role: 'user',
      content: `Remember this: the word of session ${i} is ${fact}. ${'Some chatter about coffee. '.repeat(40)}`,
    },
    { role: 'assistant', content: 'Thank you, I have noted that.' },
  ],
}));
const probes = facts.map((fact) => ({ question: `Which word?`, answers: [fact] }));
const counter = new TokenCounter({ model: 'claude-sonnet-4-5' });
const replay = (threshold: number) =>
  replayConversations({
    sessions,
    probes,
    policy: slidingWindow(),
    threshold,
    counter,
    minCacheableTokens: 1_024,
  });

describe('replayConversations', () => {
  it('sends every user message with the whole conversation when nothing needs compacting', async () => {
    const figures = await replay(100_000);
    const perUser = sessions.map((s) => counter.message(s.messages[0]!));
    const perReply = counter.message(sessions[0]!.messages[1]!);
    const sent = perUser.map((_, i) => perUser.slice(0, i + 1).reduce((a, b) => a + b, 0) + i * perReply);
    expect(figures).toMatchObject({
      requests: 6,
      inputTokens: sent.reduce((a, b) => a + b, 0),
      outputTokens: 6 * perReply,
      peakContextTokens: sent.at(-1),
      compactions: 0,
      probes: { probes: 6, inView: 6, recoverable: 6 },
    });
    expect(figures.cache.read + figures.cache.write + figures.cache.uncached).toBe(figures.inputTokens);
  });

  it('keeps every request under the threshold, losing probes from view but none from recall', async () => {
    const figures = await replay(700);
    expect(figures.compactions).toBeGreaterThan(0);
    expect(figures.peakContextTokens).toBeLessThanOrEqual(700);
    expect(figures.probes.inView).toBeLessThan(6);
    expect(figures.probes.recoverable).toBe(6);
  });

  it('fails, saying what to raise, when one message alone is over the threshold', async () => {
    await expect(replay(100)).rejects.toThrow(/raise the threshold/);
  });
});
