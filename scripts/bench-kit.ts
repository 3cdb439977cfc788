/** Small helpers shared by the `*.bench.ts` scripts: medians of repeated runs, printed as a table. */
import { performance } from 'node:perf_hooks';

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
 * round, so that load drifting on a shared machine falls on all of them alike. Compare cases with
 * {@link medianRatio}, which pairs times taken in the same round.
 */
export async function interleave(
  cases: readonly { readonly name: string; readonly fn: () => unknown }[],
  { runs = 50, warmup = 5 }: { runs?: number; warmup?: number } = {},
): Promise<Interleaved> {
  const rounds: number[][] = [];
  for (let round = 0; round < warmup + runs; round++) {
    const times: number[] = new Array(cases.length).fill(0);
    for (let k = 0; k < cases.length; k++) {
      const index = (round + k) % cases.length;
      const start = performance.now();
      await cases[index]!.fn();
      times[index] = performance.now() - start;
    }
    if (round >= warmup) rounds.push(times);
  }
  const samples = cases.map((c, i) => {
    const times = rounds.map((r) => r[i]!).sort((a, b) => a - b);
    return { name: c.name, medianMs: quantile(times, 0.5), p90Ms: quantile(times, 0.9), runs };
  });
  return { samples, rounds };
}

/** The median over rounds of case `a`'s time divided by case `b`'s. */
export function medianRatio(measured: Interleaved, a: number, b: number): number {
  return median(measured.rounds.map((times) => times[a]! / times[b]!));
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
