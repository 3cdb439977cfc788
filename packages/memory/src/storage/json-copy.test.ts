import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../conversation/deep-freeze.ts';
import { copyJson } from './json-copy.ts';

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('copyJson', () => {
  it('equals a JSON round trip on any JSON value and shares nothing with it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = copyJson(value);
        expect(copy).toEqual(roundTrip(value));
        if (typeof value === 'object' && value !== null) expect(copy).not.toBe(value);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('does what JSON does with dates, toJSON, non-finite numbers, undefined and functions', () => {
    const value = {
      at: new Date(0),
      custom: { toJSON: () => ({ kept: 1 }) },
      numbers: [Number.NaN, Number.POSITIVE_INFINITY, -0, 1.5],
      gone: undefined,
      fn: () => 1,
      list: [undefined, () => 1, Symbol('s'), 'x'],
      map: new Map([['a', 1]]),
    };
    expect(copyJson(value)).toEqual(roundTrip(value));
  });

  it('keeps __proto__ as a plain key, never a prototype', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
    const copy = copyJson(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('returns an object frozen through and already plain JSON as it is, and copies anything else every time', () => {
    const entry = deepFreeze({ role: 'user', content: [{ type: 'text', text: 'hi' }] });
    const session = { entries: [entry] };
    const first = copyJson(session) as { entries: unknown[] };
    const second = copyJson(session) as { entries: unknown[] };
    expect(second).not.toBe(first);
    expect(second.entries).not.toBe(first.entries);
    expect(first.entries[0]).toBe(entry);
    expect(second).toEqual(roundTrip(session));
  });

  it('copies once an object frozen through that JSON would change, sharing the plain objects it holds', () => {
    const message = deepFreeze({ role: 'user', content: 'hi' });
    const entry = deepFreeze({ message, pinned: false, importance: undefined, weight: -0 });
    const first = copyJson(entry) as { message: unknown; weight: number };
    expect(first).not.toBe(entry);
    expect(first).toEqual(roundTrip(entry));
    expect(Object.is(first.weight, 0)).toBe(true);
    expect(first.message).toBe(message);
    expect(copyJson(entry)).toBe(first);
  });

  it('copies frozen objects that JSON reads back as something else: holes, class instances, NaN', () => {
    // biome-ignore lint/suspicious/noSparseArray: a hole is what this checks
    const holes = Object.freeze([1, , 3]);
    const values = [holes, deepFreeze(new Date(0)), deepFreeze(new Map([['a', 1]])), deepFreeze({ n: Number.NaN })];
    for (const value of values) {
      const copy = copyJson(value);
      expect(copy).not.toBe(value);
      expect(copy).toEqual(roundTrip(value));
    }
  });

  it('equals a JSON round trip on any JSON value frozen through, which it may return as it is', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        deepFreeze(value);
        const copy = copyJson(value);
        expect(copy).toEqual(roundTrip(value));
        if (copy === value && typeof value === 'object' && value !== null) expect(Object.isFrozen(copy)).toBe(true);
      }),
      { numRuns: 500, seed: 11 },
    );
  });

  it('follows a mutable object inside a frozen one, and what a frozen toJSON returns', () => {
    const inner = { text: 'before' };
    const shallow = Object.freeze({ inner });
    let calls = 0;
    const dated = Object.freeze({ toJSON: () => ({ calls: ++calls }) });
    expect(copyJson([shallow, dated])).toEqual([{ inner: { text: 'before' } }, { calls: 1 }]);
    inner.text = 'after';
    expect(copyJson([shallow, dated])).toEqual([{ inner: { text: 'after' } }, { calls: 2 }]);
  });

  it('refuses a BigInt as JSON does', () => {
    expect(() => copyJson({ n: 1n })).toThrow(TypeError);
  });
});
