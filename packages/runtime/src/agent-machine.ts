import type Anthropic from '@anthropic-ai/sdk';
import { assign, setup } from 'xstate';
import { type Budget, limitReached, nextStep, type RunStopReason, type Spent } from './run-decisions.ts';
import { type StepFailed, stepRunner } from './step-runner.ts';

/** What every step actor reports back: the run's spending and whether the context is over its trigger. */
export interface StepOutput {
  readonly spent: Spent;
  readonly needsCompaction: boolean;
}

/** What the sampling actor reports: a model response, already appended to the conversation. */
export interface SampleOutput extends StepOutput {
  readonly stopReason: Anthropic.StopReason | null;
  /** The reply's text; empty for a reply that asks for tools (the machine keeps none of it). */
  readonly text: string;
}

/** The machine's input: the run's limits. */
export interface AgentMachineInput {
  readonly maxIterations: number;
  readonly budget: Budget;
  readonly needsCompaction: boolean;
}

/** The machine's context: plain JSON, persisted after every step. */
export interface AgentContext {
  readonly maxIterations: number;
  readonly budget: Budget;
  readonly turns: number;
  readonly spent: Spent;
  readonly needsCompaction: boolean;
  /** Text of replies cut by `max_tokens` or paused, awaiting their continuation. */
  readonly pendingText: string;
  /** The final reply's text. */
  readonly text: string;
  readonly stopReason: RunStopReason | null;
  readonly error: string | null;
  readonly abortRequested: boolean;
}

/** What the step runner answers, each step's output typed. */
type StepEvent =
  | { readonly type: 'compact.done'; readonly output: StepOutput }
  | { readonly type: 'sample.done'; readonly output: SampleOutput }
  | { readonly type: 'act.done'; readonly output: StepOutput }
  | StepFailed;

type MachineEvent = { readonly type: 'abort' } | StepEvent;

const notProvided = () =>
  Promise.reject(new Error('agentMachine: provide the "steps" actor with agentMachine.provide(...)'));

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The spending and compaction flag as of now: a finished step's, while its event is being taken (guards
 * run before the transition's actions store them in the context), the context's otherwise.
 */
function current(context: AgentContext, event: MachineEvent): StepOutput {
  return 'output' in event ? event.output : context;
}

/**
 * What comes next, between turns: stop for an abort or a limit, compact, or call the model. `preparing` takes
 * it as a run starts and after a continued reply; `act.done` takes it on the tools' output, so that a turn
 * needs no pass through `preparing` (one microstep less). The tools' output is not stored: tools spend
 * nothing (the ledger holds model calls alone), and whether to compact is what this choice reads of it.
 */
const WHAT_NEXT = [
  { guard: 'abortRequested', target: 'stopped', actions: 'stopForAbort' },
  { guard: 'limitReached', target: 'stopped', actions: 'stopForLimit' },
  { guard: 'needsCompaction', target: 'compacting' },
  { target: 'sampling' },
] as const;

/** A step that threw: stopped when an abort was asked for (the abort is why), failed otherwise. */
const ON_STEP_ERROR = [
  { guard: 'abortRequested', target: 'stopped', actions: 'stopForAbort' },
  { target: 'failed', actions: 'fail' },
] as const;

/**
 * The agent loop. `preparing` checks the limits and whether to compact (as a run starts and after a
 * continued reply; after the tools, `act.done` makes the same checks), `compacting` runs the context
 * manager's compaction, `sampling` calls the model, `acting` runs the tools; it ends `done` (the model
 * finished), `stopped` (a limit, a refusal or an abort) or `failed`. The effects run in one actor, `steps`
 * (a {@link stepRunner} given with `agentMachine.provide({ actors: { steps } })`), which runs the step of
 * each working state the machine enters (`stepOf`) and answers `<step>.done` or `step.failed`; every
 * decision here is pure.
 */
export const agentMachine = setup({
  types: {
    context: {} as AgentContext,
    input: {} as AgentMachineInput,
    events: {} as MachineEvent,
  },
  actors: { steps: stepRunner(notProvided) },
  guards: {
    limitReached: ({ context: c, event }) =>
      limitReached(c.turns, c.maxIterations, c.budget, current(c, event).spent) !== null,
    abortRequested: ({ context }) => context.abortRequested,
    needsCompaction: ({ context, event }) => current(context, event).needsCompaction,
  },
  actions: {
    /** Stores what a finished step reports: the run's spending, and whether the context needs compacting. */
    keepStepOutput: assign(({ context, event }) => {
      const { spent, needsCompaction } = current(context, event);
      return { spent, needsCompaction };
    }),
    stopForLimit: assign(({ context: c }) => ({
      stopReason: limitReached(c.turns, c.maxIterations, c.budget, c.spent),
    })),
    stopForAbort: assign({ stopReason: 'aborted' as const }),
    fail: assign(({ event }) => ({
      stopReason: 'error' as const,
      error: errorText((event as StepFailed).error),
    })),
  },
}).createMachine({
  id: 'agent',
  initial: 'preparing',
  context: ({ input }) => ({
    maxIterations: input.maxIterations,
    budget: input.budget,
    turns: 0,
    spent: { costUsd: 0, inputTokens: 0 },
    needsCompaction: input.needsCompaction,
    pendingText: '',
    text: '',
    stopReason: null,
    error: null,
    abortRequested: false,
  }),
  invoke: { id: 'steps', src: 'steps' },
  on: { abort: { actions: assign({ abortRequested: true }) } },
  states: {
    preparing: { always: WHAT_NEXT },
    compacting: {
      on: {
        'compact.done': { target: 'sampling', actions: 'keepStepOutput' },
        'step.failed': ON_STEP_ERROR,
      },
    },
    sampling: {
      on: {
        'sample.done': [
          {
            guard: ({ event }) => nextStep(event.output.stopReason) === 'act',
            target: 'acting',
            actions: assign(({ context, event }) => afterReply(context, event.output, '')),
          },
          {
            guard: ({ event }) => nextStep(event.output.stopReason) === 'continue',
            target: 'preparing',
            actions: assign(({ context, event }) =>
              afterReply(context, event.output, context.pendingText + event.output.text),
            ),
          },
          {
            guard: ({ event }) => nextStep(event.output.stopReason) === 'stop',
            target: 'stopped',
            actions: assign(({ context, event }) => finish(context, event.output, 'refusal')),
          },
          {
            target: 'done',
            actions: assign(({ context, event }) =>
              finish(context, event.output, event.output.stopReason === 'stop_sequence' ? 'stop_sequence' : 'end_turn'),
            ),
          },
        ],
        'step.failed': ON_STEP_ERROR,
      },
    },
    acting: {
      on: {
        'act.done': WHAT_NEXT,
        'step.failed': ON_STEP_ERROR,
      },
    },
    done: { type: 'final' },
    stopped: { type: 'final' },
    failed: { type: 'final' },
  },
});

/**
 * The context after a reply that does not end the run. Fields written out, not spread: V8 (Node 20) builds
 * `{ ...object, more }` through its slow path, ≈2 µs a call against 0.25.
 */
function afterReply(context: AgentContext, output: SampleOutput, pendingText: string): Partial<AgentContext> {
  return { spent: output.spent, needsCompaction: output.needsCompaction, turns: context.turns + 1, pendingText };
}

/** The context after the run's last reply. */
function finish(context: AgentContext, output: SampleOutput, stopReason: RunStopReason): Partial<AgentContext> {
  return {
    spent: output.spent,
    needsCompaction: output.needsCompaction,
    turns: context.turns + 1,
    text: context.pendingText + output.text,
    pendingText: '',
    stopReason,
  };
}
