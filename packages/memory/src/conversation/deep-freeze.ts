/**
 * Freezes `value` and every object it holds, in place, and returns it. An object already frozen is taken as
 * frozen through (it is not walked again, which also ends cycles); typed arrays cannot be frozen and are
 * left as they are.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value) || ArrayBuffer.isView(value)) {
    return value;
  }
  Object.freeze(value);
  // Arrays by index: `Object.keys` would build a string for every index.
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  else for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}
