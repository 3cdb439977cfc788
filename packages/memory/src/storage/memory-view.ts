import { byteSize, isDirectory, type MemoryFiles } from './memory-document.ts';
import { MemoryToolError } from './memory-tool-error.ts';

/** Width of line numbers in file views: room for 999,999 lines, as in the SDK's filesystem tool. */
const LINE_NUMBER_WIDTH = 6;
/** How deep a directory listing goes, as in the SDK's filesystem tool. */
const LISTING_DEPTH = 2;

interface Entry {
  readonly names: readonly string[];
  readonly directory: boolean;
  size: number;
}

/**
 * The `view` command: a directory as a listing with sizes (two levels deep, hidden items and
 * `node_modules` left out), a file with line numbers, optionally only `view_range` lines. Texts match
 * the SDK's filesystem memory tool; a directory's size is the total of the files beneath it.
 */
export function viewMemory(files: MemoryFiles, path: string, viewRange?: unknown): string {
  if (Object.hasOwn(files, path)) return viewFile(path, files[path]!.content, viewRange);
  if (isDirectory(files, path)) return listDirectory(files, path);
  throw new MemoryToolError('view', `The path ${path} does not exist. Please provide a valid path.`);
}

/** Lines numbered as the SDK does: right-aligned number, a tab, the line. */
export function numberLines(lines: readonly string[], firstNumber: number): string {
  return lines.map((line, i) => `${String(firstNumber + i).padStart(LINE_NUMBER_WIDTH, ' ')}\t${line}`).join('\n');
}

/** `0B`, `512B`, `1.5K`, `4M`: the SDK's size format. */
export function formatFileSize(bytes: number): string {
  if (bytes === 0) return '0B';
  const units = ['B', 'K', 'M', 'G'];
  const power = Math.min(units.length - 1, Math.floor(Math.log(bytes) / Math.log(1024)));
  const size = bytes / 1024 ** power;
  return (size % 1 === 0 ? size.toString() : size.toFixed(1)) + units[power];
}

function viewFile(path: string, content: string, viewRange: unknown): string {
  const lines = content.split('\n');
  const [start, end] =
    viewRange === undefined || viewRange === null ? [1, lines.length] : parseRange(viewRange, lines.length);
  return `Here's the content of ${path} with line numbers:\n${numberLines(lines.slice(start - 1, end), start)}`;
}

function parseRange(range: unknown, lineCount: number): [number, number] {
  if (Array.isArray(range) && range.length === 2 && range.every(Number.isInteger)) {
    const [start, end] = range as [number, number];
    if (start >= 1 && start <= lineCount && (end === -1 || end >= start)) {
      return [start, end === -1 ? lineCount : Math.min(end, lineCount)];
    }
  }
  throw new MemoryToolError(
    'view',
    `Invalid \`view_range\` parameter: ${JSON.stringify(range)}. It should be [start_line, end_line] with ` +
      `1 <= start_line <= ${lineCount} and end_line >= start_line, or end_line = -1 for the end of the file.`,
  );
}

function listDirectory(files: MemoryFiles, dir: string): string {
  const prefix = `${dir}/`;
  const entries = new Map<string, Entry>();
  let total = 0;
  for (const [key, file] of Object.entries(files)) {
    if (!key.startsWith(prefix)) continue;
    const size = byteSize(file.content);
    total += size;
    const names = key.slice(prefix.length).split('/');
    for (let depth = 1; depth <= Math.min(LISTING_DEPTH, names.length); depth++) {
      if (isHidden(names[depth - 1]!)) break;
      const id = names.slice(0, depth).join('/');
      const entry = entries.get(id) ?? {
        names: names.slice(0, depth),
        directory: depth < names.length,
        size: 0,
      };
      entry.size += size;
      entries.set(id, entry);
    }
  }
  const rows = [...entries.values()]
    .sort((a, b) => compareNames(a.names, b.names))
    .map((e) => `${formatFileSize(e.size)}\t${dir}/${e.names.join('/')}${e.directory ? '/' : ''}`);
  return (
    `Here're the files and directories up to ${LISTING_DEPTH} levels deep in ${dir}, excluding hidden items ` +
    `and node_modules:\n${[`${formatFileSize(total)}\t${dir}`, ...rows].join('\n')}`
  );
}

function isHidden(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Name by name, so a directory's children follow it directly, as in a depth-first walk. */
function compareNames(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}
