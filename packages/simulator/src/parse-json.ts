/** A JSON object, as opposed to an array or a primitive. */
export type JsonObject = Record<string, unknown>;

/** Parses text that holds a JSON object or array; `undefined` for anything else. */
export function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
