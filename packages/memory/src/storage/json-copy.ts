import { asJson } from './json-diff.ts';

/** Copies of objects frozen through, by the object: such an object can never change, nor its copy be stale. */
const frozenCopies = new WeakMap<object, unknown>();
/** Whether everything copied since the innermost object began was frozen; see `copyObject`. */
let frozenSoFar = true;

/**
 * A deep copy of `value` as `JSON.parse(JSON.stringify(value))` would return it (`toJSON` applied, `undefined`
 * and functions dropped, or `null` in arrays, non-finite numbers `null`), without the text in between. An
 * object frozen through (a `ConversationManager`'s transcript entries and events, the runtime's ledger) is
 * copied once and its copy reused, so saving a long session again copies only what is new. The copies may be
 * shared between results: treat them as read-only. Frozen objects are taken as plain data (a getter on one
 * would be read once).
 */
export function copyJson(value: unknown): unknown {
  const own = asJson(value);
  if (own === 0) return 0; // -0 as well, which JSON writes as 0
  if (typeof own !== 'object' || own === null) return own;
  const cached = frozenCopies.get(own);
  if (cached !== undefined) return cached;
  return copyObject(own, own === value && Object.isFrozen(own));
}

function copyObject(own: object, frozen: boolean): unknown {
  const outer = frozenSoFar;
  frozenSoFar = true;
  let copy: unknown;
  if (Array.isArray(own)) {
    const items = new Array<unknown>(own.length);
    for (let i = 0; i < own.length; i++) items[i] = copyJson(own[i]) ?? null;
    copy = items;
  } else {
    const fields: Record<string, unknown> = {};
    for (const key of Object.keys(own)) {
      const item = copyJson((own as Record<string, unknown>)[key]);
      if (item === undefined) continue;
      // defineProperty, not assignment: a key named `__proto__` must stay data, never a prototype.
      if (key === '__proto__') {
        Object.defineProperty(fields, key, { value: item, writable: true, enumerable: true, configurable: true });
      } else fields[key] = item;
    }
    copy = fields;
  }
  const frozenThrough = frozen && frozenSoFar;
  if (frozenThrough) frozenCopies.set(own, copy);
  frozenSoFar = outer && frozenThrough;
  return copy;
}
