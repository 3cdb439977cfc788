import type { MemoryLimits } from './memory-limits.ts';
import { type MemoryOperation, MemoryToolError } from './memory-tool-error.ts';

/** The directory every memory path lives under, as the `memory_20250818` protocol names it. */
export const MEMORY_ROOT = '/memories';

/** Control characters and the invisible marks that reorder text (they make names lie about themselves). */
const HIDDEN_CHARACTER = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** `%2e`, `%2F`, `%00` …: decoded by some layer, they smuggle `..`, `/` or NUL past a check. */
const PERCENT_ESCAPE = /%[0-9a-f]{2}/i;
const encoder = new TextEncoder();

/**
 * Checks a path sent by the model and returns it normalized (NFC, no trailing slash): `/memories` or
 * `/memories/<name>/…`. Refuses, with a message for the model, anything that is not a string, is too long,
 * holds NUL or other control characters, backslashes, percent-escapes, empty names, `.` or `..` (in any
 * Unicode form), or a name longer than the limit.
 */
export function parseMemoryPath(
  input: unknown,
  command: MemoryOperation,
  limits: Pick<MemoryLimits, 'maxPathChars' | 'maxNameBytes'>,
  field = 'path',
): string {
  const fail = (message: string): never => {
    throw new MemoryToolError(command, message);
  };
  if (typeof input !== 'string') return fail(`The \`${field}\` parameter must be a string, got ${typeof input}.`);
  if (input.length > limits.maxPathChars) {
    return fail(`Path is too long (${input.length} characters); the limit is ${limits.maxPathChars}.`);
  }
  const shown = JSON.stringify(input);
  if (LONE_SURROGATE.test(input)) fail(`Path ${shown} is not valid Unicode.`);
  if (HIDDEN_CHARACTER.test(input)) fail(`Path ${shown} contains a control character; use plain names.`);
  if (input.includes('\\')) fail(`Path ${shown} contains a backslash; separate names with /.`);
  const encoded = PERCENT_ESCAPE.exec(input);
  if (encoded) fail(`Path ${shown} contains the escape ${encoded[0]}; write characters as they are.`);
  if (input !== MEMORY_ROOT && !input.startsWith(`${MEMORY_ROOT}/`)) {
    fail(`Path must start with /memories, got: ${input}`);
  }
  const path = input.normalize('NFC').replace(/(?<=.)\/$/, '');
  for (const name of path.split('/').slice(2)) {
    const folded = name.normalize('NFKC');
    if (folded === '..' || folded.includes('/') || folded.includes('\\')) {
      fail(`Path ${input} would escape /memories directory`);
    }
    if (name === '' || folded === '.') fail(`Path ${shown} has an empty or "." name; write each name once.`);
    const bytes = encoder.encode(name).length;
    if (bytes > limits.maxNameBytes) {
      fail(`A name in path ${shown} is ${bytes} bytes long; the limit is ${limits.maxNameBytes}.`);
    }
  }
  return path;
}
