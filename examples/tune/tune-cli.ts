import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { TokenCounter } from '@cairn/memory';
import { LOCAL_SUMMARIZER } from '../customer-service/cairn-context.ts';
import { writeHtmlPage } from '../lib/html-page.ts';
import { DESK_THRESHOLDS } from './desk/desk-scenario.ts';
import { parseTuneArgs, type TuneArgs, USAGE } from './parse-tune-args.ts';
import { loadRecorded } from './recorded/recorded-scenario.ts';
import { tuneReportPage } from './report/html-report.ts';
import { progressLine } from './report/progress-line.ts';
import { terminalCharts } from './report/terminal-charts.ts';
import { terminalTable } from './report/terminal-table.ts';
import { tuneJson } from './report/tune-json.ts';
import { defaultThresholds } from './sweep/default-thresholds.ts';
import { requirePrice } from './sweep/require-price.ts';
import { describeScenario, type ScenarioSpec } from './sweep/scenario.ts';
import { sweepGrid } from './sweep/sweep-grid.ts';
import { type TuneOptions, tune } from './tune.ts';

/** Where the command writes: text streams, and whether stderr is a terminal (for the progress bar). */
export interface TuneIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
}

/** `pnpm tune` / `cairn tune`: returns the exit code (0 done, 1 every point failed or a bad input, 2 bad arguments). */
export async function tuneCli(argv: readonly string[], io: TuneIo): Promise<number> {
  let args: TuneArgs | 'help';
  try {
    args = parseTuneArgs(argv);
  } catch (error) {
    io.stderr.write(`tune: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let options: TuneOptions;
  try {
    options = await resolveOptions(args);
  } catch (error) {
    io.stderr.write(`tune: ${(error as Error).message}\n`);
    return 1;
  }

  const points = sweepGrid(options).length;
  io.stderr.write(
    `Sweeping ${points} points (${options.thresholds.length} thresholds × ${options.policies.length} policies, ` +
      `summarizers ${options.summarizerModels.join(', ')}) on the ${describeScenario(options.scenario)}\n`,
  );
  const started = performance.now();
  let lastDecile = -1;
  let firstSettledMs: number | null = null;
  const report = await tune(options, (p) => {
    const elapsedMs = performance.now() - started;
    firstSettledMs ??= elapsedMs;
    const line = progressLine({ ...p, elapsedMs, firstSettledMs });
    if (io.stderr.isTTY) io.stderr.write(`\r${line}${p.done === p.total ? '\n' : ''}`);
    else if (Math.floor((10 * p.done) / p.total) > lastDecile) {
      lastDecile = Math.floor((10 * p.done) / p.total);
      io.stderr.write(`${line}\n`);
    }
  });

  io.stdout.write(`\n${terminalTable(report)}\n`);
  if (args.chart) io.stdout.write(`\n${terminalCharts(report)}\n`);
  io.stdout.write(`\nHTML report: ${await writeHtmlPage(args.htmlPath, tuneReportPage(report))}\n`);
  if (args.jsonPath !== null) {
    await writeOut(args.jsonPath, `${JSON.stringify(tuneJson(report), null, 2)}\n`);
    io.stdout.write(`JSON: ${resolve(args.jsonPath)}\n`);
  }
  io.stdout.write(`${points} points in ${(report.elapsedMs / 1000).toFixed(1)} s\n`);
  return report.measured.length > 0 ? 0 : 1;
}

/** Checks what can be checked before a sweep (models, files) and fits the thresholds to the scenario. */
async function resolveOptions(args: TuneArgs): Promise<TuneOptions> {
  requirePrice(args.model);
  for (const model of args.summarizerModels) if (model !== LOCAL_SUMMARIZER) requirePrice(model);
  let scenario: ScenarioSpec;
  let thresholds = args.thresholds;
  if (args.scenario.kind === 'desk') {
    scenario = { kind: 'desk', tickets: args.scenario.tickets, model: args.model };
    thresholds ??= DESK_THRESHOLDS;
  } else {
    const { sessionsPath, probesPath } = args.scenario;
    const { sessions } = await loadRecorded(sessionsPath, probesPath);
    const counter = new TokenCounter({ model: args.model });
    thresholds ??= defaultThresholds(counter.messages(sessions.flatMap((s) => s.messages)));
    scenario = {
      kind: 'recorded',
      sessionsPath: resolve(sessionsPath),
      probesPath: probesPath && resolve(probesPath),
      model: args.model,
    };
  }
  return {
    scenario,
    thresholds,
    policies: args.policies,
    summarizerModels: args.summarizerModels,
    floor: args.floor,
    ...(args.workers !== null && { workers: args.workers }),
    pointTimeoutMs: args.pointTimeoutMs,
  };
}

async function writeOut(path: string, text: string): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  await writeFile(path, text);
}
