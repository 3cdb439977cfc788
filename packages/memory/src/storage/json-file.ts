import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { errorCode } from './error-code.ts';
import { StorageError } from './storage-error.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

/**
 * lowdb adapter for one JSON file: reads check the schema through `parse`, writes are atomic and flushed
 * to disk. A file that does not parse is reported with its path, never overwritten. Callers hold the
 * file's lock around a read-modify-write.
 */
export class JsonFile<T> implements Adapter<T> {
  readonly path: string;
  readonly #parse: (value: unknown, path: string) => T;

  constructor(path: string, parse: (value: unknown, path: string) => T) {
    this.path = path;
    this.#parse = parse;
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      throw new StorageError(
        'corrupted',
        `${this.path} is not valid JSON (${(cause as Error).message}); it was left untouched. ` +
          'Restore it from a backup, or move it aside to start with an empty store.',
        { path: this.path, cause },
      );
    }
    return this.#parse(value, this.path);
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.path, `${JSON.stringify(data, null, 2)}\n`);
  }
}
