import type { Scenario, ScenarioSpec } from '../sweep/scenario.ts';

/** Twenty thresholds for the desk. */
export const DESK_THRESHOLDS: readonly number[] = Array.from({ length: 20 }, (_, i) => 2_000 + 1_000 * i);

/** The customer-service desk as a scenario (waiting on examples/customer-service's run function). */
export function deskScenario(_spec: Extract<ScenarioSpec, { kind: 'desk' }>): Scenario {
  throw new TypeError('the desk scenario is not available yet');
}
