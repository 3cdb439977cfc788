import { byteSize, type MemoryFiles } from './memory-document.ts';
import { type MemoryOperation, MemoryToolError } from './memory-tool-error.ts';

/** Longest accepted memory path, in characters. */
export const DEFAULT_MAX_PATH_CHARS = 512;
/** Longest file or directory name, in UTF-8 bytes (the usual filesystem limit). */
export const DEFAULT_MAX_NAME_BYTES = 255;
/** Largest memory file, in UTF-8 bytes: 256 KiB, far more than notes need. */
export const DEFAULT_MAX_FILE_BYTES = 256 * 1024;
/** Most files in one store. */
export const DEFAULT_MAX_FILES = 1_000;
/** All memory files together, in UTF-8 bytes: 4 MiB. */
export const DEFAULT_MAX_STORE_BYTES = 4 * 1024 * 1024;

/** What one memory store accepts. Commands that would break a limit fail and write nothing. */
export interface MemoryLimits {
  /** @default DEFAULT_MAX_PATH_CHARS */
  readonly maxPathChars: number;
  /** @default DEFAULT_MAX_NAME_BYTES */
  readonly maxNameBytes: number;
  /** @default DEFAULT_MAX_FILE_BYTES */
  readonly maxFileBytes: number;
  /** @default DEFAULT_MAX_FILES */
  readonly maxFiles: number;
  /** @default DEFAULT_MAX_STORE_BYTES */
  readonly maxStoreBytes: number;
}

export const DEFAULT_MEMORY_LIMITS: MemoryLimits = {
  maxPathChars: DEFAULT_MAX_PATH_CHARS,
  maxNameBytes: DEFAULT_MAX_NAME_BYTES,
  maxFileBytes: DEFAULT_MAX_FILE_BYTES,
  maxFiles: DEFAULT_MAX_FILES,
  maxStoreBytes: DEFAULT_MAX_STORE_BYTES,
};

/** Fills in defaults and rejects limits that are not positive integers. */
export function resolveMemoryLimits(limits: Partial<MemoryLimits> = {}): MemoryLimits {
  const resolved = { ...DEFAULT_MEMORY_LIMITS, ...limits };
  for (const [name, value] of Object.entries(resolved)) {
    if (!(Number.isInteger(value) && value > 0)) {
      throw new TypeError(`MemoryStore: limits.${name} must be a positive integer, got ${value}.`);
    }
  }
  return resolved;
}

/**
 * Refuses an edit that leaves a changed file, the file count or the total size over the limits. A store
 * already over a limit (limits lowered since) still accepts edits that do not make it worse.
 */
export function assertWithinLimits(
  operation: MemoryOperation,
  before: MemoryFiles,
  after: MemoryFiles,
  limits: MemoryLimits,
): void {
  const fail = (message: string): never => {
    throw new MemoryToolError(operation, message);
  };
  for (const [path, file] of Object.entries(after)) {
    if (before[path]?.content === file.content) continue;
    const bytes = byteSize(file.content);
    if (bytes > limits.maxFileBytes) {
      fail(
        `File ${path} would be ${count(bytes)} bytes; the limit is ${count(limits.maxFileBytes)} bytes per ` +
          'file. Keep memory files short: split the file or drop what is no longer needed.',
      );
    }
  }
  const [filesBefore, filesAfter] = [Object.keys(before).length, Object.keys(after).length];
  if (filesAfter > limits.maxFiles && filesAfter > filesBefore) {
    fail(
      `Memory would hold ${count(filesAfter)} files; the limit is ${count(limits.maxFiles)}. Delete or merge files.`,
    );
  }
  const [bytesBefore, bytesAfter] = [totalBytes(before), totalBytes(after)];
  if (bytesAfter > limits.maxStoreBytes && bytesAfter > bytesBefore) {
    fail(
      `Memory would hold ${count(bytesAfter)} bytes in all; the limit is ${count(limits.maxStoreBytes)}. ` +
        'Delete or shorten files you no longer need.',
    );
  }
}

function totalBytes(files: MemoryFiles): number {
  let total = 0;
  for (const file of Object.values(files)) total += byteSize(file.content);
  return total;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
