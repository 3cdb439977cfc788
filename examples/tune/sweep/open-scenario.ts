import { modelSpec } from '@cairn/simulator';
import { simulatedSummarizer } from '../../customer-service/simulated-summarizer.ts';
import { deskScenario } from '../desk/desk-scenario.ts';
import { loadRecorded, recordedScenario } from '../recorded/recorded-scenario.ts';
import { lazySimulator } from './lazy-simulator.ts';
import { requirePrice } from './require-price.ts';
import type { Scenario, ScenarioSpec } from './scenario.ts';

/** Opens the scenario `spec` describes, in this process: its files read, its simulator started on demand. */
export async function openScenario(spec: ScenarioSpec): Promise<Scenario> {
  const price = requirePrice(spec.model);
  switch (spec.kind) {
    case 'recorded': {
      const data = await loadRecorded(spec.sessionsPath, spec.probesPath);
      const simulator = lazySimulator();
      const scenario = recordedScenario(data, {
        model: spec.model,
        price,
        minCacheableTokens: minCacheable(spec.model),
        priceOf: requirePrice,
        connect: () => simulator.client(),
      });
      return { measure: (settings) => scenario.measure(settings), close: () => simulator.close() };
    }
    case 'desk': {
      const simulator = lazySimulator({ summarizer: simulatedSummarizer() });
      const scenario = deskScenario(spec, () => simulator.client());
      return { measure: (settings) => scenario.measure(settings), close: () => simulator.close() };
    }
  }
}

function minCacheable(model: string): number {
  const spec = modelSpec(model);
  if (spec) return spec.minCacheableTokens;
  throw new TypeError(
    `the simulator does not know model "${model}": use a model of its table (claude-sonnet-4-5, say)`,
  );
}
