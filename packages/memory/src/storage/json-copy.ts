import { asJson } from './json-diff.ts';

/** Objects frozen through that are already what JSON would make of them: each is its own copy. */
const asIs = new WeakSet<object>();
/** Copies of objects frozen through that JSON changes (an `undefined` field dropped, say): made once. */
const frozenCopies = new WeakMap<object, unknown>();
/** Whether everything walked since the innermost object began was frozen; see `copyObject`. */
let frozenSoFar = true;

/**
 * A deep copy of `value` as `JSON.parse(JSON.stringify(value))` would return it (`toJSON` applied, `undefined`
 * and functions dropped, or `null` in arrays, non-finite numbers `null`), without the text in between.
 *
 * An object frozen through (a `ConversationManager`'s transcript entries and events, the runtime's ledger) can
 * never change, so it is not copied again: when it is plain JSON already it is returned as it is (frozen, so
 * no reader can change it either), otherwise its copy is made once and reused. Saving a long session again
 * thus walks only what is new. Copies of such objects are shared between results: treat results as
 * read-only. Frozen objects are taken as plain data (a getter on one would be read once; properties keyed
 * by symbols, which JSON skips, are not looked for).
 */
export function copyJson(value: unknown): unknown {
  return copyValue(value, undefined);
}

/** `kept` collects the plain frozen objects found inside a frozen object that may turn out plain itself. */
function copyValue(value: unknown, kept: object[] | undefined): unknown {
  // Looked up before `toJSON` is: a frozen object remembered here was taken as it is, without one.
  if (typeof value === 'object' && value !== null) {
    if (asIs.has(value)) return value;
    const cached = frozenCopies.get(value);
    if (cached !== undefined) return cached;
  }
  const own = asJson(value);
  if (own === 0) return 0; // -0 as well, which JSON writes as 0
  if (typeof own !== 'object' || own === null) return own;
  const copy = copyObject(own, own === value && Object.isFrozen(own));
  if (copy === own) {
    if (kept) kept.push(own);
    else asIs.add(own);
  }
  return copy;
}

/**
 * Copies `own`, or returns it when it is frozen through and JSON would leave it as it is (its caller then
 * remembers it, or the frozen object holding it does). Only the outermost such objects are remembered: what
 * they hold is reached through them.
 */
function copyObject(own: object, frozen: boolean): unknown {
  const outer = frozenSoFar;
  frozenSoFar = true;
  const kept: object[] | undefined = frozen ? [] : undefined;
  let same = frozen && isPlain(own);
  let copy: unknown;
  if (Array.isArray(own)) {
    const items = new Array<unknown>(own.length);
    for (let i = 0; i < own.length; i++) {
      items[i] = copyValue(own[i], kept) ?? null;
      same &&= Object.is(items[i], own[i]);
    }
    copy = items;
  } else {
    const fields: Record<string, unknown> = {};
    for (const key of Object.keys(own)) {
      const field = (own as Record<string, unknown>)[key];
      const item = copyValue(field, kept);
      same &&= item !== undefined && Object.is(item, field);
      if (item === undefined) continue;
      // defineProperty, not assignment: a key named `__proto__` must stay data, never a prototype.
      if (key === '__proto__') {
        Object.defineProperty(fields, key, { value: item, writable: true, enumerable: true, configurable: true });
      } else fields[key] = item;
    }
    copy = fields;
  }
  const frozenThrough = frozen && frozenSoFar;
  frozenSoFar = outer && frozenThrough;
  if (frozenThrough && same) return own;
  if (kept) for (const object of kept) asIs.add(object);
  if (frozenThrough) frozenCopies.set(own, copy);
  return copy;
}

/** An array or a plain object: what JSON reads back is of the same kind. */
function isPlain(own: object): boolean {
  return Object.getPrototypeOf(own) === (Array.isArray(own) ? Array.prototype : Object.prototype);
}
