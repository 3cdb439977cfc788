import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemorySessionStore, MemoryStore } from '@cairn/memory';
import { DEFAULT_PRICES } from '@cairn/runtime';
import { LOCAL_SUMMARIZER } from '../../customer-service/cairn-context.ts';
import { runCairn } from '../../customer-service/cairn-run.ts';
import { DESK_MAX_TOKENS, deskMaxTurns } from '../../customer-service/compare-runs.ts';
import { generateTickets } from '../../customer-service/generate-tickets.ts';
import { groundTruth } from '../../customer-service/ground-truth.ts';
import { runFigures } from '../../customer-service/run-figures.ts';
import { createSupportDesk } from '../../customer-service/support-desk.ts';
import { supportTools } from '../../customer-service/tools.ts';
import type { LazySimulator } from '../sweep/lazy-simulator.ts';
import type { Scenario, ScenarioSpec } from '../sweep/scenario.ts';
import type { PointFigures, PointSettings } from '../sweep/sweep-point.ts';
import { ticketsRight } from './tickets-right.ts';

/**
 * Twenty thresholds for the five-ticket desk, 3,500 to 13,000: from just above what must stay (the fixed
 * prompt, ≈1.7K tokens, and a ticket in progress) to past its largest context without compaction.
 */
export const DESK_THRESHOLDS: readonly number[] = Array.from({ length: 20 }, (_, i) => 3_500 + 500 * i);

/**
 * The customer-service desk as a scenario: each point runs the example's Cairn agent over its seeded queue,
 * on a fresh desk and memory, against a fresh simulator, with the point's policy, threshold and summarizer
 * model. The figures are the example's own (`runFigures`), tokens and costs as the simulator billed them,
 * summary calls included; fidelity is how many tickets the final report gets right.
 */
export function deskScenario(spec: Extract<ScenarioSpec, { kind: 'desk' }>, simulator: () => LazySimulator): Scenario {
  const generated = generateTickets(spec.tickets);
  const truth = groundTruth(generated);
  return {
    async measure(settings: PointSettings): Promise<PointFigures> {
      const dir = await mkdtemp(join(tmpdir(), 'cairn-tune-desk-'));
      const sim = simulator();
      try {
        const trace = await runCairn({
          client: await sim.client(),
          model: spec.model,
          tools: supportTools(createSupportDesk(generated.map((g) => g.ticket))),
          memory: new MemoryStore({ file: join(dir, 'memory.json') }),
          sessions: new InMemorySessionStore(),
          policy: settings.policy,
          threshold: settings.threshold,
          // Policies that never summarize have no model: any setting does.
          summarizerModel: settings.summarizerModel ?? LOCAL_SUMMARIZER,
          maxTokens: DESK_MAX_TOKENS,
          maxTurns: deskMaxTurns(spec.tickets),
          prices: DEFAULT_PRICES,
          clock: () => new Date(),
        });
        if (trace.outcome.type === 'failed') throw new Error(trace.outcome.error);
        const f = runFigures(trace, truth);
        return {
          turns: f.turns,
          inputTokens: f.inputTokens + f.summarizerInputTokens,
          outputTokens: f.outputTokens + f.summarizerOutputTokens,
          summarizerInputTokens: f.summarizerInputTokens,
          summarizerOutputTokens: f.summarizerOutputTokens,
          peakContextTokens: f.peakContextTokens,
          compactions: f.compactions,
          costUsd: f.costUsd,
          costUsdCached: f.costUsdCached,
          fidelity: {
            kind: 'report',
            ticketsRight: ticketsRight(trace.text, truth),
            tickets: truth.length,
            reportCorrect: f.reportCorrect,
          },
        };
      } finally {
        await sim.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
