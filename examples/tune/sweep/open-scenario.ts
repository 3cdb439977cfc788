import { modelSpec } from '@cairn/simulator';
import { simulatedSummarizer } from '../../customer-service/simulated-summarizer.ts';
import { deskScenario } from '../desk/desk-scenario.ts';
import { loadRecorded, recordedScenario } from '../recorded/recorded-scenario.ts';
import { lazySimulator } from './lazy-simulator.ts';
import { requirePrice } from './require-price.ts';
import type { Scenario, ScenarioSpec } from './scenario.ts';

/** Opens the scenario `spec` describes, in this process: its files read, its prices checked. */
export async function openScenario(spec: ScenarioSpec): Promise<Scenario> {
  const price = requirePrice(spec.model);
  switch (spec.kind) {
    case 'recorded': {
      const data = await loadRecorded(spec.sessionsPath, spec.probesPath);
      return recordedScenario(data, {
        model: spec.model,
        price,
        minCacheableTokens: minCacheable(spec.model),
        priceOf: requirePrice,
        simulator: () => lazySimulator(),
      });
    }
    case 'desk':
      // The example's simulated summarizer, so that summaries are sized as in its runs.
      return deskScenario(spec, () => lazySimulator({ summarizer: simulatedSummarizer() }));
  }
}

function minCacheable(model: string): number {
  const spec = modelSpec(model);
  if (spec) return spec.minCacheableTokens;
  throw new TypeError(
    `the simulator does not know model "${model}": use a model of its table (claude-sonnet-4-5, say)`,
  );
}
