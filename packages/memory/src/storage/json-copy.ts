import { asJson } from './json-diff.ts';

/**
 * A deep copy of `value` as `JSON.parse(JSON.stringify(value))` would return it (`toJSON` applied, `undefined`
 * and functions dropped, or `null` in arrays, non-finite numbers `null`), without the text in between: about
 * twice as fast, and no string to collect.
 */
export function copyJson(value: unknown): unknown {
  const own = asJson(value);
  if (own === 0) return 0; // -0 as well, which JSON writes as 0
  if (typeof own !== 'object' || own === null) return own;
  if (Array.isArray(own)) {
    const copy = new Array<unknown>(own.length);
    for (let i = 0; i < own.length; i++) copy[i] = copyJson(own[i]) ?? null;
    return copy;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(own)) {
    const item = copyJson((own as Record<string, unknown>)[key]);
    if (item === undefined) continue;
    // defineProperty, not assignment: a key named `__proto__` must stay data, never a prototype.
    if (key === '__proto__')
      Object.defineProperty(copy, key, { value: item, writable: true, enumerable: true, configurable: true });
    else copy[key] = item;
  }
  return copy;
}
