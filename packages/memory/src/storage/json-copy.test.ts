import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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

  it('copies an object frozen through once, and anything else every time', () => {
    const entry = Object.freeze({
      role: 'user',
      content: Object.freeze([Object.freeze({ type: 'text', text: 'hi' })]),
    });
    const session = { entries: [entry] };
    const first = copyJson(session) as { entries: unknown[] };
    const second = copyJson(session) as { entries: unknown[] };
    expect(second).not.toBe(first);
    expect(second.entries).not.toBe(first.entries);
    expect(second.entries[0]).toBe(first.entries[0]);
    expect(second).toEqual(roundTrip(session));
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
