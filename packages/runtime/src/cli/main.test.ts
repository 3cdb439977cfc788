import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from './main.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('the cairn command', () => {
  it('runs `cairn-<name>` for a subcommand it does not know, with the arguments and its exit code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cairn-cli-'));
    dirs.push(dir);
    const out = join(dir, 'args.txt');
    const bin = join(dir, 'cairn-echo');
    await writeFile(bin, `#!/bin/sh\necho "$@" > "${out}"\nexit 3\n`);
    await chmod(bin, 0o755);
    const code = await main(['echo', '--flag', 'value'], {
      ...process.env,
      PATH: `${dir}${delimiter}${process.env.PATH}`,
    });
    expect(code).toBe(3);
    expect((await readFile(out, 'utf8')).trim()).toBe('--flag value');
  });

  it('says a command is unknown when no `cairn-<name>` exists', async () => {
    const code = await main(['no-such-command-anywhere'], { PATH: tmpdir() });
    expect(code).toBe(2);
  });
});
