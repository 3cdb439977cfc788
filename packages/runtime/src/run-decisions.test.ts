import { describe, expect, it } from 'vitest';
import { limitReached, nextStep } from './run-decisions.ts';

describe('run decisions', () => {
  it.each([
    ['tool_use', 'act'],
    ['max_tokens', 'continue'],
    ['pause_turn', 'continue'],
    ['refusal', 'stop'],
    ['end_turn', 'done'],
    ['stop_sequence', 'done'],
    [null, 'done'],
  ] as const)('after stop_reason %s the loop goes to %s', (reason, step) => {
    expect(nextStep(reason)).toBe(step);
  });

  it.each([
    [3, 3, {}, { costUsd: 0, inputTokens: 0 }, 'max_iterations'],
    [1, 3, { maxCostUsd: 0.5 }, { costUsd: 0.5, inputTokens: 0 }, 'max_cost'],
    [1, 3, { maxInputTokens: 100 }, { costUsd: 0, inputTokens: 101 }, 'max_input_tokens'],
    [1, 3, { maxCostUsd: 1, maxInputTokens: 100 }, { costUsd: 0.5, inputTokens: 99 }, null],
  ] as const)(
    'after %i of %i turns with budget %j and spent %j the limit is %s',
    (turns, max, budget, spent, limit) => {
      expect(limitReached(turns, max, budget, spent)).toBe(limit);
    },
  );
});
