import { describe, expect, it } from 'vitest';
import { LOOKBACK_BLOCKS, PromptCache } from './prompt-cache.ts';
import type { PromptUnit } from './prompt-units.ts';

/** Units of `tokens` each whose digests follow `keys`: equal keys up to a point mean an equal prefix. */
const units = (keys: string, tokens: number, breakpoints: Record<number, '5m' | '1h'>): PromptUnit[] =>
  [...keys].map((_, i) => ({ tokens, digest: keys.slice(0, i + 1), ttl: breakpoints[i] }));

describe('PromptCache', () => {
  it('writes at a breakpoint, then reads the same prefix', () => {
    const cache = new PromptCache(() => 0);
    const prompt = units('abcd', 500, { 2: '5m' });
    expect(cache.account(prompt, 1_024)).toEqual({ uncached: 500, read: 0, write5m: 1_500, write1h: 0 });
    expect(cache.account(prompt, 1_024)).toEqual({ uncached: 500, read: 1_500, write5m: 0, write1h: 0 });
  });

  it('reads an earlier entry found before a moved breakpoint and writes only the new part', () => {
    const cache = new PromptCache(() => 0);
    cache.account(units('abcd', 500, { 3: '5m' }), 1_024);
    expect(cache.account(units('abcdef', 500, { 5: '5m' }), 1_024)).toEqual({
      uncached: 0,
      read: 2_000,
      write5m: 1_000,
      write1h: 0,
    });
  });

  it('writes everything again after a change early in the prefix', () => {
    const cache = new PromptCache(() => 0);
    cache.account(units('abcd', 500, { 3: '5m' }), 1_024);
    expect(cache.account(units('xbcd', 500, { 3: '5m' }), 1_024)).toEqual({
      uncached: 0,
      read: 0,
      write5m: 2_000,
      write1h: 0,
    });
  });

  it('caches nothing below the minimum cacheable length', () => {
    const cache = new PromptCache(() => 0);
    cache.account(units('ab', 500, { 1: '5m' }), 1_024);
    expect(cache.account(units('ab', 500, { 1: '5m' }), 1_024)).toEqual({
      uncached: 1_000,
      read: 0,
      write5m: 0,
      write1h: 0,
    });
  });

  it('forgets an entry after its TTL, and a read refreshes it', () => {
    let now = 0;
    const cache = new PromptCache(() => now);
    const prompt = units('abc', 1_000, { 2: '5m' });
    cache.account(prompt, 1_024);
    now = 4 * 60_000;
    expect(cache.account(prompt, 1_024).read).toBe(3_000);
    now = 8 * 60_000;
    expect(cache.account(prompt, 1_024).read).toBe(3_000);
    now = 14 * 60_000;
    expect(cache.account(prompt, 1_024)).toEqual({ uncached: 0, read: 0, write5m: 3_000, write1h: 0 });
  });

  it('splits writes by the TTL of each breakpoint', () => {
    const cache = new PromptCache(() => 0);
    expect(cache.account(units('abcd', 1_000, { 1: '1h', 3: '5m' }), 1_024)).toEqual({
      uncached: 0,
      read: 0,
      write5m: 2_000,
      write1h: 2_000,
    });
  });

  it(`looks back at most ${LOOKBACK_BLOCKS} blocks before a breakpoint`, () => {
    const cache = new PromptCache(() => 0);
    const long = 'abcdefghijklmnopqrstuvwxyz';
    cache.account(units(long.slice(0, 3), 1_000, { 2: '5m' }), 1_024);
    expect(cache.account(units(long.slice(0, 23), 100, { 22: '5m' }), 1_024).read).toBe(300);
    expect(cache.account(units(long, 100, { 25: '5m' }), 1_024).read).toBe(2_300);
    const fresh = new PromptCache(() => 0);
    fresh.account(units(long.slice(0, 3), 1_000, { 2: '5m' }), 1_024);
    expect(fresh.account(units(long, 100, { 25: '5m' }), 1_024).read).toBe(0);
  });
});
