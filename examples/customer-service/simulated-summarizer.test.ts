import type Anthropic from '@anthropic-ai/sdk';
import { TokenCounter } from '@cairn/memory';
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_BASE } from './knowledge-base.ts';
import { SIMULATED_SUMMARY_SHARE, simulatedSummarizer } from './simulated-summarizer.ts';

const counter = new TokenCounter();
const messages: Anthropic.MessageParam[] = Object.values(KNOWLEDGE_BASE)
  .flat()
  .map((article, i) => ({ role: i % 2 === 0 ? 'user' : 'assistant', content: `${article.id}: ${article.content}` }));

describe('simulatedSummarizer', () => {
  it('writes about a quarter of what it reads, however much max_tokens allows', async () => {
    const read = counter.messages(messages);
    const result = await simulatedSummarizer().summarize({ messages, prompt: 'Keep ids.', maxTokens: 50_000 });
    expect(result.stopReason).toBe('end_turn');
    expect(counter.text(result.text)).toBeLessThanOrEqual(Math.ceil(SIMULATED_SUMMARY_SHARE * read));
    expect(counter.text(result.text)).toBeGreaterThan(0.15 * read);
  });

  it('stays within max_tokens when that is shorter', async () => {
    const result = await simulatedSummarizer().summarize({ messages, prompt: 'Keep ids.', maxTokens: 200 });
    expect(counter.text(result.text)).toBeLessThanOrEqual(200);
  });
});
