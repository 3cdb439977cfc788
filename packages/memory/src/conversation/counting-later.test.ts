import type Anthropic from '@anthropic-ai/sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slidingWindow } from '../policies/sliding-window.ts';
import { appendAll, assistant, user, words } from '../testing/build-conversation.ts';
import { conversationArb } from '../testing/random-conversation.ts';
import { type CompactionConfig, DEFAULT_CONTEXT_WINDOW, DEFAULT_RESERVE } from './compaction-config.ts';
import { ConversationManager } from './conversation-manager.ts';

type Message = Anthropic.MessageParam;

/**
 * A manager of the messages copied: counts are cached by message object (and texts by text), so a copy is a
 * message no other manager counted.
 */
function managerOf(messages: readonly Message[], compaction: CompactionConfig = {}): ConversationManager {
  return appendAll(new ConversationManager({ policy: slidingWindow(), compaction }), structuredClone(messages));
}

describe('counting appended messages when a count is read', () => {
  it('answers needsCompaction as if every message were counted, near the trigger and far below it', () => {
    const scale = fc.double({ min: 0.5, max: 1.5, noNaN: true });
    fc.assert(
      fc.property(
        conversationArb,
        scale,
        fc.nat(6),
        fc.integer({ min: 1, max: 50_000 }),
        (messages, s, left, actual) => {
          const threshold = Math.max(2, Math.round(managerOf(messages).tokens() * s));
          const contextWindow = Math.max(DEFAULT_CONTEXT_WINDOW, threshold + DEFAULT_RESERVE);
          // Usage recorded for all but the last few messages, the estimate anchored on it (unless none was sent).
          const sent = messages.slice(0, Math.max(0, messages.length - left));
          const build = () => {
            const manager = managerOf(sent, { threshold, contextWindow });
            manager.view();
            manager.recordUsage({ input_tokens: actual });
            return appendAll(manager, structuredClone(messages.slice(sent.length)));
          };
          const lazy = build();
          const counted = build();
          counted.settle();
          const tokens = counted.tokens();
          const over = tokens > threshold || tokens > contextWindow - DEFAULT_RESERVE;
          expect(lazy.needsCompaction()).toBe(over && !counted.inFlight);
          expect(lazy.tokens()).toBe(tokens);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('counts the view sent before what is appended after it: the same calibration as counting it when sent', () => {
    const sent = [user(words(1_000)), assistant(words(200)), user(words(300))];
    const later = [assistant(words(100)), user(words(40))];
    const run = (settleWhenSent: boolean) => {
      const manager = managerOf(sent);
      manager.view();
      if (settleWhenSent) manager.settle();
      appendAll(manager, structuredClone(later));
      manager.recordUsage({ input_tokens: 2_000 });
      return manager;
    };
    const lazy = run(false);
    const settled = run(true);
    expect(lazy.toJSON().calibration).toEqual(settled.toJSON().calibration);
    // With no model correction and no usage yet, the estimate is the raw count of what was sent.
    expect(lazy.toJSON().calibration?.sentRaw).toBe(managerOf(sent).tokens());
    expect(lazy.tokens()).toBe(settled.tokens());
  });
});
