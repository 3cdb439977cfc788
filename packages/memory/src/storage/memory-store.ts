import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { MemoryToolHandlers } from '@anthropic-ai/sdk/helpers/beta/memory';
import { Low } from 'lowdb';
import { type FileLockOptions, withFileLock } from './file-lock.ts';
import { JsonFile } from './json-file.ts';
import { emptyMemoryDocument, type MemoryDocument, type MemoryFiles, parseMemoryDocument } from './memory-document.ts';
import {
  assertCreatable,
  createFile,
  deletePath,
  type EditContext,
  insertText,
  type MemoryCommandInput,
  type MemoryEdit,
  renamePath,
  replaceText,
} from './memory-edits.ts';
import { assertWithinLimits, type MemoryLimits, resolveMemoryLimits } from './memory-limits.ts';
import { parseMemoryPath } from './memory-path.ts';
import type { MemoryOperation } from './memory-tool-error.ts';
import { viewMemory } from './memory-view.ts';

/** Options of {@link MemoryStore}. */
export interface MemoryStoreOptions {
  /** The JSON file that holds the whole `/memories` tree; it and its directory are created on first write. */
  readonly file: string;
  /** @default DEFAULT_MEMORY_LIMITS */
  readonly limits?: Partial<MemoryLimits>;
  /** Stamps `updatedAt`. @default () => new Date() */
  readonly clock?: () => Date;
  readonly lock?: FileLockOptions;
}

/** One memory file, as {@link MemoryStore.files} lists it. */
export interface MemoryFile {
  readonly path: string;
  readonly content: string;
  readonly updatedAt: string;
}

/**
 * The memory tool's storage (`memory_20250818`): the six commands over a `/memories` tree kept in one
 * lowdb JSON file. It has the SDK's `MemoryToolHandlers` shape, so `betaMemoryTool(store)` and
 * `@cairn/tools`' `memoryTool(store)` take it as it is. Each edit reads the file, applies the command and
 * writes it back atomically under a cross-process lock, so concurrent processes never lose each other's
 * updates. Refused commands throw a `MemoryToolError` and write nothing; a damaged or foreign file
 * throws a `StorageError` and is left as it is.
 */
export class MemoryStore implements MemoryToolHandlers {
  readonly file: string;
  readonly limits: MemoryLimits;
  readonly #adapter: JsonFile<MemoryDocument>;
  readonly #clock: () => Date;
  readonly #lock: FileLockOptions;

  constructor(options: MemoryStoreOptions) {
    this.file = resolve(options.file);
    this.limits = resolveMemoryLimits(options.limits);
    this.#adapter = new JsonFile(this.file, parseMemoryDocument);
    this.#clock = options.clock ?? (() => new Date());
    this.#lock = options.lock ?? {};
  }

  async view(command: MemoryCommandInput<'view'>): Promise<string> {
    const path = parseMemoryPath(command.path, 'view', this.limits);
    return viewMemory((await this.#open()).data.files, path, command.view_range);
  }

  create(command: MemoryCommandInput<'create'>): Promise<string> {
    return this.#edit('create', (files, ctx) => createFile(files, command, ctx));
  }

  str_replace(command: MemoryCommandInput<'str_replace'>): Promise<string> {
    return this.#edit('str_replace', (files, ctx) => replaceText(files, command, ctx));
  }

  insert(command: MemoryCommandInput<'insert'>): Promise<string> {
    return this.#edit('insert', (files, ctx) => insertText(files, command, ctx));
  }

  delete(command: MemoryCommandInput<'delete'>): Promise<string> {
    return this.#edit('delete', (files, ctx) => deletePath(files, command, ctx));
  }

  rename(command: MemoryCommandInput<'rename'>): Promise<string> {
    return this.#edit('rename', (files, ctx) => renamePath(files, command, ctx));
  }

  /** Every memory file, sorted by path. */
  async files(): Promise<MemoryFile[]> {
    const { files } = (await this.#open()).data;
    return Object.keys(files)
      .sort()
      .map((path) => ({ path, content: files[path]!.content, updatedAt: files[path]!.updatedAt }));
  }

  /**
   * Rewrites one file atomically: `fn` gets its text (`undefined` when there is none) and returns the new
   * text, or `undefined` to leave it as it is. Paths and limits are checked as for the commands. Resolves
   * to whether anything was written.
   */
  async update(path: string, fn: (current: string | undefined) => string | undefined): Promise<boolean> {
    const target = parseMemoryPath(path, 'update', this.limits);
    let wrote = false;
    await this.#edit('update', (files, ctx) => {
      const exists = Object.hasOwn(files, target);
      if (!exists) assertCreatable(files, target, 'update');
      const current = exists ? files[target]!.content : undefined;
      const next = fn(current);
      if (next === undefined || next === current) return { files, result: '' };
      wrote = true;
      return { files: { ...files, [target]: { content: next, updatedAt: ctx.now } }, result: '' };
    });
    return wrote;
  }

  async #open(): Promise<Low<MemoryDocument>> {
    const db = new Low(this.#adapter, emptyMemoryDocument());
    await db.read();
    return db;
  }

  /**
   * Reads, edits and writes under the lock, re-reading the file inside it so that no other process's
   * write is lost. An edit that returns the files unchanged writes nothing.
   */
  async #edit(
    operation: MemoryOperation,
    apply: (files: MemoryFiles, ctx: EditContext) => MemoryEdit,
  ): Promise<string> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    return withFileLock(
      this.file,
      async () => {
        const db = await this.#open();
        const edit = apply(db.data.files, { now: this.#clock().toISOString(), limits: this.limits });
        if (edit.files === db.data.files) return edit.result;
        assertWithinLimits(operation, db.data.files, edit.files, this.limits);
        db.data = { ...db.data, files: edit.files };
        await db.write();
        return edit.result;
      },
      this.#lock,
    );
  }
}
