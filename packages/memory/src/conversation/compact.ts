import { type BudgetPart, ContextBudgetError } from '../errors.ts';
import type { CompactionState, CompactionStep, Policy } from '../policies/policy.ts';
import { slidingWindow } from '../policies/sliding-window.ts';
import type { TokenCounter } from '../tokens/token-counter.ts';
import type { ResolvedCompaction } from './compaction-config.ts';
import type { MemoryHooks } from './conversation-manager.ts';
import type { CompactionResult, ConversationEvent, StepRecord } from './events.ts';
import { summarizeStep } from './summarize-step.ts';
import { resultKey, turnKey } from './view-parts.ts';
import type { ViewState } from './view-state.ts';

/** Steps one compaction may take before it stops asking the policy. */
const MAX_STEPS = 12;
const emergencyWindow = slidingWindow();

/** Summary failures in a row, and how many more compactions skip summarizing while the breaker is open. */
export interface Breaker {
  failures: number;
  openFor: number;
}

export interface CompactContext {
  readonly state: ViewState;
  readonly policy: Policy;
  readonly config: ResolvedCompaction;
  readonly counter: TokenCounter;
  readonly systemRaw: number;
  readonly toolsRaw: number;
  readonly memory: MemoryHooks | undefined;
  readonly breaker: Breaker;
  tokens(): number;
  /** At least `tokens()`, without counting the messages not counted yet. */
  tokensAtMost(): number;
  record(event: ConversationEvent): void;
}

/**
 * One compaction. Over the threshold (or the window's room): ask the policy for steps until the view is
 * under the target, then check the result; a failed summary rolls everything back (unless the context
 * would no longer fit the model), and the emergency window is the last resort that keeps the budget.
 * Below it: take the policy's `early` steps, if it has any.
 */
export async function compact(ctx: CompactContext): Promise<CompactionResult | null> {
  const before = ctx.tokens();
  if (!overTrigger(ctx, before)) return compactEarly(ctx, before);
  const wasOpen = ctx.breaker.openFor > 0;
  try {
    return await compactOver(ctx, before);
  } finally {
    if (wasOpen) ctx.breaker.openFor -= 1;
  }
}

/** Whether `compact` would do anything now: the view is over the trigger, or the policy has an early step. */
export function compactionDue(ctx: CompactContext): boolean {
  // Under the trigger at the most the messages not counted yet could hold: no need to count them now.
  const over = overTrigger(ctx, ctx.tokensAtMost()) && overTrigger(ctx, ctx.tokens());
  return over || (ctx.policy.early?.(compactionState(ctx)) ?? null) !== null;
}

function overTrigger(ctx: CompactContext, tokens: number): boolean {
  return tokens > ctx.config.threshold || tokens > ctx.config.contextWindow - ctx.config.reserve;
}

async function compactOver(ctx: CompactContext, before: number): Promise<CompactionResult | null> {
  const { state, config } = ctx;
  const saved = state.save();
  const at = state.entries.length;
  const steps: StepRecord[] = [];
  const next = (s: CompactionState) => ctx.policy.next(s);
  const failure = await runPolicy(ctx, next, steps, config.target);
  if (failure !== null) {
    ctx.record({ type: 'compaction-failed', at, policy: ctx.policy.name, reason: failure, tokens: before });
    tripBreaker(ctx, at);
    if (ctx.breaker.openFor === 0 && before <= config.contextWindow - config.reserve) {
      state.rollback(saved);
      return null;
    }
  }
  // The last resort of every policy, so that compactions come in chunks down to the target.
  if (ctx.tokens() > config.target) {
    await runPolicy(ctx, (s) => emergencyWindow.next(s), steps, config.target, 'emergency');
  }

  if (ctx.tokens() > config.threshold) {
    const parts = protectedParts(ctx);
    state.rollback(saved);
    throw new ContextBudgetError(
      parts.reduce((sum, p) => sum + p.tokens, 0),
      config.threshold,
      parts,
    );
  }
  if (!worthIt(ctx, before)) {
    const freed = before - ctx.tokens();
    state.rollback(saved);
    ctx.record({
      type: 'compaction-skipped',
      at,
      policy: ctx.policy.name,
      reason: `it would free only ${freed} of ${before} tokens`,
      tokens: before,
    });
    return null;
  }
  return commit(ctx, { at, trigger: 'threshold', before, steps });
}

/**
 * The policy's early steps, below the threshold. A failed summary rolls them back and counts towards the
 * breaker; steps that free too little are rolled back without an event, as the policy would offer them
 * again on every turn.
 */
async function compactEarly(ctx: CompactContext, before: number): Promise<CompactionResult | null> {
  const early = ctx.policy.early?.bind(ctx.policy);
  if (!early) return null;
  const saved = ctx.state.save();
  const at = ctx.state.entries.length;
  const steps: StepRecord[] = [];
  const failure = await runPolicy(ctx, early, steps, Number.NEGATIVE_INFINITY);
  if (failure !== null) {
    ctx.record({ type: 'compaction-failed', at, policy: ctx.policy.name, reason: failure, tokens: before });
    tripBreaker(ctx, at);
  }
  if (failure !== null || steps.length === 0 || !worthIt(ctx, before)) {
    ctx.state.rollback(saved);
    return null;
  }
  return commit(ctx, { at, trigger: 'early', before, steps });
}

function worthIt(ctx: CompactContext, before: number): boolean {
  return before - ctx.tokens() >= ctx.config.minGain * before;
}

function commit(
  ctx: CompactContext,
  done: Pick<CompactionResult, 'at' | 'trigger' | 'before' | 'steps'>,
): CompactionResult {
  // Only a summary says the summarizer works again; a compaction that never asked it says nothing.
  if (done.steps.some((s) => s.type === 'summarize')) ctx.breaker.failures = 0;
  const result: CompactionResult = { type: 'compaction', policy: ctx.policy.name, ...done, after: ctx.tokens() };
  ctx.record(result);
  return result;
}

/** Asks `next` for steps and applies them while the view is over `until`; returns why a summary failed, or `null`. */
async function runPolicy(
  ctx: CompactContext,
  next: (state: CompactionState) => CompactionStep | null,
  steps: StepRecord[],
  until: number,
  dropReason?: 'emergency',
): Promise<string | null> {
  for (let i = 0; i < MAX_STEPS; i++) {
    const state = compactionState(ctx);
    if (state.tokens <= until) return null;
    const step = next(state);
    if (!step) return null;
    const outcome = await apply(ctx, step, state.exchanges, dropReason);
    if (typeof outcome === 'string') return outcome;
    steps.push(outcome);
  }
  return null;
}

async function apply(
  ctx: CompactContext,
  step: CompactionStep,
  exchanges: CompactionState['exchanges'],
  dropReason?: 'emergency',
): Promise<StepRecord | string> {
  const before = ctx.tokens();
  switch (step.type) {
    case 'clear-tool-results':
      ctx.state.clear(step.toolUseIds);
      return { type: 'clear-tool-results', keys: step.toolUseIds.map(resultKey), freed: before - ctx.tokens() };
    case 'drop':
      ctx.state.drop(step.exchangeIds);
      return {
        type: 'drop',
        reason: dropReason ?? step.reason,
        keys: step.exchangeIds.map(turnKey),
        freed: before - ctx.tokens(),
      };
    case 'summarize':
      return summarizeStep(ctx, step, exchanges, before);
  }
}

function compactionState(ctx: CompactContext): CompactionState {
  return {
    exchanges: ctx.state.exchanges(),
    tokens: ctx.tokens(),
    threshold: ctx.config.threshold,
    target: ctx.config.target,
    summary: ctx.state.summary,
    canSummarize: ctx.breaker.openFor === 0,
    count: (text) => ctx.counter.text(text),
  };
}

function tripBreaker(ctx: CompactContext, at: number): void {
  ctx.breaker.failures += 1;
  if (ctx.breaker.failures >= ctx.config.maxFailures && ctx.breaker.openFor === 0) {
    ctx.breaker.openFor = ctx.config.breakerCooldown;
    ctx.record({ type: 'circuit-open', at, failures: ctx.breaker.failures });
  }
}

/** The parts that no policy may remove, for the budget error. */
function protectedParts(ctx: CompactContext): BudgetPart[] {
  const f = ctx.counter.factor;
  const head = ctx.state.headParts();
  const exchanges = ctx.state.exchanges().filter((e) => e.protected);
  const last = exchanges.at(-1);
  const pinned = exchanges.filter((e) => e !== last && e.pinned);
  const latest = exchanges.filter((e) => e !== last && !e.pinned);
  const sum = (list: typeof exchanges) => list.reduce((s, e) => s + e.tokens, 0);
  return [
    { part: 'system', tokens: Math.ceil(ctx.systemRaw * f) },
    { part: 'tools', tokens: Math.ceil(ctx.toolsRaw * f) },
    { part: 'summary', tokens: Math.ceil(head.summary * f) },
    { part: 'memory', tokens: Math.ceil(head.memory * f) },
    { part: 'pinned', tokens: sum(pinned) },
    { part: 'latest request', tokens: sum(latest) },
    { part: 'in-flight exchange', tokens: last?.tokens ?? 0 },
  ];
}
