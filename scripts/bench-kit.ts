/** Small helpers shared by the `*.bench.ts` scripts: medians of repeated runs, printed as a table. */
import { performance } from 'node:perf_hooks';
import { seededRandom } from '../packages/simulator/src/seeded-random.ts';

export interface Sample {
  readonly name: string;
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly runs: number;
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed, and returns the median and p90. */
export async function measure(
  name: string,
  fn: () => unknown,
  { runs = 50, warmup = 5 }: { runs?: number; warmup?: number } = {},
): Promise<Sample> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, medianMs: quantile(times, 0.5), p90Ms: quantile(times, 0.9), runs };
}

/** What {@link interleave} measured: a sample per case, and each round's times in the cases' order. */
export interface Interleaved {
  readonly samples: readonly Sample[];
  readonly rounds: readonly (readonly number[])[];
}

/**
 * Measures cases side by side: each round runs every case once, in an order that rotates from round to
 * round, so that load drifting on a shared machine falls on all of them alike. {@link ratioInterval} tells
 * how far a ratio of their medians can be trusted.
 */
export async function interleave(
  cases: readonly { readonly name: string; readonly fn: () => unknown }[],
  { runs = 50, warmup = 5 }: { runs?: number; warmup?: number } = {},
): Promise<Interleaved> {
  const rounds: number[][] = [];
  const total = warmup + runs;
  for (let round = 0; round < total; round++) {
    showProgress(round, total);
    const times: number[] = new Array(cases.length).fill(0);
    for (let k = 0; k < cases.length; k++) {
      const index = (round + k) % cases.length;
      const start = performance.now();
      await cases[index]!.fn();
      times[index] = performance.now() - start;
    }
    if (round >= warmup) rounds.push(times);
  }
  showProgress(total, total);
  const samples = cases.map((c, i) => {
    const times = rounds.map((r) => r[i]!).sort((a, b) => a - b);
    return { name: c.name, medianMs: quantile(times, 0.5), p90Ms: quantile(times, 0.9), runs };
  });
  return { samples, rounds };
}

/** On a terminal, the round under way on one line of standard error, cleared once all are done. */
function showProgress(round: number, total: number): void {
  if (!process.stderr.isTTY) return;
  process.stderr.write(round < total ? `\r  round ${round + 1} of ${total}` : '\r\x1b[K');
}

/**
 * A 95% interval for the ratio of case `a`'s median time to case `b`'s: the rounds resampled with replacement
 * (each round's times kept together), from a fixed seed, so that the same rounds give the same interval.
 */
export function ratioInterval(measured: Interleaved, a: number, b: number, resamples = 2_000): [number, number] {
  const random = seededRandom(1);
  const { rounds } = measured;
  const ratios: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const picked = rounds.map(() => rounds[Math.floor(random() * rounds.length)]!);
    ratios.push(median(picked.map((times) => times[a]!)) / median(picked.map((times) => times[b]!)));
  }
  ratios.sort((x, y) => x - y);
  return [quantile(ratios, 0.025), quantile(ratios, 0.975)];
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.floor(q * sorted.length));
  return sorted[index]!;
}

export function median(values: readonly number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/** Prints samples as aligned rows: name, median, p90 and runs. */
export function report(title: string, samples: readonly Sample[]): void {
  console.log(title);
  const width = Math.max(...samples.map((s) => s.name.length));
  for (const s of samples) {
    console.log(
      `  ${s.name.padEnd(width)}  median ${fmt(s.medianMs).padStart(10)}  p90 ${fmt(s.p90Ms).padStart(10)}  (${s.runs} runs)`,
    );
  }
}

function fmt(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`;
}
