export {
  DOCUMENT_TOKENS,
  IMAGE_TOKENS,
  MESSAGE_OVERHEAD_TOKENS,
  MODEL_CORRECTION,
  TOOL_OVERHEAD_TOKENS,
  TokenCounter,
} from './tokens/token-counter.ts';
export type { TokenCounterOptions } from './tokens/token-counter.ts';
export type { Summarizer, SummaryRequest, SummaryResult } from './summarizers/summarizer.ts';
export { extractiveSummarizer, SUMMARY_HEADING, summarizeExtractively } from './summarizers/extractive.ts';
export type { ExtractiveSummarizerOptions } from './summarizers/extractive.ts';
export { ContextBudgetError, ConversationError } from './errors.ts';
export type { BudgetPart } from './errors.ts';
export { ConversationManager } from './conversation/conversation-manager.ts';
export type {
  AppendOptions,
  ConversationManagerOptions,
  MemoryHooks,
  TokenBreakdown,
} from './conversation/conversation-manager.ts';
export {
  DEFAULT_BREAKER_COOLDOWN,
  DEFAULT_CONTEXT_WINDOW,
  DEFAULT_MAX_FAILURES,
  DEFAULT_MIN_GAIN,
  DEFAULT_RESERVE,
  DEFAULT_THRESHOLD,
} from './conversation/compaction-config.ts';
export type { CompactionConfig } from './conversation/compaction-config.ts';
export type { CompactionResult, ConversationEvent, StepRecord } from './conversation/events.ts';
export type { ConversationSnapshot, SnapshotEntry } from './conversation/snapshot.ts';
export { SNAPSHOT_VERSION } from './conversation/snapshot.ts';
export { viewProblems } from './conversation/sequence.ts';
export { renderMessages } from './conversation/render.ts';
export type { CompactionState, CompactionStep, Exchange, Policy, ToolResultInfo } from './policies/policy.ts';
export { clearToolResults, DEFAULT_KEEP_TOOL_RESULTS } from './policies/clear-tool-results.ts';
export type { ClearToolResultsOptions } from './policies/clear-tool-results.ts';
export { slidingWindow } from './policies/sliding-window.ts';
export type { SlidingWindowOptions } from './policies/sliding-window.ts';
export { DEFAULT_KEEP_RECENT_TOKENS, importancePruning } from './policies/importance-pruning.ts';
export type { ImportancePruningOptions } from './policies/importance-pruning.ts';
export { defaultImportance } from './policies/default-importance.ts';
export type { ImportanceScorer } from './policies/default-importance.ts';
export { DEFAULT_SUMMARY_PROMPT, DEFAULT_SUMMARY_TOKENS, summarization } from './policies/summarization.ts';
export type { SummarizationOptions } from './policies/summarization.ts';
export { hybrid, LOW_IMPORTANCE } from './policies/hybrid.ts';
export type { HybridOptions } from './policies/hybrid.ts';
