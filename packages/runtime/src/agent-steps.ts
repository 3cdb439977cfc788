import type Anthropic from '@anthropic-ai/sdk';
import type { CompactionResult, ConversationManager } from '@cairn/memory';
import { runToolCalls, type Tool, type ToolCallContext } from '@cairn/tools';
import type { AgentEvent } from './agent-event.ts';
import type { SampleOutput, StepOutput } from './agent-machine.ts';
import { type CachePrefix, markTail } from './cache-breakpoints.ts';
import { callModel, type ModelClient, type RetryOptions } from './call-model.ts';
import { type LedgerEntry, priceCall } from './price-call.ts';
import { type PriceTable, priceFor } from './price-table.ts';
import { replyContent } from './reply-content.ts';
import { CONTINUE_PROMPT, nextStep } from './run-decisions.ts';
import type { RunningSpent } from './running-spent.ts';
import { type RunSystem, stepRunner } from './step-runner.ts';

/** How `resume` answers tool calls whose results were not saved before the process died. */
export type InterruptedTools = 'rerun' | 'error';

/** Everything one run's actors work on. Built by the agent for each run or resume. */
export interface RunScope {
  readonly sessionId: string;
  readonly manager: ConversationManager;
  readonly client: ModelClient;
  readonly model: string;
  readonly maxTokens: number;
  readonly tools: readonly Tool[];
  /** The manager's system prompt and tool definitions, the stable prefix's cache breakpoint marked. */
  readonly prefix: CachePrefix;
  /** What the tools run with: the run's signal, and the manager to offload oversized results to. */
  readonly toolContext: ToolCallContext;
  readonly ledger: LedgerEntry[];
  readonly ledgerStart: number;
  /** The run's spending so far: the ledger's entries from `ledgerStart` on. */
  readonly spent: RunningSpent;
  readonly prices: PriceTable;
  readonly clock: () => Date;
  readonly retry: RetryOptions;
  readonly signal: AbortSignal | undefined;
  /** True when the agent's own summarizer records its calls in the ledger. */
  readonly summarizerTapped: boolean;
  /** Set by `resume` when the saved run stopped with tool calls unanswered; used once. */
  interrupted: InterruptedTools | null;
  /** The error that failed the run, kept as the `AgentError`'s cause. */
  failure: unknown;
  emit(event: AgentEvent): void;
  /** Saves the session with the machine in the state now entered; none without a store. */
  checkpoint: (() => Promise<void>) | undefined;
}

/** Text given for a tool call that was running when the process died, under `interruptedTools: 'error'`. */
export const INTERRUPTED_TEXT =
  'This call was interrupted: the process running it stopped before its result was saved. It may or may not ' +
  'have taken effect; check before calling it again.';

const STEPS = { compact: compactStep, sample: sampleStep, act: actStep };

/** Each running machine's scope, by its actor system: the machine is built once, and its runs told apart so. */
const scopes = new WeakMap<RunSystem, RunScope>();

/** The machine's step runner: runs each step on the scope bound to the asking machine (see {@link bindScope}). */
export const agentSteps = stepRunner(
  ({ step, turn }, system) => STEPS[step](scopeOf(system), turn),
  // Kept as the run's cause.
  (error, system) => {
    const scope = scopes.get(system);
    if (scope) scope.failure = error;
  },
);

/** Gives a run's machine its scope: call it between `createActor` and `start`. */
export function bindScope(system: RunSystem, scope: RunScope): void {
  scopes.set(system, scope);
}

function scopeOf(system: RunSystem): RunScope {
  const scope = scopes.get(system);
  if (scope === undefined) throw new Error('agentSteps: no run scope is bound to this machine; call bindScope first');
  return scope;
}

async function compactStep(scope: RunScope, turn: number): Promise<StepOutput> {
  if (scope.checkpoint) await scope.checkpoint();
  const compaction = await scope.manager.prepare();
  if (compaction) {
    const priced = summaryEntries(scope, compaction);
    // A summarizer the agent built records its own calls (failed ones too); others are priced here.
    if (!scope.summarizerTapped) scope.ledger.push(...priced);
    const summarizerCostUsd = priced.reduce((sum, entry) => sum + entry.costUsd, 0);
    scope.emit({ type: 'compaction', turn, compaction, summarizerCostUsd });
  }
  return { spent: scope.spent.now(), needsCompaction: false };
}

async function sampleStep(scope: RunScope, turn: number): Promise<SampleOutput> {
  const { manager } = scope;
  scope.emit({ type: 'turn-start', turn });
  // The session is saved while the request is on its way: a model call changes nothing until its reply is
  // kept, and the reply is kept only once that save is done.
  const saving = scope.checkpoint && afterThisTick(scope.checkpoint).then(noFailure, (error: unknown) => ({ error }));
  const asking = askModel(scope, turn);
  // What was appended since the last request is counted while this one is on its way.
  setImmediate(settleQuietly, manager);
  const message = await (saving ? asking.finally(() => saving) : asking);
  const entry = priceCall('main', scope.model, message.usage, priceFor(scope.model, scope.prices)!, scope.clock());
  scope.ledger.push(entry);
  scope.emit({ type: 'usage', turn, entry });
  // The call is paid for and in the ledger; its reply is dropped: a resumed run makes the call again.
  const saved = saving && (await saving);
  if (saved) throw saved.error;
  manager.recordUsage(message.usage);
  const next = nextStep(message.stop_reason);
  manager.append({ role: 'assistant', content: replyContent(message, next === 'continue') });
  if (next === 'continue') manager.append({ role: 'user', content: CONTINUE_PROMPT });
  if (next !== 'act') scope.emit({ type: 'turn-end', turn, stopReason: message.stop_reason });
  // The machine keeps the text of a reply that ends the run or is continued; one asking for tools has none.
  const text = next === 'act' ? '' : message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
  // A trailing spread is not V8's slow case (a spread followed by more fields is).
  return { stopReason: message.stop_reason, text, ...stepOutput(scope) };
}

/** One streamed call with the view as it is now, its text and retries reported as events. */
function askModel(scope: RunScope, turn: number): Promise<Anthropic.Message> {
  return callModel(
    scope.client,
    request(scope),
    {
      signal: scope.signal,
      onText: (text) => scope.emit({ type: 'text-delta', turn, text }),
      onRetry: (attempt, error, delayMs) =>
        scope.emit({
          type: 'retry',
          turn,
          attempt,
          delayMs,
          error: error instanceof Error ? error.message : String(error),
        }),
    },
    scope.retry,
  );
}

/** The request as it is now: the run's prefix, and the view with its tail's breakpoints. */
function request(scope: RunScope): Anthropic.MessageStreamParams {
  const { model, maxTokens: max_tokens, prefix } = scope;
  const { system, tools } = prefix;
  const messages = markTail(scope.manager.view());
  return system === undefined ? { model, max_tokens, tools, messages } : { model, max_tokens, system, tools, messages };
}

async function actStep(scope: RunScope, turn: number): Promise<StepOutput> {
  // Saved before any tool runs: a run resumed after a crash knows which calls may have taken effect.
  if (scope.checkpoint) await scope.checkpoint();
  const { manager } = scope;
  const content = manager.transcript.at(-1)?.content ?? [];
  const blocks: readonly Anthropic.ContentBlockParam[] = typeof content === 'string' ? [] : content;
  const calls = blocks.filter((b): b is Anthropic.ToolUseBlockParam => b.type === 'tool_use');
  for (const call of calls) scope.emit({ type: 'tool-call', turn, id: call.id, name: call.name, input: call.input });
  const results: Anthropic.ToolResultBlockParam[] =
    scope.interrupted === 'error'
      ? calls.map((call) => ({
          type: 'tool_result',
          tool_use_id: call.id,
          content: INTERRUPTED_TEXT,
          is_error: true,
        }))
      : await runToolCalls(calls, scope.tools, scope.toolContext);
  scope.interrupted = null;
  manager.append({ role: 'user', content: results });
  calls.forEach((call, i) => {
    const result = results[i]!;
    scope.emit({
      type: 'tool-result',
      turn,
      id: call.id,
      name: call.name,
      isError: result.is_error === true,
      content: result.content,
    });
  });
  scope.emit({ type: 'turn-end', turn, stopReason: 'tool_use' });
  return stepOutput(scope);
}

const noFailure = () => undefined;

/** Counts what `manager` has not counted yet. An error is left to the next read of a count, in a step. */
function settleQuietly(manager: ConversationManager): void {
  try {
    manager.settle();
  } catch {
    // Thrown again by that read, where the run handles it.
  }
}

/**
 * Runs `task` once the event loop has finished this turn: a request begun in it is on its way by then, so
 * `task` runs while the model works instead of before the request.
 */
function afterThisTick(task: () => Promise<void>): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve)).then(task);
}

function stepOutput(scope: RunScope): StepOutput {
  return {
    spent: scope.spent.now(),
    needsCompaction: scope.manager.needsCompaction(),
  };
}

type SummarizeRecord = Extract<CompactionResult['steps'][number], { type: 'summarize' }>;

function summarizeSteps(compaction: CompactionResult): SummarizeRecord[] {
  return compaction.steps.filter((s): s is SummarizeRecord => s.type === 'summarize');
}

/** Ledger entries for the committed summaries of a compaction, priced from the agent's table. */
function summaryEntries(scope: RunScope, compaction: CompactionResult): LedgerEntry[] {
  return summarizeSteps(compaction).flatMap((step) => {
    const price = priceFor(step.model, scope.prices);
    return price ? [priceCall('summarizer', step.model, billed(step), price, scope.clock())] : [];
  });
}

function billed(step: SummarizeRecord) {
  return {
    input_tokens: step.usage.inputTokens,
    output_tokens: step.usage.outputTokens,
    cache_read_input_tokens: step.usage.cacheReadInputTokens,
    cache_creation_input_tokens: step.usage.cacheCreationInputTokens,
  };
}
