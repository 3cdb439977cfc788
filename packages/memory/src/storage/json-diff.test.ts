import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
