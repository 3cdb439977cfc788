import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlPage } from '../lib/html-page.ts';
import { DEFAULT_SUMMARIZER_MODEL } from './cairn-context.ts';
import { DESK_THRESHOLD } from './cli-options.ts';
import { type Comparison, compareRuns } from './compare-runs.ts';
import { comparisonJson } from './comparison-json.ts';
import { comparisonPage } from './comparison-page.ts';
import { DEFAULT_TICKET_SEED } from './generate-tickets.ts';
import { type ModelConnection, openModel } from './model-connection.ts';
import { inputWithSummaries, type RunFigures } from './run-figures.ts';

let model: ModelConnection;
let workDir: string;
let comparison: Comparison;

const compare = (threshold: number) =>
  compareRuns({
    client: model.client,
    source: model.source,
    tickets: 5,
    seed: DEFAULT_TICKET_SEED,
    threshold,
    policy: 'desk',
    summarizerModel: DEFAULT_SUMMARIZER_MODEL,
    workDir: join(workDir, `threshold-${threshold}`),
  });

beforeAll(async () => {
  model = await openModel({ live: false, apiKey: undefined });
  workDir = await mkdtemp(join(tmpdir(), 'customer-service-'));
  comparison = await compare(DESK_THRESHOLD);
});

afterAll(async () => {
  await model?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const figures = (name: string) => comparison.runs.find((r) => r.figures.name === name)!.figures as RunFigures;

describe('the five-ticket comparison against the simulator, through the real SDK', () => {
  it('ends with a correct final report from cairn, and work on the desk identical to the baseline’s', () => {
    const cairn = comparison.runs.find((r) => r.figures.name === 'cairn')!;
    expect(cairn.trace.outcome).toEqual({ type: 'done' });
    expect(cairn.check).toEqual({ correct: true, problems: [] });
    expect(cairn.deskProblems).toEqual([]);
    expect(cairn.draftsAsBaseline).toBe(5);
  });

  it('meets the targets: below the cookbook, within 15% of the floor, as many turns as the baseline', () => {
    const cairn = inputWithSummaries(figures('cairn'));
    expect(cairn).toBeLessThan(inputWithSummaries(figures('cookbook')));
    expect(cairn).toBeLessThanOrEqual(1.15 * comparison.floor!.figures.inputTokens);
    expect(figures('cairn').turns).toBe(figures('baseline').turns);
    expect(figures('baseline')).toMatchObject({ turns: 37, reportCorrect: true, compactions: 0 });
  });

  it.each([3_600, 8_000])(
    'meets them at a threshold of %i too: each ticket leaves the view as it closes',
    async (t) => {
      const other = await compare(t);
      const run = (name: string) => other.runs.find((r) => r.figures.name === name)!.figures as RunFigures;
      expect(inputWithSummaries(run('cairn'))).toBeLessThan(inputWithSummaries(run('cookbook')));
      expect(inputWithSummaries(run('cairn'))).toBeLessThanOrEqual(1.15 * other.floor!.figures.inputTokens);
      expect(run('cairn')).toMatchObject({ turns: run('baseline').turns, reportCorrect: true });
    },
  );

  it('writes the JSON in the issue’s shape: three runs and the floor, nothing else', () => {
    const json = comparisonJson(comparison);
    expect(Object.keys(json)).toEqual(['tickets', 'threshold', 'runs']);
    expect(json).toMatchObject({ tickets: 5, threshold: DESK_THRESHOLD });
    expect(json.runs.map((r) => r.name)).toEqual(['baseline', 'cookbook', 'cairn', 'floor']);
    const keys = [
      'name',
      'turns',
      'inputTokens',
      'outputTokens',
      'summarizerInputTokens',
      'summarizerOutputTokens',
      'compactions',
      'peakContextTokens',
      'costUsd',
      'costUsdCached',
      'reportCorrect',
    ];
    for (const run of json.runs) expect(Object.keys(run)).toEqual(keys);
    const floor = json.runs[3]!;
    expect(floor).toMatchObject({
      turns: figures('cairn').turns,
      inputTokens: expect.any(Number),
      costUsd: null,
      reportCorrect: null,
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('plots on the HTML page exactly the figures of the JSON: every turn, each compaction, the floor', () => {
    const [chart] = htmlPage(comparisonPage(comparison)).match(/<svg[\s\S]*?<\/svg>/g)!;
    const series = new Map(
      [...chart!.matchAll(/data-type="(\w+)" data-series="([^"]+)" data-points="([^"]*)"/g)].map(
        ([, type, name, data]) => [
          name!,
          {
            type,
            ys: data!
              .split(' ')
              .filter(Boolean)
              .map((p) => Number(p.split(',').at(-1))),
          },
        ],
      ),
    );
    for (const run of comparisonJson(comparison).runs) {
      const line = series.get(run.name)!;
      expect(line.type).toBe('line');
      expect(line.ys).toHaveLength(run.turns);
      expect(line.ys.reduce((a, b) => a + b, 0)).toBe(run.inputTokens);
      if (run.name === 'floor') continue;
      expect(Math.max(...line.ys)).toBe(run.peakContextTokens);
      expect(series.get(`${run.name} compactions`)?.ys.length ?? 0).toBe(run.compactions);
    }
    expect(series.get(`threshold ${DESK_THRESHOLD.toLocaleString('en-US')}`)).toEqual({
      type: 'rule',
      ys: [DESK_THRESHOLD],
    });
  });
});
