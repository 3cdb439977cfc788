import type { MemoryToolHandlers } from '@anthropic-ai/sdk/helpers/beta/memory';
import { ancestorFile, isDirectory, type MemoryFiles } from './memory-document.ts';
import type { MemoryLimits } from './memory-limits.ts';
import { MEMORY_ROOT, parseMemoryPath } from './memory-path.ts';
import { type MemoryCommandName, type MemoryOperation, MemoryToolError } from './memory-tool-error.ts';
import { numberLines } from './memory-view.ts';

/** The input of one memory command, as the SDK types it (the model may still send anything). */
export type MemoryCommandInput<K extends MemoryCommandName> = Parameters<MemoryToolHandlers[K]>[0];

/** The files after an edit, and the text the model gets back. */
export interface MemoryEdit {
  readonly files: MemoryFiles;
  readonly result: string;
}

/** What an edit needs besides the files: the time it is stamped with and the path limits. */
export interface EditContext {
  readonly now: string;
  readonly limits: MemoryLimits;
}

/** Longest quote of the model's own text echoed back in an error. */
const MAX_ECHO_CHARS = 200;
/** Lines of context shown around a replacement, as in the SDK. */
const SNIPPET_CONTEXT = 2;
/** Most line numbers listed when `old_str` is ambiguous. */
const MAX_LISTED_LINES = 10;

/** `create`: a new file; never overwrites one. */
export function createFile(files: MemoryFiles, command: MemoryCommandInput<'create'>, ctx: EditContext): MemoryEdit {
  const path = parseMemoryPath(command.path, 'create', ctx.limits);
  const text = requireString(command.file_text, 'create', 'file_text');
  if (Object.hasOwn(files, path)) fail('create', `File ${path} already exists`);
  assertCreatable(files, path, 'create');
  return {
    files: { ...files, [path]: { content: text, updatedAt: ctx.now } },
    result: `File created successfully at: ${path}`,
  };
}

/** `str_replace`: `old_str` must occur exactly once, within a line or across lines. */
export function replaceText(
  files: MemoryFiles,
  command: MemoryCommandInput<'str_replace'>,
  ctx: EditContext,
): MemoryEdit {
  const path = parseMemoryPath(command.path, 'str_replace', ctx.limits);
  const oldStr = requireString(command.old_str, 'str_replace', 'old_str');
  const newStr = requireString(command.new_str, 'str_replace', 'new_str');
  const content = fileContent(files, path, 'str_replace');
  if (oldStr === '')
    fail('str_replace', 'No replacement was performed: old_str is empty; give the exact text to replace.');
  const found = occurrences(content, oldStr);
  if (found.length === 0) {
    fail(
      'str_replace',
      `No replacement was performed, old_str \`${echo(oldStr)}\` did not appear verbatim in ${path}.`,
    );
  }
  if (found.length > 1) {
    const lines = [...new Set(found.map((index) => lineIndex(content, index) + 1))];
    const listed = lines.slice(0, MAX_LISTED_LINES).join(', ') + (lines.length > MAX_LISTED_LINES ? ', …' : '');
    fail(
      'str_replace',
      `No replacement was performed. Multiple occurrences (${found.length}) of old_str \`${echo(oldStr)}\` ` +
        `in lines: ${listed}. Please ensure it is unique`,
    );
  }
  const index = found[0]!;
  const updated = content.slice(0, index) + newStr + content.slice(index + oldStr.length);
  const first = lineIndex(content, index);
  const last = first + newStr.split('\n').length - 1;
  const lines = updated.split('\n');
  const from = Math.max(0, first - SNIPPET_CONTEXT);
  const snippet = numberLines(lines.slice(from, Math.min(lines.length, last + SNIPPET_CONTEXT + 1)), from + 1);
  return {
    files: { ...files, [path]: { content: updated, updatedAt: ctx.now } },
    result: `The memory file has been edited. Here is the snippet showing the change (with line numbers):\n${snippet}`,
  };
}

/** `insert`: `insert_text` becomes a line before line `insert_line` (0 puts it first). */
export function insertText(files: MemoryFiles, command: MemoryCommandInput<'insert'>, ctx: EditContext): MemoryEdit {
  const path = parseMemoryPath(command.path, 'insert', ctx.limits);
  const text = requireString(command.insert_text, 'insert', 'insert_text');
  const lines = fileContent(files, path, 'insert').split('\n');
  const at: unknown = command.insert_line;
  if (!(Number.isInteger(at) && (at as number) >= 0 && (at as number) <= lines.length)) {
    fail(
      'insert',
      `Invalid \`insert_line\` parameter: ${JSON.stringify(at)}. It should be within the range of lines of ` +
        `the file: [0, ${lines.length}]`,
    );
  }
  lines.splice(at as number, 0, text.replace(/\n$/, ''));
  return {
    files: { ...files, [path]: { content: lines.join('\n'), updatedAt: ctx.now } },
    result: `The file ${path} has been edited.`,
  };
}

/** `delete`: a file, or a directory with everything in it. */
export function deletePath(files: MemoryFiles, command: MemoryCommandInput<'delete'>, ctx: EditContext): MemoryEdit {
  const path = parseMemoryPath(command.path, 'delete', ctx.limits);
  if (path === MEMORY_ROOT) fail('delete', 'Cannot delete the /memories directory itself');
  const prefix = `${path}/`;
  const kept = Object.entries(files).filter(([key]) => key !== path && !key.startsWith(prefix));
  if (kept.length === Object.keys(files).length) fail('delete', `The path ${path} does not exist`);
  return { files: Object.fromEntries(kept), result: `Successfully deleted ${path}` };
}

/** `rename`: a file or a directory, never over an existing path. */
export function renamePath(files: MemoryFiles, command: MemoryCommandInput<'rename'>, ctx: EditContext): MemoryEdit {
  const from = parseMemoryPath(command.old_path, 'rename', ctx.limits, 'old_path');
  const to = parseMemoryPath(command.new_path, 'rename', ctx.limits, 'new_path');
  if (from === MEMORY_ROOT) fail('rename', 'Cannot rename the /memories directory itself');
  if (!Object.hasOwn(files, from) && !isDirectory(files, from)) fail('rename', `The path ${from} does not exist`);
  if (Object.hasOwn(files, to) || isDirectory(files, to)) fail('rename', `The destination ${to} already exists`);
  if (to.startsWith(`${from}/`)) fail('rename', `Cannot move ${from} into itself (${to}).`);
  assertCreatable(files, to, 'rename');
  const prefix = `${from}/`;
  const moved = Object.entries(files).map(([key, file]): [string, typeof file] => {
    const renamed = key === from ? to : key.startsWith(prefix) ? to + key.slice(from.length) : key;
    if (renamed.length > ctx.limits.maxPathChars) {
      fail('rename', `Renaming would make ${renamed} longer than ${ctx.limits.maxPathChars} characters.`);
    }
    return [renamed, file];
  });
  return { files: Object.fromEntries(moved), result: `Successfully renamed ${from} to ${to}` };
}

/** The content of the file at `path`, or the protocol's error for a directory or a missing path. */
function fileContent(files: MemoryFiles, path: string, command: MemoryOperation): string {
  if (Object.hasOwn(files, path)) return files[path]!.content;
  if (isDirectory(files, path)) fail(command, `The path ${path} is not a file.`);
  return fail(command, `The path ${path} does not exist. Please provide a valid path.`);
}

/** A file can be created at `path`: it is not a directory, and no file stands where a directory must. */
export function assertCreatable(files: MemoryFiles, path: string, command: MemoryOperation): void {
  if (isDirectory(files, path)) fail(command, `The path ${path} is a directory; give a file name under it.`);
  const blocker = ancestorFile(files, path);
  if (blocker !== undefined) fail(command, `Cannot create ${path}: ${blocker} is a file, not a directory.`);
}

function requireString(value: unknown, command: MemoryCommandName, field: string): string {
  if (typeof value !== 'string') fail(command, `The \`${field}\` parameter must be a string, got ${typeof value}.`);
  return value as string;
}

/** Every start index of `needle`, overlapping ones included: `aa` in `aaa` is ambiguous. */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

function lineIndex(text: string, index: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function echo(text: string): string {
  return text.length > MAX_ECHO_CHARS ? `${text.slice(0, MAX_ECHO_CHARS)}…` : text;
}

function fail(command: MemoryOperation, message: string): never {
  throw new MemoryToolError(command, message);
}
