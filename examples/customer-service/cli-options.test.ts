import { describe, expect, it } from 'vitest';
import { DEFAULT_SUMMARIZER_MODEL } from './cairn-context.ts';
import { DEFAULT_HTML_PATH, DESK_THRESHOLD, defaultThreshold, parseCliOptions, UsageError } from './cli-options.ts';
import { DEFAULT_TICKET_SEED } from './generate-tickets.ts';

describe('parseCliOptions', () => {
  it('runs five tickets offline at the desk threshold with the desk policy by default', () => {
    expect(parseCliOptions([])).toEqual({
      tickets: 5,
      threshold: DESK_THRESHOLD,
      policy: 'desk',
      summarizerModel: DEFAULT_SUMMARIZER_MODEL,
      seed: DEFAULT_TICKET_SEED,
      live: false,
      json: undefined,
      html: DEFAULT_HTML_PATH,
      help: false,
    });
  });

  it('reads every option', () => {
    const argv = [
      '--tickets',
      '50',
      '--threshold',
      '5_000',
      '--policy',
      'hybrid',
      '--summarizer-model',
      'local',
      '--seed',
      '3',
      '--live',
      '--json',
      'a.json',
      '--html',
      'b.html',
    ];
    expect(parseCliOptions(argv)).toMatchObject({
      tickets: 50,
      threshold: 5_000,
      policy: 'hybrid',
      summarizerModel: 'local',
      seed: 3,
      live: true,
      json: 'a.json',
      html: 'b.html',
    });
  });

  it.each([
    { argv: ['--tickets', 'many'], message: '--tickets takes a whole number of at least 1, got "many"' },
    { argv: ['--threshold', '500'], message: '--threshold takes a whole number of at least 1,000, got "500"' },
    {
      argv: ['--policy', 'magic'],
      message: '--policy magic is unknown: use one of desk, hybrid, summarization, sliding-window, importance',
    },
    { argv: ['--verbose'], message: expect.stringContaining("Unknown option '--verbose'") },
  ])('refuses $argv with a UsageError saying what to type', ({ argv, message }) => {
    expect(() => parseCliOptions(argv)).toThrow(UsageError);
    expect(() => parseCliOptions(argv)).toThrow(expect.objectContaining({ message }));
  });
});

describe('defaultThreshold', () => {
  it('is the desk threshold for short queues and grows with long ones, so the log read for the report fits', () => {
    expect(defaultThreshold(5)).toBe(DESK_THRESHOLD);
    expect(defaultThreshold(50)).toBe(DESK_THRESHOLD);
    expect(defaultThreshold(200)).toBe(6_000);
    expect(defaultThreshold(201)).toBeGreaterThan(6_000);
  });
});
