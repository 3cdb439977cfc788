/**
 * Times the sweep issue 8 sets a target for: 20 thresholds × 4 policies on the five-ticket desk, run in
 * parallel on the available cores. Not a test: timings belong to the machine.
 *
 *   npx tsx examples/tune/measure-desk-sweep.ts [times]
 */
import { availableParallelism } from 'node:os';
import { DESK_THRESHOLDS } from './desk/desk-scenario.ts';
import { DEFAULT_MODEL, DEFAULT_SUMMARIZER_MODELS } from './parse-tune-args.ts';
import { POLICIES, sweepGrid } from './sweep/sweep-grid.ts';
import { settingLabel } from './sweep/sweep-point.ts';
import { type TuneOptions, tune } from './tune.ts';

const TARGET_S = 60;
const times = Number(process.argv[2] ?? 1);
const options: TuneOptions = {
  scenario: { kind: 'desk', tickets: 5, model: DEFAULT_MODEL },
  thresholds: DESK_THRESHOLDS,
  policies: POLICIES,
  summarizerModels: DEFAULT_SUMMARIZER_MODELS,
  floor: 1,
};
const points = sweepGrid(options).length;
console.log(
  `${points} points (${DESK_THRESHOLDS.length} thresholds × ${POLICIES.length} policies), ${availableParallelism()} cores`,
);
const seconds: number[] = [];
for (let i = 0; i < times; i++) {
  const report = await tune(options);
  seconds.push(report.elapsedMs / 1000);
  const failed = report.outcomes.length - report.measured.length;
  const pick = report.recommendation ? settingLabel(report.recommendation.settings) : 'none';
  console.log(`run ${i + 1}: ${seconds.at(-1)!.toFixed(1)} s, ${failed} failed, recommended ${pick}`);
}
const median = [...seconds].sort((a, b) => a - b)[Math.floor(seconds.length / 2)]!;
console.log(`median ${median.toFixed(1)} s (target under ${TARGET_S} s): ${median < TARGET_S ? 'met' : 'MISSED'}`);
