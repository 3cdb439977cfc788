export type { Fact, FactKind } from './extract-facts.ts';
export { extractFacts } from './extract-facts.ts';
export type { FileLockOptions } from './file-lock.ts';
export { DEFAULT_LOCK_STALE_MS, DEFAULT_LOCK_TIMEOUT_MS } from './file-lock.ts';
export type { FileSessionStoreOptions } from './file-session-store.ts';
export { FileSessionStore } from './file-session-store.ts';
export type { FlushFactsOptions } from './flush-facts.ts';
export { DEFAULT_FACTS_PATH, flushFacts } from './flush-facts.ts';
export type { InMemorySessionStoreOptions } from './in-memory-session-store.ts';
export { InMemorySessionStore } from './in-memory-session-store.ts';
export { MEMORY_SCHEMA_VERSION, MEMORY_STORE_FORMAT } from './memory-document.ts';
export type { MemoryIndexOptions } from './memory-index.ts';
export { DEFAULT_MEMORY_INDEX_TOKENS, formatMemoryIndex, memoryIndex } from './memory-index.ts';
export type { MemoryLimits } from './memory-limits.ts';
export {
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_MAX_FILES,
  DEFAULT_MAX_NAME_BYTES,
  DEFAULT_MAX_PATH_CHARS,
  DEFAULT_MAX_STORE_BYTES,
  DEFAULT_MEMORY_LIMITS,
} from './memory-limits.ts';
export { MEMORY_ROOT } from './memory-path.ts';
export type { MemoryFile, MemoryStoreOptions } from './memory-store.ts';
export { MemoryStore } from './memory-store.ts';
export type { MemoryCommandName, MemoryOperation } from './memory-tool-error.ts';
export { MemoryToolError } from './memory-tool-error.ts';
export { mergeFacts } from './merge-facts.ts';
export type { Session, SessionInput } from './session.ts';
export { assertSessionId, SESSION_ID_PATTERN, SESSION_SCHEMA_VERSION } from './session.ts';
export type { SessionStore } from './session-store.ts';
export type { StorageErrorKind } from './storage-error.ts';
export { StorageError } from './storage-error.ts';
