/** `pnpm tune`: sweeps compaction settings and recommends one. `pnpm tune --help` lists the options. */
import { tuneCli } from './tune-cli.ts';

process.exitCode = await tuneCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
