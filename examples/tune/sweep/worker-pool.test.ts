import { describe, expect, it } from 'vitest';
import type { FlakyTask } from '../testing/flaky-tasks.ts';
import { runInWorkers, type Settled } from './worker-pool.ts';

const module = new URL('../testing/flaky-tasks.ts', import.meta.url);
type Echo = { value: number; pid: number };

describe('runInWorkers', () => {
  it('runs every task in child processes and returns the outcomes in task order', async () => {
    const tasks: FlakyTask[] = [1, 2, 3, 4, 5].map((value) => ({ kind: 'echo', value }));
    const settled: number[] = [];
    const results = await runInWorkers<FlakyTask, Echo>({
      module,
      tasks,
      concurrency: 2,
      onSettled: (index) => settled.push(index),
    });
    expect(results.map((r) => (r.ok ? r.value.value : null))).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(results.map((r) => (r.ok ? r.value.pid : 0))).size).toBe(2);
    expect(results.every((r) => r.ok && r.value.pid !== process.pid)).toBe(true);
    expect(settled.sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('reports a task that throws, crashes its process or hangs, and finishes the others', async () => {
    const tasks: FlakyTask[] = [
      { kind: 'echo', value: 1 },
      { kind: 'throw', message: 'bad setting' },
      { kind: 'exit' },
      { kind: 'hang' },
      { kind: 'echo', value: 5 },
    ];
    const results: Settled<Echo>[] = await runInWorkers<FlakyTask, Echo>({
      module,
      tasks,
      concurrency: 2,
      timeoutMs: 2_000,
    });
    expect(results[0]).toMatchObject({ ok: true, value: { value: 1 } });
    expect(results[1]).toEqual({ ok: false, error: 'bad setting' });
    expect(results[2]).toEqual({ ok: false, error: 'its worker process exited (code 3): dying on purpose' });
    expect(results[3]).toEqual({ ok: false, error: 'took over 2 s (the task timeout)' });
    expect(results[4]).toMatchObject({ ok: true, value: { value: 5 } });
  });
});
