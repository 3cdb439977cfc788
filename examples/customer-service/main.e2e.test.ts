import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const MAIN = new URL('./main.ts', import.meta.url).pathname;
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Runs the example's entry file as `pnpm example` does, without ANTHROPIC_API_KEY. */
function example(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { ANTHROPIC_API_KEY: _, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('pnpm example', () => {
  it('says plainly that the model is simulated, prints the four rows and writes the page and the JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'customer-service-cli-'));
    dirs.push(dir);
    const { code, stdout } = await example([
      '--tickets',
      '2',
      '--json',
      join(dir, 'figures.json'),
      '--html',
      join(dir, 'page.html'),
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('Running offline against the simulated model (not Claude)');
    expect(stdout).toMatch(/^baseline\s+\d+/m);
    expect(stdout).toMatch(/^cookbook\s+\d+/m);
    expect(stdout).toMatch(/^cairn\s+\d+/m);
    expect(stdout).toMatch(/^floor\s+\d+/m);
    const json = JSON.parse(await readFile(join(dir, 'figures.json'), 'utf8'));
    expect(json).toMatchObject({
      tickets: 2,
      runs: [{ name: 'baseline' }, { name: 'cookbook' }, { name: 'cairn' }, { name: 'floor' }],
    });
    expect(await readFile(join(dir, 'page.html'), 'utf8')).toContain('<svg');
  });

  it('refuses --live without ANTHROPIC_API_KEY and says how to fix it', async () => {
    const { code, stderr } = await example(['--live']);
    expect(code).toBe(1);
    expect(stderr).toContain('--live runs against Claude and needs an API key: set ANTHROPIC_API_KEY');
  });

  it('answers a mistyped option with what is wrong and the usage', async () => {
    const { code, stderr } = await example(['--tickets', 'lots']);
    expect(code).toBe(1);
    expect(stderr).toContain('--tickets takes a whole number of at least 1, got "lots"');
    expect(stderr).toContain('Usage: pnpm example');
  });
});
