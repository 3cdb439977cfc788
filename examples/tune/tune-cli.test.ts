import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_TITLES } from './report/tune-charts.ts';
import type { TuneJson } from './report/tune-json.ts';
import { plottedSeries } from './testing/plotted-series.ts';
import { tuneCli } from './tune-cli.ts';

const data = new URL('./data/', import.meta.url).pathname;

async function runCli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await tuneCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe('tune on the BFCL sample', () => {
  let out: { code: number; stdout: string; stderr: string };
  let json: TuneJson;
  let html: string;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tune-'));
    out = await runCli([
      '--sessions',
      join(data, 'bfcl-customer.sessions.jsonl'),
      '--probes',
      join(data, 'bfcl-customer.probes.jsonl'),
      '--thresholds',
      '100,4k,16k',
      '--policies',
      'sliding-window,hybrid',
      '--summarizer-models',
      'local,claude-haiku-4-5',
      '--floor',
      '90%',
      '--workers',
      '2',
      '--json',
      join(dir, 'tune.json'),
      '--html',
      join(dir, 'tune.html'),
    ]);
    json = JSON.parse(await readFile(join(dir, 'tune.json'), 'utf8')) as TuneJson;
    html = await readFile(join(dir, 'tune.html'), 'utf8');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('measures every point but those whose threshold is below one message, which it reports without stopping', () => {
    expect(out.code).toBe(0);
    expect(json.points).toHaveLength(6);
    expect(out.stdout).toContain('3 of 9 points failed:');
    expect(out.stdout).toMatch(/sliding-window @ 100: pinned content needs \d+ tokens .*raise the threshold/);
    expect(out.stderr).toMatch(/\[█+\] 9\/9 points · 3 failed · [\d.]+ s · done/);
  });

  it('writes the JSON in the documented shape', () => {
    for (const point of json.points) {
      expect(Object.keys(point)).toEqual([
        'policy',
        'threshold',
        'summarizerModel',
        'inputTokens',
        'outputTokens',
        'peakContextTokens',
        'compactions',
        'costUsd',
        'costUsdCached',
        'fidelity',
      ]);
    }
    expect(Object.keys(json.recommendation!)).toEqual(['policy', 'threshold', 'summarizerModel', 'reason']);
  });

  it('keeps every probe above the whole conversation, fewer in a sliding window, and recommends the cheapest at the floor', () => {
    const whole = json.points.filter((p) => p.threshold === 16_000);
    expect(whole.every((p) => p.fidelity === 1 && p.compactions === 0)).toBe(true);
    const compacted = json.points.filter((p) => p.threshold === 4_000);
    expect(compacted.every((p) => p.compactions > 0 && p.peakContextTokens <= 4_000)).toBe(true);
    expect(compacted.find((p) => p.policy === 'sliding-window')!.fidelity).toBeLessThan(0.9);

    const passing = json.points.filter((p) => p.fidelity! >= 0.9);
    const cheapest = Math.min(...passing.map((p) => p.costUsdCached));
    const { policy, threshold, summarizerModel } = json.recommendation!;
    const pick = json.points.find(
      (p) => p.policy === policy && p.threshold === threshold && p.summarizerModel === summarizerModel,
    )!;
    expect(pick.costUsdCached).toBe(cheapest);
    expect(json.recommendation!.reason).toMatch(/ with at least 90% of probes in view: /);
    expect(out.stdout).toContain(`Recommendation: ${json.recommendation!.policy} @ `);
    expect(out.stdout).toContain(json.recommendation!.reason);
  });

  it('counts the model summarizer’s tokens and cost, and none for the local one', () => {
    const at4k = (model: string) => json.points.find((p) => p.threshold === 4_000 && p.summarizerModel === model)!;
    expect(at4k('claude-haiku-4-5').inputTokens).toBeGreaterThan(at4k('local').inputTokens);
    expect(at4k('claude-haiku-4-5').costUsd).toBeGreaterThan(at4k('local').costUsd);
  });

  it('plots in the HTML report exactly the figures of the JSON', () => {
    const series = plottedSeries(html);
    const name = (p: TuneJson['points'][number]) =>
      p.summarizerModel ? `${p.policy} · ${p.summarizerModel}` : p.policy;
    const expected = (x: (p: TuneJson['points'][number]) => number, y: (p: TuneJson['points'][number]) => number) =>
      [...new Set(json.points.map(name))].map((n) => ({
        name: n,
        points: json.points.filter((p) => name(p) === n).map((p) => [x(p), y(p)]),
      }));
    const lines = (chart: string, type = 'line') =>
      series.filter((s) => s.chart === chart && s.type === type).map((s) => ({ name: s.name, points: s.points }));

    expect(lines(CHART_TITLES.costCached)).toEqual(
      expected(
        (p) => p.threshold,
        (p) => p.costUsdCached,
      ),
    );
    expect(lines(CHART_TITLES.cost)).toEqual(
      expected(
        (p) => p.threshold,
        (p) => p.costUsd,
      ),
    );
    expect(lines(CHART_TITLES.fidelity)).toEqual(
      expected(
        (p) => p.threshold,
        (p) => p.fidelity!,
      ),
    );
    expect(lines(CHART_TITLES.pareto, 'scatter')).toEqual(
      expected(
        (p) => p.costUsdCached,
        (p) => p.fidelity!,
      ),
    );
    const front: number[][] = [];
    for (const p of [...json.points].sort((a, b) => a.costUsdCached - b.costUsdCached || b.fidelity! - a.fidelity!)) {
      if (front.length === 0 || p.fidelity! > front.at(-1)![1]!) front.push([p.costUsdCached, p.fidelity!]);
    }
    expect(lines(CHART_TITLES.pareto).find((s) => s.name === 'Pareto front')!.points).toEqual(front);
    const pick = json.points.find(
      (p) =>
        p.policy === json.recommendation!.policy &&
        p.threshold === json.recommendation!.threshold &&
        p.summarizerModel === json.recommendation!.summarizerModel,
    )!;
    const marked = series.filter((s) => s.type === 'markers' && s.name === 'recommended');
    expect(marked.map((s) => [s.chart, s.points])).toEqual([
      [CHART_TITLES.costCached, [[pick.threshold, pick.costUsdCached]]],
      [CHART_TITLES.cost, [[pick.threshold, pick.costUsd]]],
      [CHART_TITLES.fidelity, [[pick.threshold, pick.fidelity]]],
      [CHART_TITLES.pareto, [[pick.costUsdCached, pick.fidelity]]],
    ]);
  });

  it('writes an HTML report that needs nothing from the network', () => {
    expect(html).not.toMatch(/<script|<link|src="http|href="http|url\(http/);
    expect(html).toContain('How the figures were measured');
  });
});

describe('tune arguments', () => {
  it('explains a mistake and shows the usage, with exit code 2', async () => {
    const { code, stderr } = await runCli(['--policies', 'fifo']);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^tune: --policies: "fifo" is not a policy; use desk, hybrid, summarization, sliding-window, importance\n\nusage:/,
    );
  });

  it('keeps the desk policy for the desk', async () => {
    const { code, stderr } = await runCli(['--sessions', 'any.jsonl', '--policies', 'desk']);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^tune: --policies desk is the customer-service desk's own policy; recorded conversations take /,
    );
  });

  it('refuses a sessions file that is not recorded conversations before sweeping, naming the line', async () => {
    const { code, stderr } = await runCli(['--sessions', join(data, 'bfcl-customer.probes.jsonl')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^tune: .*bfcl-customer\.probes\.jsonl line 1: expected \{ "id"\?: string, "messages"/);
  });
});
