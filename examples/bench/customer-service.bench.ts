/**
 * The offline five-ticket comparison (target: under 10 s on this 2-core machine): `compareRuns` warm, in
 * process, and `pnpm example` as a user runs it, a cold process from start to exit.
 * `npx tsx scripts/bench.ts customer-service` from the repository root.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, report } from '../../scripts/bench-kit.ts';
import { DEFAULT_SUMMARIZER_MODEL } from '../customer-service/cairn-context.ts';
import { DESK_THRESHOLD } from '../customer-service/cli-options.ts';
import { compareRuns } from '../customer-service/compare-runs.ts';
import { DEFAULT_TICKET_SEED } from '../customer-service/generate-tickets.ts';
import { openModel } from '../customer-service/model-connection.ts';

const model = await openModel({ live: false, apiKey: undefined });
const seconds: Record<string, number[]> = { baseline: [], cookbook: [], cairn: [] };

const warm = await measure(
  'compareRuns, 5 tickets (in process)',
  async () => {
    const workDir = await mkdtemp(join(tmpdir(), 'customer-service-bench-'));
    try {
      const comparison = await compareRuns({
        client: model.client,
        source: model.source,
        tickets: 5,
        seed: DEFAULT_TICKET_SEED,
        threshold: DESK_THRESHOLD,
        policy: 'desk',
        summarizerModel: DEFAULT_SUMMARIZER_MODEL,
        workDir,
      });
      for (const run of comparison.runs) seconds[run.trace.name]!.push(run.trace.seconds);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  },
  { runs: 5, warmup: 1 },
);
await model.close();

const main = new URL('../customer-service/main.ts', import.meta.url).pathname;
const htmlDir = await mkdtemp(join(tmpdir(), 'customer-service-bench-'));
const cold = await measure(
  'pnpm example (a cold process)',
  () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', main, '--html', join(htmlDir, 'page.html')], {
      stdio: 'ignore',
    });
    if (run.status !== 0) throw new Error(`the example exited with ${run.status}`);
  },
  { runs: 3, warmup: 0 },
);
await rm(htmlDir, { recursive: true, force: true });

report('customer-service: the offline five-ticket comparison', [warm, cold]);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(
  `  per run (median): ${Object.entries(seconds)
    .map(([name, values]) => `${name} ${median(values.slice(1)).toFixed(2)} s`)
    .join(', ')}`,
);
