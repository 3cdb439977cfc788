export { AgentError } from './agent-error.ts';
export type { AgentEvent, RunResult } from './agent-event.ts';
export type {
  AgentContext,
  AgentMachineInput,
  SampleOutput,
  StepOutput,
} from './agent-machine.ts';
export { agentMachine } from './agent-machine.ts';
export { AgentRun } from './agent-run.ts';
export type { InterruptedTools } from './agent-steps.ts';
export { INTERRUPTED_TEXT } from './agent-steps.ts';
export { CACHE_TTL_MS, DEFAULT_CHEAP_MODEL } from './build-summarizer.ts';
export type { CacheablePrompt } from './cache-breakpoints.ts';
export { withCacheBreakpoints } from './cache-breakpoints.ts';
export type { CallHandlers, ModelClient, RetryOptions } from './call-model.ts';
export { callModel, DEFAULT_RETRY_ATTEMPTS, DEFAULT_RETRY_DELAY_MS, isTransient } from './call-model.ts';
export type { SummarizerChoice, SummarizerChoiceInput } from './choose-summarizer-model.ts';
export { chooseSummarizerModel } from './choose-summarizer-model.ts';
export type { Agent, AgentOptions, ResumeOptions, RunOptions } from './create-agent.ts';
export { createAgent, DEFAULT_MAX_ITERATIONS, DEFAULT_MAX_TOKENS } from './create-agent.ts';
export type { ModelSummarizerOptions } from './model-summarizer.ts';
export { modelSummarizer } from './model-summarizer.ts';
export type { BilledUsage, CallRole, LedgerEntry } from './price-call.ts';
export { priceCall } from './price-call.ts';
export type { ModelPrice, PriceTable } from './price-table.ts';
export { DEFAULT_PRICES, PRICES_AS_OF, priceFor } from './price-table.ts';
export type { ContextOptions, PolicyName } from './resolve-policy.ts';
export { resolvePolicy } from './resolve-policy.ts';
export type { Budget, NextStep, RunStopReason, Spent } from './run-decisions.ts';
export { CONTINUE_PROMPT, limitReached, nextStep } from './run-decisions.ts';
export type { RunRecord } from './run-record.ts';
export { RUN_RECORD_VERSION, readRunRecord } from './run-record.ts';
export type { PendingStep, StepName, StepReply } from './step-runner.ts';
export { stepOf, stepRunner } from './step-runner.ts';
export type { UsageTotals } from './total-usage.ts';
export { totalUsage } from './total-usage.ts';
