import { join } from 'node:path';
import type Anthropic from '@anthropic-ai/sdk';
import { FileSessionStore, MemoryStore, TokenCounter } from '@cairn/memory';
import { DEFAULT_PRICES, type PriceTable } from '@cairn/runtime';
import type { CairnPolicy } from './cairn-context.ts';
import { cairnFixedPrompt, runCairn } from './cairn-run.ts';
import { DESK_TASK, SUPPORT_SYSTEM_PROMPT } from './desk-prompt.ts';
import { floorTokens } from './floor-tokens.ts';
import { generateTickets } from './generate-tickets.ts';
import { groundTruth, type ReportCheck } from './ground-truth.ts';
import { type FloorFigures, floorFigures, type RunFigures, runFigures } from './run-figures.ts';
import type { RunProgress, RunTrace } from './run-trace.ts';
import { createSupportDesk, deskProblems, type RecordingDesk } from './support-desk.ts';
import { runToolLoop } from './tool-loop.ts';
import { supportTools } from './tools.ts';

/** The model the desk agent runs on, as in the cookbook (a Sonnet). */
export const DESK_MODEL = 'claude-sonnet-4-6';
/** `max_tokens` of every reply; enough for a final report of a few hundred tickets. */
export const DESK_MAX_TOKENS = 4_096;

/** Turns a run may take: the workflow's calls per ticket (with room for memory and retries), then the report. */
export function deskMaxTurns(tickets: number): number {
  return 15 * tickets + 20;
}

/** Whether the model is the offline simulator or Claude. */
export type ModelSource = 'simulator' | 'claude';

export interface CompareOptions {
  readonly client: Pick<Anthropic, 'messages'>;
  readonly source: ModelSource;
  readonly tickets: number;
  readonly seed: number;
  readonly threshold: number;
  readonly policy: CairnPolicy;
  readonly summarizerModel: string;
  /** Where Cairn's memory and session files go; a fresh directory per comparison. */
  readonly workDir: string;
  /** @default DESK_MODEL */
  readonly model?: string;
  /** @default DEFAULT_PRICES */
  readonly prices?: PriceTable;
  /** @default () => new Date() */
  readonly clock?: () => Date;
  readonly onTurn?: (progress: RunProgress) => void;
}

/** One run's row, its trace, and what its desk recorded. */
export interface ComparedRun {
  readonly figures: RunFigures;
  readonly check: ReportCheck;
  readonly trace: RunTrace;
  /** Work the agent skipped or got wrong on the desk, whatever its report says. */
  readonly deskProblems: readonly string[];
  /** Tickets whose drafted reply is word for word the baseline's. */
  readonly draftsAsBaseline: number;
}

export interface Comparison {
  readonly source: ModelSource;
  readonly tickets: number;
  readonly seed: number;
  readonly threshold: number;
  readonly model: string;
  readonly policy: CairnPolicy;
  readonly summarizerModel: string;
  readonly runs: readonly ComparedRun[];
  /** Per turn of Cairn's run; `null` when that run kept no transcript. */
  readonly floor: { readonly figures: FloorFigures; readonly perTurn: readonly number[] } | null;
}

/**
 * Works the same seeded queue three times, one run after another, each on a fresh desk: `baseline` (the
 * cookbook's agent, no compaction), `cookbook` (the same agent with `compaction_control` at the threshold)
 * and `cairn` (the agent with a memory log, on Cairn's runtime, compacting at the threshold). Then the floor,
 * from Cairn's transcript.
 */
export async function compareRuns(options: CompareOptions): Promise<Comparison> {
  const model = options.model ?? DESK_MODEL;
  const prices = options.prices ?? DEFAULT_PRICES;
  const clock = options.clock ?? (() => new Date());
  const generated = generateTickets(options.tickets, options.seed);
  const tickets = generated.map((g) => g.ticket);
  const truth = groundTruth(generated);
  const maxTurns = deskMaxTurns(options.tickets);
  const common = { client: options.client, model, maxTokens: DESK_MAX_TOKENS, maxTurns, prices, clock };
  const onTurn = options.onTurn ? { onTurn: options.onTurn } : {};

  const loop = (name: 'baseline' | 'cookbook', desk: RecordingDesk) =>
    runToolLoop({
      ...common,
      ...onTurn,
      name,
      system: SUPPORT_SYSTEM_PROMPT,
      tools: supportTools(desk),
      task: DESK_TASK,
      ...(name === 'cookbook' && { compaction: { threshold: options.threshold } }),
    });
  const desks = {
    baseline: createSupportDesk(tickets),
    cookbook: createSupportDesk(tickets),
    cairn: createSupportDesk(tickets),
  };
  const memory = new MemoryStore({ file: join(options.workDir, 'memory.json') });
  const traces = [
    await loop('baseline', desks.baseline),
    await loop('cookbook', desks.cookbook),
    await runCairn({
      ...common,
      ...onTurn,
      tools: supportTools(desks.cairn),
      memory,
      sessions: new FileSessionStore({ dir: join(options.workDir, 'sessions') }),
      policy: options.policy,
      threshold: options.threshold,
      summarizerModel: options.summarizerModel,
    }),
  ];

  const baselineDrafts = new Map(desks.baseline.records.map((r) => [r.id, r.draft]));
  const runs = traces.map((trace): ComparedRun => {
    const { check, ...figures } = runFigures(trace, truth);
    const records = desks[trace.name].records;
    return {
      figures,
      check,
      trace,
      deskProblems: deskProblems(records, truth),
      draftsAsBaseline: records.filter((r) => r.draft !== undefined && r.draft === baselineDrafts.get(r.id)).length,
    };
  });
  const perTurn = floorTokens(
    traces[2]!.transcript,
    cairnFixedPrompt(supportTools(desks.cairn), memory),
    new TokenCounter({ model }),
  );
  return {
    source: options.source,
    tickets: options.tickets,
    seed: options.seed,
    threshold: options.threshold,
    model,
    policy: options.policy,
    summarizerModel: options.summarizerModel,
    runs,
    floor: perTurn.length === 0 ? null : { figures: floorFigures(perTurn), perTurn },
  };
}
