/** Why a store file could not be used. */
export type StorageErrorKind = 'corrupted' | 'foreign' | 'unsupported-version' | 'locked' | 'invalid-id';

/**
 * A store file cannot be used as it is: it does not parse, belongs to something else, was written by a
 * newer Cairn, is held by another process, or a session id would not make a safe file name. The file is
 * never overwritten; the message names it and says what to do.
 */
export class StorageError extends Error {
  readonly kind: StorageErrorKind;
  /** The file concerned, when there is one. */
  readonly path: string | undefined;

  constructor(kind: StorageErrorKind, message: string, options: { path?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.kind = kind;
    this.path = options.path;
  }
}
