/**
 * `pnpm bench`: runs every `packages/<name>/bench/*.bench.ts` and `examples/** /bench/*.bench.ts`
 * in its own process, one after another, so that one benchmark's garbage does not skew the next.
 * Pass a substring to run only the matching files: `pnpm bench memory`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filter = process.argv[2] ?? '';

function benchFiles(dir: string): string[] {
  const benchDir = join(dir, 'bench');
  if (!existsSync(benchDir)) return [];
  return readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => join(benchDir, f));
}

const packages = readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p));
const files = [...packages, join(root, 'examples')].flatMap(benchFiles).filter((f) => f.includes(filter));

if (files.length === 0) {
  console.error(`bench: no benchmark matches "${filter}"`);
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  console.log(`\n── ${file.slice(root.length)} ──`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', file], {
    stdio: 'inherit',
    cwd: root,
  });
  if (run.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
