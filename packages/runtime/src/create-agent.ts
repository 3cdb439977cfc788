import { randomUUID } from 'node:crypto';
import type Anthropic from '@anthropic-ai/sdk';
import {
  ConversationManager,
  type ConversationSnapshot,
  deepFreeze,
  type MemoryHooks,
  type SessionStore,
  TokenCounter,
} from '@cairn/memory';
import { recallTool, type Tool } from '@cairn/tools';
import type { InspectionEvent } from 'xstate';
import { AgentError } from './agent-error.ts';
import { AgentRun } from './agent-run.ts';
import type { InterruptedTools, RunScope } from './agent-steps.ts';
import { buildSummarizer, DEFAULT_CHEAP_MODEL } from './build-summarizer.ts';
import { markPrefix } from './cache-breakpoints.ts';
import type { ModelClient, RetryOptions } from './call-model.ts';
import { driveRun } from './drive-run.ts';
import type { LedgerEntry } from './price-call.ts';
import { DEFAULT_PRICES, type ModelPrice, type PriceTable, priceFor } from './price-table.ts';
import { type ContextOptions, resolvePolicy } from './resolve-policy.ts';
import type { Budget } from './run-decisions.ts';
import { assertResumable, RUN_RECORD_VERSION, type RunRecord, readRunRecord } from './run-record.ts';
import { RunningSpent } from './running-spent.ts';

/** Options of {@link createAgent}. */
export interface AgentOptions {
  /** An `Anthropic` client, or any object with its `messages.stream`. */
  readonly client: ModelClient;
  readonly model: string;
  readonly system?: string | Anthropic.TextBlockParam[];
  readonly tools?: readonly Tool[];
  readonly context?: ContextOptions;
  /** Flushes facts to memory before a summary and shows its index after (`memoryHooks` from @cairn/memory). */
  readonly memory?: MemoryHooks;
  /** Where each step is saved; without one a run cannot be resumed. */
  readonly store?: SessionStore;
  /** Model calls per run. @default DEFAULT_MAX_ITERATIONS */
  readonly maxIterations?: number;
  readonly budget?: Budget;
  /** `max_tokens` of each reply. @default DEFAULT_MAX_TOKENS */
  readonly maxTokens?: number;
  /** Offer the `recall` tool, which fetches back what compaction removed. @default true */
  readonly recall?: boolean;
  /** @default DEFAULT_PRICES */
  readonly prices?: PriceTable;
  readonly retry?: RetryOptions;
  /** @default () => new Date() */
  readonly clock?: () => Date;
  /** New session ids. @default () => `session-${randomUUID()}` */
  readonly ids?: () => string;
  /** Receives XState inspection events of every run's machine. */
  readonly inspect?: (event: InspectionEvent) => void;
}

export interface RunOptions {
  /** Continues a finished session with this new input, or starts one under this id. @default a new id */
  readonly sessionId?: string;
  /** Ends the run cleanly: calls in flight are cancelled, the session is saved, the run ends `stopped`. */
  readonly signal?: AbortSignal;
}

export interface ResumeOptions {
  readonly signal?: AbortSignal;
  /**
   * Tool calls whose results were not saved before the process died: `'error'` answers each with an
   * `is_error` result saying it was interrupted and may or may not have taken effect (safe for tools with
   * side effects); `'rerun'` runs them again (for idempotent tools). @default 'error'
   */
  readonly interruptedTools?: InterruptedTools;
}

/** An agent: its options resolved once, and runs started from them. */
export interface Agent {
  /** Starts a run on `input`; iterate it for events, `await run.result()` for the outcome. */
  run(input: string | Anthropic.ContentBlockParam[], options?: RunOptions): AgentRun;
  /** Continues the run saved under `sessionId` from its last saved step, after its process died. */
  resume(sessionId: string, options?: ResumeOptions): AgentRun;
}

export const DEFAULT_MAX_ITERATIONS = 50;
export const DEFAULT_MAX_TOKENS = 4_096;

/** Creates an agent: the XState tool-runner loop over a `ConversationManager`, saving every step. */
export function createAgent(options: AgentOptions): Agent {
  const prices = options.prices ?? DEFAULT_PRICES;
  const priceOf = (model: string): ModelPrice => {
    const price = priceFor(model, prices);
    if (price) return price;
    throw new TypeError(
      `no price is known for model "${model}": pass prices: { ...DEFAULT_PRICES, "${model}": { input, output, ` +
        'cacheWrite5m, cacheWrite1h, cacheRead } } (dollars per million tokens)',
    );
  };
  const summarizerModel = options.context?.summarizerModel;
  priceOf(options.model);
  if (summarizerModel !== undefined) priceOf(summarizerModel === 'auto' ? DEFAULT_CHEAP_MODEL : summarizerModel);
  const clock = options.clock ?? (() => new Date());
  const ids = options.ids ?? (() => `session-${randomUUID()}`);
  const retry = options.retry ?? {};
  const machineInput = (manager: ConversationManager) => ({
    maxIterations: options.maxIterations ?? DEFAULT_MAX_ITERATIONS,
    budget: options.budget ?? {},
    needsCompaction: manager.needsCompaction(),
  });

  function scopeFor(
    sessionId: string,
    ledger: LedgerEntry[],
    saved: ConversationSnapshot | undefined,
    signal: AbortSignal | undefined,
    ledgerStart = ledger.length,
  ): RunScope {
    const counter = new TokenCounter({ model: options.model });
    const holder: { manager?: ConversationManager } = {};
    const recall = options.recall === false ? [] : [recallTool((key) => holder.manager?.recall(key))];
    const tools = [...(options.tools ?? []), ...recall];
    const definitions = tools.map((tool) => tool.definition);
    const summarizer = buildSummarizer({
      client: options.client,
      summarizerModel,
      mainModel: options.model,
      priceOf,
      system: options.system,
      tools: definitions,
      counter,
      clock,
      retry,
      ledger,
    });
    const { threshold, target } = options.context ?? {};
    const deps = {
      ...(options.system !== undefined && { system: options.system }),
      tools: definitions,
      policy: resolvePolicy(options.context ?? {}, summarizer),
      compaction: { ...(threshold !== undefined && { threshold }), ...(target !== undefined && { target }) },
      counter,
      ...(options.memory && { memory: options.memory }),
    };
    const manager = saved ? ConversationManager.fromJSON(saved, deps) : new ConversationManager(deps);
    holder.manager = manager;
    return {
      sessionId,
      manager,
      client: options.client,
      model: options.model,
      maxTokens: options.maxTokens ?? DEFAULT_MAX_TOKENS,
      tools,
      prefix: markPrefix(manager.system, manager.tools),
      toolContext: {
        ...(signal && { signal }),
        offload: (key, content) => manager.offload(key, content),
        countTokens: (text) => manager.counter.text(text),
      },
      ledger,
      ledgerStart,
      spent: new RunningSpent(ledger, ledgerStart),
      prices,
      clock,
      retry,
      signal,
      summarizerTapped: typeof options.context?.policy !== 'object',
      interrupted: null,
      failure: undefined,
      emit: () => {},
      checkpoint: undefined,
    };
  }

  function record(scope: RunScope, eventsStart: number): Omit<RunRecord, 'snapshot'> {
    return {
      version: RUN_RECORD_VERSION,
      model: options.model,
      system: options.system ?? null,
      tools: scope.tools.map((tool) => tool.definition),
      runStart: { ledger: scope.ledgerStart, events: eventsStart },
    };
  }

  /** Starts `begin` in the background; whatever it throws ends the run. */
  function launch(sessionId: string, begin: (run: AgentRun) => Promise<void>): AgentRun {
    const run = new AgentRun(sessionId);
    begin(run).catch((error: unknown) =>
      run.end({
        error: error instanceof AgentError ? error : new AgentError(String(error), sessionId, { cause: error }),
      }),
    );
    return run;
  }

  const drive = { store: options.store, inspect: options.inspect };

  return {
    run(input, runOptions = {}) {
      const sessionId = runOptions.sessionId ?? ids();
      return launch(sessionId, async (run) => {
        const session = await options.store?.load(sessionId);
        if (session && readRunRecord(session.machine, sessionId).snapshot.status !== 'done') {
          throw new AgentError(
            `session "${sessionId}" has a run in progress: call agent.resume("${sessionId}") to finish it first`,
            sessionId,
          );
        }
        const ledger = loadedLedger(session?.usage);
        const scope = scopeFor(
          sessionId,
          ledger,
          session?.conversation as ConversationSnapshot | undefined,
          runOptions.signal,
        );
        const eventsStart = scope.manager.events.length;
        scope.manager.append({ role: 'user', content: input });
        driveRun(
          run,
          scope,
          { input: machineInput(scope.manager), snapshot: undefined },
          { ...drive, record: record(scope, eventsStart) },
        );
      });
    },

    resume(sessionId, resumeOptions = {}) {
      return launch(sessionId, async (run) => {
        const session = await options.store?.load(sessionId);
        if (!session) {
          throw new AgentError(
            `no session "${sessionId}" is saved${options.store ? '' : ' (this agent has no store)'}: ` +
              'start it with agent.run(input, { sessionId })',
            sessionId,
          );
        }
        const saved = readRunRecord(session.machine, sessionId);
        assertResumable(saved, sessionId);
        const ledger = loadedLedger(session.usage);
        const conversation = session.conversation as ConversationSnapshot;
        // The resumed run's figures start where the saved run's did.
        const scope = scopeFor(sessionId, ledger, conversation, resumeOptions.signal, saved.runStart.ledger);
        if (scope.manager.inFlight) scope.interrupted = resumeOptions.interruptedTools ?? 'error';
        driveRun(
          run,
          scope,
          { input: machineInput(scope.manager), snapshot: saved.snapshot },
          {
            ...drive,
            record: { ...record(scope, saved.runStart.events), runStart: saved.runStart },
          },
        );
      });
    },
  };
}

/** A saved ledger, its entries frozen as the agent's own are (a session store then keeps them as they are). */
function loadedLedger(usage: readonly unknown[] | undefined): LedgerEntry[] {
  return ((usage ?? []) as LedgerEntry[]).map(deepFreeze);
}
