import type { PointResult, PointTask } from './point-task.ts';
import type { ScenarioSpec } from './scenario.ts';
import type { PointOutcome, PointSettings } from './sweep-point.ts';
import { runInWorkers, type Settled } from './worker-pool.ts';

/** Where a sweep stands, reported as each point settles. */
export interface SweepProgress {
  readonly done: number;
  readonly failed: number;
  readonly total: number;
  readonly last: PointOutcome;
}

export interface SweepOptions {
  readonly spec: ScenarioSpec;
  readonly grid: readonly PointSettings[];
  /** Worker processes. @default the available cores */
  readonly concurrency?: number;
  /** A point taking longer fails. @default DEFAULT_TASK_TIMEOUT_MS */
  readonly timeoutMs?: number;
  readonly onProgress?: (progress: SweepProgress) => void;
}

const pointTask = new URL('./point-task.ts', import.meta.url);

/** Measures every point of `grid` in worker processes; a point that fails is an outcome, not an error. */
export async function runSweep(options: SweepOptions): Promise<PointOutcome[]> {
  const { grid, spec } = options;
  let done = 0;
  let failed = 0;
  const settled = await runInWorkers<PointTask, PointResult>({
    module: pointTask,
    tasks: grid.map((settings) => ({ spec, settings })),
    ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    onSettled: (index, result) => {
      const last = toOutcome(grid[index]!, result as Settled<PointResult>);
      done++;
      if (last.type === 'failed') failed++;
      options.onProgress?.({ done, failed, total: grid.length, last });
    },
  });
  return settled.map((result, index) => toOutcome(grid[index]!, result));
}

function toOutcome(settings: PointSettings, result: Settled<PointResult>): PointOutcome {
  return result.ok
    ? { type: 'measured', settings, figures: result.value.figures, ms: result.value.ms }
    : { type: 'failed', settings, error: result.error };
}
