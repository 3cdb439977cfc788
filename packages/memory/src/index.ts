export type { CompactionConfig } from './conversation/compaction-config.ts';
export {
  DEFAULT_BREAKER_COOLDOWN,
  DEFAULT_CONTEXT_WINDOW,
  DEFAULT_MAX_FAILURES,
  DEFAULT_MIN_GAIN,
  DEFAULT_RESERVE,
  DEFAULT_THRESHOLD,
} from './conversation/compaction-config.ts';
export type {
  AppendOptions,
  ConversationManagerOptions,
  MemoryHooks,
  TokenBreakdown,
} from './conversation/conversation-manager.ts';
export { ConversationManager } from './conversation/conversation-manager.ts';
export { deepFreeze } from './conversation/deep-freeze.ts';
export type { CompactionResult, ConversationEvent, StepRecord } from './conversation/events.ts';
export { renderMessages } from './conversation/render.ts';
export { viewProblems } from './conversation/sequence.ts';
export type { ConversationSnapshot, SnapshotEntry, TokenAnchor } from './conversation/snapshot.ts';
export { SNAPSHOT_VERSION } from './conversation/snapshot.ts';
export type { BudgetPart } from './errors.ts';
export { ContextBudgetError, ConversationError } from './errors.ts';
export { memoryHooks } from './memory-hooks.ts';
export type { ClearToolResultsOptions } from './policies/clear-tool-results.ts';
export { clearToolResults, DEFAULT_KEEP_TOOL_RESULTS } from './policies/clear-tool-results.ts';
export type { ImportanceScorer } from './policies/default-importance.ts';
export { defaultImportance } from './policies/default-importance.ts';
export type { HybridOptions } from './policies/hybrid.ts';
export { hybrid, LOW_IMPORTANCE } from './policies/hybrid.ts';
export type { ImportancePruningOptions } from './policies/importance-pruning.ts';
export { importancePruning } from './policies/importance-pruning.ts';
export type { CompactionState, CompactionStep, Exchange, Policy, ToolResultInfo } from './policies/policy.ts';
export { DEFAULT_KEEP_RECENT_TOKENS } from './policies/policy.ts';
export type { SlidingWindowOptions } from './policies/sliding-window.ts';
export { slidingWindow } from './policies/sliding-window.ts';
export type { SummarizationOptions } from './policies/summarization.ts';
export { DEFAULT_SUMMARY_PROMPT, DEFAULT_SUMMARY_TOKENS, summarization } from './policies/summarization.ts';
export type { Fact, FactKind } from './storage/extract-facts.ts';
export { extractFacts } from './storage/extract-facts.ts';
export type { FileLockOptions } from './storage/file-lock.ts';
export { DEFAULT_LOCK_STALE_MS, DEFAULT_LOCK_TIMEOUT_MS } from './storage/file-lock.ts';
export type { FileSessionStoreOptions } from './storage/file-session-store.ts';
export { FileSessionStore } from './storage/file-session-store.ts';
export type { FlushFactsOptions } from './storage/flush-facts.ts';
export { DEFAULT_FACTS_PATH, flushFacts } from './storage/flush-facts.ts';
export type { InMemorySessionStoreOptions } from './storage/in-memory-session-store.ts';
export { InMemorySessionStore } from './storage/in-memory-session-store.ts';
export { MEMORY_SCHEMA_VERSION, MEMORY_STORE_FORMAT } from './storage/memory-document.ts';
export type { MemoryIndexOptions } from './storage/memory-index.ts';
export { DEFAULT_MEMORY_INDEX_TOKENS, formatMemoryIndex, memoryIndex } from './storage/memory-index.ts';
export type { MemoryLimits } from './storage/memory-limits.ts';
export {
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_MAX_FILES,
  DEFAULT_MAX_NAME_BYTES,
  DEFAULT_MAX_PATH_CHARS,
  DEFAULT_MAX_STORE_BYTES,
  DEFAULT_MEMORY_LIMITS,
} from './storage/memory-limits.ts';
export { MEMORY_ROOT } from './storage/memory-path.ts';
export type { MemoryFile, MemoryStoreOptions } from './storage/memory-store.ts';
export { MemoryStore } from './storage/memory-store.ts';
export type { MemoryCommandName, MemoryOperation } from './storage/memory-tool-error.ts';
export { MemoryToolError } from './storage/memory-tool-error.ts';
export { mergeFacts } from './storage/merge-facts.ts';
export type { Session, SessionInput } from './storage/session.ts';
export { assertSessionId, SESSION_ID_PATTERN, SESSION_SCHEMA_VERSION } from './storage/session.ts';
export type { SessionStore } from './storage/session-store.ts';
export type { StorageErrorKind } from './storage/storage-error.ts';
export { StorageError } from './storage/storage-error.ts';
export type { ExtractiveSummarizerOptions } from './summarizers/extractive.ts';
export { extractiveSummarizer, SUMMARY_HEADING, summarizeExtractively } from './summarizers/extractive.ts';
export type { Summarizer, SummaryRequest, SummaryResult } from './summarizers/summarizer.ts';
export type { TokenCounterOptions } from './tokens/token-counter.ts';
export {
  DOCUMENT_TOKENS,
  IMAGE_TOKENS,
  MESSAGE_OVERHEAD_TOKENS,
  MODEL_CORRECTION,
  TOOL_OVERHEAD_TOKENS,
  TokenCounter,
} from './tokens/token-counter.ts';
