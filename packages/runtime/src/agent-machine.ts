import type Anthropic from '@anthropic-ai/sdk';
import { assign, setup } from 'xstate';
import { type Budget, limitReached, nextStep, type RunStopReason, type Spent } from './run-decisions.ts';
import { fromStep } from './step-actor.ts';

/** What every step actor reports back: the run's spending and whether the context is over its trigger. */
export interface StepOutput {
  readonly spent: Spent;
  readonly needsCompaction: boolean;
}

/** What the sampling actor reports: a model response, already appended to the conversation. */
export interface SampleOutput extends StepOutput {
  readonly stopReason: Anthropic.StopReason | null;
  readonly text: string;
}

/** The turn a step belongs to (a turn is one model call and the tools it asked for). */
export interface TurnInput {
  readonly turn: number;
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

const notProvided = (name: string) => () =>
  Promise.reject(new Error(`agentMachine: provide the "${name}" actor with agentMachine.provide(...)`));

function afterStep(output: StepOutput): Pick<AgentContext, 'spent' | 'needsCompaction'> {
  return { spent: output.spent, needsCompaction: output.needsCompaction };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A step that threw: stopped when an abort was asked for (the abort is why), failed otherwise. */
const ON_STEP_ERROR = [
  { guard: 'abortRequested', target: 'stopped', actions: 'stopForAbort' },
  { target: 'failed', actions: 'fail' },
] as const;

/**
 * The agent loop. `preparing` checks the limits and whether to compact, `compacting` runs the context
 * manager's compaction, `sampling` calls the model, `acting` runs the tools; it ends `done` (the model
 * finished), `stopped` (a limit, a refusal or an abort) or `failed`. The effects are the actors `compact`,
 * `sample` and `act`, given with `agentMachine.provide({ actors })`; every decision here is pure.
 */
export const agentMachine = setup({
  types: {
    context: {} as AgentContext,
    input: {} as AgentMachineInput,
    events: {} as { type: 'abort' },
  },
  actors: {
    compact: fromStep<StepOutput, TurnInput>(notProvided('compact')),
    sample: fromStep<SampleOutput, TurnInput>(notProvided('sample')),
    act: fromStep<StepOutput, TurnInput>(notProvided('act')),
  },
  guards: {
    limitReached: ({ context: c }) => limitReached(c.turns, c.maxIterations, c.budget, c.spent) !== null,
    abortRequested: ({ context }) => context.abortRequested,
    needsCompaction: ({ context }) => context.needsCompaction,
  },
  actions: {
    stopForLimit: assign(({ context: c }) => ({
      stopReason: limitReached(c.turns, c.maxIterations, c.budget, c.spent),
    })),
    stopForAbort: assign({ stopReason: 'aborted' as const }),
    fail: assign(({ event }) => ({
      stopReason: 'error' as const,
      error: errorText((event as { error?: unknown }).error),
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
  on: { abort: { actions: assign({ abortRequested: true }) } },
  states: {
    preparing: {
      always: [
        { guard: 'abortRequested', target: 'stopped', actions: 'stopForAbort' },
        { guard: 'limitReached', target: 'stopped', actions: 'stopForLimit' },
        { guard: 'needsCompaction', target: 'compacting' },
        { target: 'sampling' },
      ],
    },
    compacting: {
      invoke: {
        src: 'compact',
        input: ({ context }) => ({ turn: context.turns + 1 }),
        onDone: { target: 'sampling', actions: assign(({ event }) => afterStep(event.output)) },
        onError: ON_STEP_ERROR,
      },
    },
    sampling: {
      invoke: {
        src: 'sample',
        input: ({ context }) => ({ turn: context.turns + 1 }),
        onDone: [
          {
            guard: ({ event }) => nextStep(event.output.stopReason) === 'act',
            target: 'acting',
            actions: assign(({ context, event }) => ({
              ...afterStep(event.output),
              turns: context.turns + 1,
              pendingText: '',
            })),
          },
          {
            guard: ({ event }) => nextStep(event.output.stopReason) === 'continue',
            target: 'preparing',
            actions: assign(({ context, event }) => ({
              ...afterStep(event.output),
              turns: context.turns + 1,
              pendingText: context.pendingText + event.output.text,
            })),
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
        onError: ON_STEP_ERROR,
      },
    },
    acting: {
      invoke: {
        src: 'act',
        input: ({ context }) => ({ turn: context.turns }),
        onDone: { target: 'preparing', actions: assign(({ event }) => afterStep(event.output)) },
        onError: ON_STEP_ERROR,
      },
    },
    done: { type: 'final' },
    stopped: { type: 'final' },
    failed: { type: 'final' },
  },
});

function finish(context: AgentContext, output: SampleOutput, stopReason: RunStopReason): Partial<AgentContext> {
  return {
    ...afterStep(output),
    turns: context.turns + 1,
    text: context.pendingText + output.text,
    pendingText: '',
    stopReason,
  };
}
