import { MEMORY_ROOT, parseMemoryPath } from './memory-path.ts';
import { MemoryToolError } from './memory-tool-error.ts';
import { StorageError } from './storage-error.ts';

/** Marks a JSON file as a Cairn memory store, so a foreign file is never taken for one. */
export const MEMORY_STORE_FORMAT = 'cairn.memory';
/** Version of the memory store's file layout. */
export const MEMORY_SCHEMA_VERSION = 1;

/** One memory file as stored. */
interface MemoryFileRecord {
  readonly content: string;
  /** ISO 8601, from the store's clock. */
  readonly updatedAt: string;
}

/** Files by full path (`/memories/notes/a.md`); directories are implied by the paths. */
export type MemoryFiles = Readonly<Record<string, MemoryFileRecord>>;

/** The store file's content. */
export interface MemoryDocument {
  readonly format: typeof MEMORY_STORE_FORMAT;
  readonly version: number;
  readonly files: MemoryFiles;
}

export function emptyMemoryDocument(): MemoryDocument {
  return { format: MEMORY_STORE_FORMAT, version: MEMORY_SCHEMA_VERSION, files: {} };
}

/** Checks a parsed store file; a foreign, newer or damaged one is refused with its path. */
export function parseMemoryDocument(value: unknown, path: string): MemoryDocument {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (record.format !== MEMORY_STORE_FORMAT) {
    throw new StorageError(
      'foreign',
      `${path} is not a Cairn memory store (it has no "format": "${MEMORY_STORE_FORMAT}"); it was left ` +
        'untouched. Point the MemoryStore at another file.',
      { path },
    );
  }
  if (typeof record.version !== 'number' || record.version > MEMORY_SCHEMA_VERSION) {
    throw new StorageError(
      'unsupported-version',
      `${path} has memory store version ${String(record.version)}, but this @cairn/memory reads up to ` +
        `${MEMORY_SCHEMA_VERSION}; upgrade @cairn/memory to use it.`,
      { path },
    );
  }
  const files = record.files;
  if (typeof files !== 'object' || files === null || Array.isArray(files)) return corrupt(path, '"files"');
  for (const [key, file] of Object.entries(files as Record<string, unknown>)) {
    const { content, updatedAt } = (file ?? {}) as Partial<Record<string, unknown>>;
    if (!isStoredPath(key) || typeof content !== 'string' || typeof updatedAt !== 'string') {
      return corrupt(path, JSON.stringify(key));
    }
  }
  return record as unknown as MemoryDocument;
}

/** Size limits are for writes; a stored key only has to be a safe, normalized path. */
const ANY_LENGTH = { maxPathChars: Number.POSITIVE_INFINITY, maxNameBytes: Number.POSITIVE_INFINITY };

function isStoredPath(key: string): boolean {
  try {
    return key !== MEMORY_ROOT && parseMemoryPath(key, 'view', ANY_LENGTH) === key;
  } catch (error) {
    if (error instanceof MemoryToolError) return false;
    throw error;
  }
}

function corrupt(path: string, entry: string): never {
  throw new StorageError(
    'corrupted',
    `${path} has an invalid entry ${entry}; it was left untouched. Restore it from a backup, or move it ` +
      'aside to start with an empty store.',
    { path },
  );
}

/** Whether `path` is a directory: the root, or a prefix of some file's path. */
export function isDirectory(files: MemoryFiles, path: string): boolean {
  if (path === MEMORY_ROOT) return true;
  const prefix = `${path}/`;
  return Object.keys(files).some((key) => key.startsWith(prefix));
}

/** The nearest ancestor of `path` that is a file, if any: nothing can be created beneath a file. */
export function ancestorFile(files: MemoryFiles, path: string): string | undefined {
  for (let end = path.lastIndexOf('/'); end > MEMORY_ROOT.length; end = path.lastIndexOf('/', end - 1)) {
    const ancestor = path.slice(0, end);
    if (Object.hasOwn(files, ancestor)) return ancestor;
  }
  return undefined;
}

/** UTF-8 size of a file's content, which is what listings and limits count. */
export function byteSize(content: string): number {
  return Buffer.byteLength(content, 'utf8');
}
