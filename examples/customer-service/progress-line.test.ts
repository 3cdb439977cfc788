import { describe, expect, it } from 'vitest';
import { progressLine } from './progress-line.ts';

describe('progressLine', () => {
  it('names the run, its turn, the context just sent and its compactions so far', () => {
    expect(progressLine({ run: 'cookbook', turn: 23, contextTokens: 4_512, compactions: 1 })).toBe(
      'cookbook  turn   23  context   4,512 tokens  1 compaction',
    );
    expect(progressLine({ run: 'cairn', turn: 354, contextTokens: 3_597, compactions: 50 })).toBe(
      'cairn     turn  354  context   3,597 tokens  50 compactions',
    );
  });
});
