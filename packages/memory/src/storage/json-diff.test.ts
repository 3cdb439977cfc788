import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../conversation/deep-freeze.ts';
import { applyJsonDiff, diffJson } from './json-diff.ts';

const asStored = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
const replay = (previous: unknown, next: unknown) =>
  applyJsonDiff(asStored(previous), asStored(diffJson(asStored(previous), next)) as never);

describe('diffJson', () => {
  it('turns any JSON value into any other when its ops are applied', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (previous, next) => {
        expect(replay(previous, next)).toEqual(asStored(next));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a stored value equal to each of a series of values sharing frozen items, saved one after another', () => {
    // As a session log does: one stored value, brought up to date by each diff in turn; frozen items come
    // back at the same index or another, and items in between change.
    const items = fc.oneof(fc.jsonValue(), fc.constantFrom({ a: [1, 2] }, { a: [1, 3] }, [{ b: 'x' }], []));
    fc.assert(
      fc.property(
        fc.array(items, { minLength: 1, maxLength: 6 }),
        fc.array(fc.array(fc.nat(), { maxLength: 8 }), { minLength: 2, maxLength: 10 }),
        (pool, picks) => {
          const frozen = pool.map((item, i) => (i % 2 === 0 ? deepFreeze(item) : item));
          let stored = asStored({ items: [] });
          for (const pick of picks) {
            const next = { items: pick.map((i) => frozen[i % frozen.length]) };
            stored = applyJsonDiff(stored, asStored(diffJson(stored, next)) as never);
            expect(stored).toEqual(asStored(next));
          }
        },
      ),
      { numRuns: 500, seed: 3 },
    );
  });

  it('compares an item frozen through once, and sees a change to what it was stored as', () => {
    const first = deepFreeze({ role: 'user', content: [{ type: 'text', text: 'hi' }] });
    const other = deepFreeze({ role: 'user', content: [{ type: 'text', text: 'bye' }] });
    let stored = asStored({ entries: [first] });
    const save = (entries: unknown[]) => {
      const ops = diffJson(stored, { entries });
      stored = applyJsonDiff(stored, asStored(ops) as never);
      return ops;
    };
    expect(save([first])).toEqual([]);
    expect(save([first])).toEqual([]);
    expect(save([other])).toEqual([{ op: 'set', path: ['entries', 0, 'content', 0, 'text'], value: 'bye' }]);
    expect(save([first])).toEqual([{ op: 'set', path: ['entries', 0, 'content', 0, 'text'], value: 'hi' }]);
    expect(stored).toEqual(asStored({ entries: [first] }));
  });

  it('finds nothing to do when the value is unchanged', () => {
    const value = { entries: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], n: 1, none: null };
    expect(diffJson(asStored(value), value)).toEqual([]);
  });

  it('records a transcript that grew as one push and a changed field as one set', () => {
    const previous = { entries: [1, 2], machine: { value: 'sampling' } };
    const next = { entries: [1, 2, 3, 4], machine: { value: 'acting' } };
    expect(diffJson(previous, next)).toEqual([
      { op: 'push', path: ['entries'], values: [3, 4] },
      { op: 'set', path: ['machine', 'value'], value: 'acting' },
    ]);
  });

  it('sees values as JSON.stringify does: toJSON applied, undefined dropped, NaN as null', () => {
    const previous = { at: '1970-01-01T00:00:00.000Z', gone: 1, list: [null], n: null };
    const next = { at: new Date(0), gone: undefined, list: [undefined], n: Number.NaN, f: () => 1 };
    expect(diffJson(previous, next)).toEqual([{ op: 'delete', path: ['gone'] }]);
  });

  it('replaces an array that shrank and a value whose type changed', () => {
    expect(diffJson({ a: [1, 2, 3], b: { x: 1 } }, { a: [1], b: [1] })).toEqual([
      { op: 'set', path: ['a'], value: [1] },
      { op: 'set', path: ['b'], value: [1] },
    ]);
  });

  it('refuses ops that do not fit the value they are applied to', () => {
    expect(() => applyJsonDiff({ a: 1 }, [{ op: 'push', path: ['a'], values: [2] }])).toThrow(/not an array/);
    expect(() => applyJsonDiff({}, [{ op: 'set', path: ['missing', 'x'], value: 1 }])).toThrow(/does not exist/);
  });
});
