/** The `code` of a Node.js system error (`'ENOENT'`, `'EEXIST'` …), or `undefined`. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
