/**
 * The task module sweeps hand to `runInWorkers`: measures one point in a child process, keeping each
 * scenario open (its files read) across the points that process measures.
 */
import { openScenario } from './open-scenario.ts';
import type { Scenario, ScenarioSpec } from './scenario.ts';
import type { PointFigures, PointSettings } from './sweep-point.ts';

/** One point to measure. */
export interface PointTask {
  readonly spec: ScenarioSpec;
  readonly settings: PointSettings;
}

/** A measured point and how long it took, in milliseconds. */
export interface PointResult {
  readonly figures: PointFigures;
  readonly ms: number;
}

const open = new Map<string, Promise<Scenario>>();

export async function run(task: PointTask): Promise<PointResult> {
  const key = JSON.stringify(task.spec);
  let scenario = open.get(key);
  if (!scenario) {
    scenario = openScenario(task.spec);
    open.set(key, scenario);
  }
  const started = performance.now();
  const figures = await (await scenario).measure(task.settings);
  return { figures, ms: performance.now() - started };
}
