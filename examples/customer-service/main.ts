/**
 * `pnpm example`: the customer-service comparison from the command line. Reads the environment here and
 * nowhere else. Offline by default; `--live` runs the same against Claude.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { writeHtmlPage } from '../lib/html-page.ts';
import { parseCliOptions, USAGE, UsageError } from './cli-options.ts';
import { compareRuns } from './compare-runs.ts';
import { comparisonJson } from './comparison-json.ts';
import { comparisonPage } from './comparison-page.ts';
import { formatComparison } from './format-comparison.ts';
import { openModel } from './model-connection.ts';
import { progressReporter } from './progress-line.ts';

async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const options = parseCliOptions(argv);
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const model = await openModel({ live: options.live, apiKey: env.ANTHROPIC_API_KEY });
  const workDir = await mkdtemp(join(tmpdir(), 'cairn-customer-service-'));
  const progress = progressReporter(process.stderr);
  try {
    console.log(
      model.source === 'simulator'
        ? 'Running offline against the simulated model (not Claude): pass --live to use Claude.\n'
        : 'Running against Claude: this makes real API calls and costs money.\n',
    );
    const comparison = await compareRuns({
      client: model.client,
      source: model.source,
      tickets: options.tickets,
      seed: options.seed,
      threshold: options.threshold,
      policy: options.policy,
      summarizerModel: options.summarizerModel,
      workDir,
      onTurn: (p) => progress.turn(p),
    });
    progress.end();
    console.log(formatComparison(comparison));
    const page = await writeHtmlPage(options.html, comparisonPage(comparison));
    console.log(`\nChart and table: ${page}`);
    if (options.json) {
      const file = resolve(options.json);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, `${JSON.stringify(comparisonJson(comparison), null, 2)}\n`);
      console.log(`Figures as JSON: ${file}`);
    }
  } finally {
    await model.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2), process.env).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof UsageError ? `${message}\n\n${USAGE}` : `customer-service example failed: ${message}`);
  process.exitCode = 1;
});
