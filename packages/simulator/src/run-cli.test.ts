import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLI_PORT, parseCliArgs } from './run-cli.ts';

describe('parseCliArgs', () => {
  it('defaults to port 8765, seed 1 and no faults', () => {
    expect(parseCliArgs([])).toEqual({
      port: DEFAULT_CLI_PORT,
      seed: 1,
      faults: { random: [], script: {} },
      quiet: false,
    });
  });

  it('reads random and scripted faults', () => {
    expect(
      parseCliArgs(['--port', '0', '--seed', '9', '--fault', 'rate_limit=0.1', '--script', '3=stream_cut', '--quiet']),
    ).toEqual({
      port: 0,
      seed: 9,
      faults: {
        random: [{ fault: { type: 'rate_limit' }, probability: 0.1 }],
        script: { 3: { type: 'stream_cut' } },
      },
      quiet: true,
    });
  });

  it.each([
    [['--fault', 'meteor=0.1'], /unknown fault type "meteor"/],
    [['--script', '3'], /--script expects A=B/],
    [['--port', 'abc'], /--port must be a non-negative number/],
    [['--bogus'], /Unknown option/],
  ])('rejects %j with a message that says what is wrong', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});

describe('the cairn-sim command', () => {
  it('starts a simulator the SDK can talk to', async () => {
    const bin = fileURLToPath(new URL('../bin/cairn-sim.js', import.meta.url));
    const child = spawn(process.execPath, [bin, '--port', '0', '--quiet'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
      const baseURL = /http:\/\/127\.0\.0\.1:\d+/.exec(chunk.toString())?.[0];
      expect(baseURL).toBeDefined();
      const client = new Anthropic({ baseURL: baseURL!, apiKey: 'test', maxRetries: 0 });
      const { input_tokens } = await client.messages.countTokens({
        model: 'claude-haiku-4-5',
        messages: [{ role: 'user', content: 'Hello' }],
      });
      expect(input_tokens).toBeGreaterThan(0);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
});
