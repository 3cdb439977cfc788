import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemorySessionStore, MemoryStore } from '@cairn/memory';
import { DEFAULT_PRICES, type LedgerEntry } from '@cairn/runtime';
import { runCairn } from '../../customer-service/cairn-run.ts';
import { generateTickets } from '../../customer-service/generate-tickets.ts';
import { groundTruth } from '../../customer-service/ground-truth.ts';
import { createSupportDesk } from '../../customer-service/support-desk.ts';
import { supportTools } from '../../customer-service/tools.ts';
import { EXTRACTIVE } from '../recorded/recorded-scenario.ts';
import type { LazySimulator } from '../sweep/lazy-simulator.ts';
import type { Scenario, ScenarioSpec } from '../sweep/scenario.ts';
import type { PointFigures, PointSettings } from '../sweep/sweep-point.ts';
import { ticketsRight } from './tickets-right.ts';

/** Twenty thresholds for the five-ticket desk: from just above its fixed prompt to past its largest context. */
export const DESK_THRESHOLDS: readonly number[] = Array.from({ length: 20 }, (_, i) => 2_500 + 500 * i);
/** Room for the workflow's seven calls per ticket, the memory calls and the report. */
const TURNS_PER_TICKET = 20;
const MAX_TOKENS = 4_096;

/**
 * The customer-service desk as a scenario: each point runs the example's Cairn agent over the seeded queue,
 * against the simulator, with the point's policy, threshold and summarizer model. Figures are what the
 * simulator billed, summary calls included; fidelity is the share of tickets the final report gets right.
 */
export function deskScenario(
  spec: Extract<ScenarioSpec, { kind: 'desk' }>,
  simulator: () => LazySimulator,
): Scenario {
  const generated = generateTickets(spec.tickets);
  const truth = groundTruth(generated);
  return {
    async measure(settings: PointSettings): Promise<PointFigures> {
      const dir = await mkdtemp(join(tmpdir(), 'cairn-tune-desk-'));
      const sim = simulator();
      try {
        const desk = createSupportDesk(generated.map((g) => g.ticket));
        const trace = await runCairn({
          client: await sim.client(),
          model: spec.model,
          tools: supportTools(desk),
          memory: new MemoryStore({ file: join(dir, 'memory.json') }),
          sessions: new InMemorySessionStore(),
          context: { policy: settings.policy, threshold: settings.threshold, ...summarizer(settings) },
          maxTokens: MAX_TOKENS,
          maxTurns: TURNS_PER_TICKET * spec.tickets + TURNS_PER_TICKET,
          prices: DEFAULT_PRICES,
          clock: () => new Date(),
        });
        if (trace.outcome.type === 'failed') throw new Error(trace.outcome.error);
        const main = trace.turns.map((t) => t.entry);
        const sum = (entries: readonly LedgerEntry[], f: (e: LedgerEntry) => number) =>
          entries.reduce((total, e) => total + f(e), 0);
        const input = (e: LedgerEntry) => e.inputTokens + e.cacheReadTokens + e.cacheWriteTokens;
        const summarizerInputTokens = sum(trace.summarizer, input);
        const summarizerOutputTokens = sum(trace.summarizer, (e) => e.outputTokens);
        return {
          turns: trace.turns.length,
          inputTokens: sum(main, input) + summarizerInputTokens,
          outputTokens: sum(main, (e) => e.outputTokens) + summarizerOutputTokens,
          summarizerInputTokens,
          summarizerOutputTokens,
          peakContextTokens: Math.max(0, ...trace.turns.map((t) => t.contextTokens)),
          compactions: trace.compactions.length,
          costUsd: sum([...main, ...trace.summarizer], (e) => e.costUsdUncached),
          costUsdCached: sum([...main, ...trace.summarizer], (e) => e.costUsd),
          fidelity: { kind: 'report', ticketsRight: ticketsRight(trace.text, truth), tickets: truth.length },
        };
      } finally {
        await sim.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The runtime's `summarizerModel`: none for the local extractive summary. */
function summarizer(settings: PointSettings): { summarizerModel?: string } {
  const model = settings.summarizerModel;
  return model === null || model === EXTRACTIVE ? {} : { summarizerModel: model };
}
