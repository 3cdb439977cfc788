import { describe, expect, it } from 'vitest';
import { DEFAULT_HTML_PATH, DEFAULT_MODEL, parseTuneArgs } from './parse-tune-args.ts';

describe('parseTuneArgs', () => {
  it('sweeps the five-ticket desk by default, the four runtime policies, every ticket right', () => {
    expect(parseTuneArgs([])).toEqual({
      scenario: { kind: 'desk', tickets: 5 },
      model: DEFAULT_MODEL,
      thresholds: null,
      policies: ['sliding-window', 'importance', 'summarization', 'hybrid'],
      summarizerModels: ['claude-haiku-4-5'],
      floor: 1,
      workers: null,
      pointTimeoutMs: 120_000,
      jsonPath: null,
      htmlPath: DEFAULT_HTML_PATH,
      chart: true,
    });
  });

  it('reads recorded conversations with probes, a 95% floor by default, and every option', () => {
    const args = parseTuneArgs([
      '--sessions',
      's.jsonl',
      '--probes',
      'p.jsonl',
      '--thresholds',
      '2k..4k:1k',
      '--policies',
      'hybrid,summarization',
      '--summarizer-models',
      'local,claude-haiku-4-5',
      '--workers',
      '3',
      '--point-timeout',
      '30',
      '--json',
      'o.json',
      '--no-chart',
    ]);
    expect(args).toMatchObject({
      scenario: { kind: 'recorded', sessionsPath: 's.jsonl', probesPath: 'p.jsonl' },
      thresholds: [2_000, 3_000, 4_000],
      policies: ['hybrid', 'summarization'],
      summarizerModels: ['local', 'claude-haiku-4-5'],
      floor: 0.95,
      workers: 3,
      pointTimeoutMs: 30_000,
      jsonPath: 'o.json',
      chart: false,
    });
  });

  it.each([
    ['0.9', 0.9],
    ['90%', 0.9],
    ['90', 0.9],
    ['1', 1],
  ])('reads the floor %s as %d', (text, floor) => {
    expect(parseTuneArgs(['--floor', text])).toMatchObject({ floor });
  });

  it.each([
    [['--probes', 'p.jsonl'], '--probes needs --sessions'],
    [['--sessions', 's.jsonl', '--tickets', '5'], 'give one of them'],
    [['--tickets', '0'], '--tickets must be a whole number above 0, got "0"'],
    [['--floor', '120%'], '--floor must be a share (0.95) or a percentage (95%), got "120%"'],
    [['--policies', ','], '"," names nothing'],
    [['--thresholds', 'x'], '"x" is not a positive whole number of tokens'],
    [['--colour'], "Unknown option '--colour'"],
  ])('rejects %j, saying what to fix', (argv, message) => {
    expect(() => parseTuneArgs(argv)).toThrow(message);
  });

  it('answers --help', () => {
    expect(parseTuneArgs(['--help'])).toBe('help');
  });
});
