/** Where in a JSON value: object keys and array indexes, from the root. */
export type JsonPath = readonly (string | number)[];

/** One change to a JSON value. */
export type JsonOp =
  | { readonly op: 'set'; readonly path: JsonPath; readonly value: unknown }
  | { readonly op: 'push'; readonly path: JsonPath; readonly values: readonly unknown[] }
  | { readonly op: 'delete'; readonly path: JsonPath };

type Container = Record<string, unknown> | unknown[];

/**
 * Objects of a previous value known to hold what an object frozen through holds, by the former: a session's
 * transcript entries are compared once, not on every save. An entry is dropped as soon as the walk goes into
 * its object, which is what any change to that object (by `applyJsonDiff`) is preceded by.
 */
const sameAs = new WeakMap<object, object>();
/** Whether every object `isSame` has looked at since it was last reset was frozen. */
let frozenSoFar = true;

/**
 * The changes that turn `previous` (plain JSON, as `JSON.parse` returns it) into `next` (as
 * `JSON.stringify` would write it: `toJSON` applied, `undefined` and functions dropped). An array that
 * grew at its end becomes one `push`; objects are compared key by key; anything else that differs is
 * `set` whole. The walk visits every value of `next`, but only what changed ends up in the ops. Values
 * in the ops are `next`'s own: serialize them before `next` changes.
 */
export function diffJson(previous: unknown, next: unknown): JsonOp[] {
  const ops: JsonOp[] = [];
  walk(previous, asJson(next), [], ops);
  return ops;
}

/** Applies `ops` (as parsed from JSON) to `root` in place and returns the new root. Throws on a bad op. */
export function applyJsonDiff(root: unknown, ops: readonly JsonOp[]): unknown {
  for (const op of ops) {
    if (!Array.isArray(op.path)) throw new TypeError(`a ${String(op.op)} op has no path`);
    if (op.op === 'push') {
      const target = resolve(root, op.path);
      if (!Array.isArray(target) || !Array.isArray(op.values)) throw new TypeError('push: not an array');
      for (const value of op.values) target.push(value);
      continue;
    }
    if (op.path.length === 0 && op.op === 'set') {
      root = op.value;
      continue;
    }
    const parent = resolve(root, op.path.slice(0, -1));
    const key = op.path.at(-1);
    if (typeof parent !== 'object' || parent === null || key === undefined) {
      throw new TypeError(`path ${JSON.stringify(op.path)} has no parent`);
    }
    if (op.op === 'set') {
      // defineProperty, not assignment: a key named `__proto__` must stay data, never a prototype.
      Object.defineProperty(parent, key, {
        value: op.value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    } else if (op.op === 'delete' && !Array.isArray(parent)) {
      delete (parent as Record<string, unknown>)[key];
    } else {
      throw new TypeError(`unknown op ${JSON.stringify(op.op)}`);
    }
  }
  return root;
}

function walk(previous: unknown, next: unknown, path: (string | number)[], ops: JsonOp[]): void {
  if (typeof previous === 'object' && previous !== null) sameAs.delete(previous);
  if (Array.isArray(next)) {
    if (!Array.isArray(previous) || previous.length > next.length) {
      ops.push({ op: 'set', path: [...path], value: next });
      return;
    }
    for (let i = 0; i < previous.length; i++) {
      // Long arrays (a transcript) are nearly all unchanged: a plain comparison settles most items, and an
      // item frozen through is compared once.
      if (sameItem(previous[i], next[i])) continue;
      path.push(i);
      walk(previous[i], asJson(next[i]) ?? null, path, ops);
      path.pop();
    }
    if (next.length > previous.length) {
      ops.push({ op: 'push', path: [...path], values: next.slice(previous.length) });
    }
    return;
  }
  if (typeof next === 'object' && next !== null) {
    if (typeof previous !== 'object' || previous === null || Array.isArray(previous)) {
      ops.push({ op: 'set', path: [...path], value: next });
      return;
    }
    walkObject(previous as Record<string, unknown>, next as Record<string, unknown>, path, ops);
    return;
  }
  if (previous !== next) ops.push({ op: 'set', path: [...path], value: next });
}

function walkObject(
  previous: Record<string, unknown>,
  next: Record<string, unknown>,
  path: (string | number)[],
  ops: JsonOp[],
): void {
  let kept = 0;
  for (const key of Object.keys(next)) {
    const value = asJson(next[key]);
    if (value === undefined) continue;
    path.push(key);
    if (Object.hasOwn(previous, key)) {
      kept++;
      walk(previous[key], value, path, ops);
    } else {
      ops.push({ op: 'set', path: [...path], value });
    }
    path.pop();
  }
  const previousKeys = Object.keys(previous);
  if (kept === previousKeys.length) return;
  for (const key of previousKeys) {
    const gone = !Object.prototype.propertyIsEnumerable.call(next, key) || asJson(next[key]) === undefined;
    if (gone) ops.push({ op: 'delete', path: [...path, key] });
  }
}

/** `isSame`, remembered for an item frozen through. */
function sameItem(previous: unknown, next: unknown): boolean {
  const remembered = typeof previous === 'object' && previous !== null;
  if (remembered && sameAs.get(previous) === next) return true;
  frozenSoFar = true;
  if (!isSame(previous, next)) return false;
  if (remembered && frozenSoFar && next !== previous) sameAs.set(previous, next as object);
  return true;
}

/**
 * Whether `next` is certainly what `previous` (parsed JSON) holds. Cheaper than the walk; it answers
 * `false` whenever JSON's rules would need a closer look (a `toJSON`, a class instance, `undefined`).
 */
function isSame(previous: unknown, next: unknown): boolean {
  if (previous === next) return true;
  if (typeof previous !== 'object' || previous === null || typeof next !== 'object' || next === null) {
    return false;
  }
  if (!Object.isFrozen(next)) frozenSoFar = false;
  if (Array.isArray(next)) {
    if (!Array.isArray(previous) || previous.length !== next.length) return false;
    for (let i = 0; i < next.length; i++) if (!isSame(previous[i], next[i])) return false;
    return true;
  }
  const prototype = Object.getPrototypeOf(next);
  if ((prototype !== Object.prototype && prototype !== null) || Array.isArray(previous)) return false;
  const before = previous as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  const keys = Object.keys(after);
  if (keys.length !== Object.keys(before).length) return false;
  for (const key of keys) if (!Object.hasOwn(before, key) || !isSame(before[key], after[key])) return false;
  return true;
}

/** What `JSON.stringify` sees of a value: `undefined` where it writes nothing (or `null` in an array). */
export function asJson(value: unknown): unknown {
  const own =
    typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function'
      ? (value as { toJSON(): unknown }).toJSON()
      : value;
  switch (typeof own) {
    case 'number':
      return Number.isFinite(own) ? own : null;
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'function':
    case 'symbol':
    case 'undefined':
      return undefined;
    default:
      return own;
  }
}

function resolve(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) {
      throw new TypeError(`path ${JSON.stringify(path)} does not exist`);
    }
    node = (node as Container)[key as never];
  }
  return node;
}
