import { describe, expect, it } from 'vitest';
import { cacheSplit, type PromptUnit } from './prompt-cache-estimate.ts';

const unit = (key: string, tokens: number): PromptUnit => ({ key, tokens });
const system = unit('system', 1_500);
const MIN = 1_024;

describe('cacheSplit', () => {
  it('writes the whole first request', () => {
    expect(cacheSplit(null, [system, unit('a', 600)], MIN)).toEqual({ read: 0, write: 2_100, uncached: 0 });
  });

  it('reads the previous request when the conversation only grew, and writes the new tail', () => {
    const before = [system, unit('a', 600)];
    expect(cacheSplit(before, [...before, unit('b', 50), unit('c', 300)], MIN)).toEqual({
      read: 2_100,
      write: 350,
      uncached: 0,
    });
  });

  it('reads only the stable prefix after a compaction changed the head of the conversation', () => {
    const before = [system, unit('a', 600), unit('b', 900)];
    expect(cacheSplit(before, [system, unit('summary', 200), unit('b', 900)], MIN)).toEqual({
      read: 1_500,
      write: 1_100,
      uncached: 0,
    });
  });

  it('reads nothing when the stable prefix is too short to cache on its own', () => {
    const small = unit('system', 100);
    const before = [small, unit('a', 1_200)];
    expect(cacheSplit(before, [small, unit('summary', 1_000)], MIN)).toEqual({
      read: 0,
      write: 1_100,
      uncached: 0,
    });
  });

  it('caches nothing in a prompt shorter than the model minimum', () => {
    expect(cacheSplit(null, [unit('system', 0), unit('a', 900)], MIN)).toEqual({
      read: 0,
      write: 0,
      uncached: 900,
    });
  });
});
