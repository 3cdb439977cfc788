import { parseArgs } from 'node:util';
import { CAIRN_POLICIES, type CairnPolicy, DEFAULT_SUMMARIZER_MODEL } from './cairn-context.ts';
import { DEFAULT_TICKET_SEED } from './generate-tickets.ts';

/** What `pnpm example` was asked to do. */
export interface CliOptions {
  readonly tickets: number;
  readonly threshold: number;
  readonly policy: CairnPolicy;
  readonly summarizerModel: string;
  readonly seed: number;
  readonly live: boolean;
  readonly json: string | undefined;
  readonly html: string;
  readonly help: boolean;
}

/** A command line that cannot be run; the message says what to type instead. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export const DEFAULT_TICKETS = 5;
export const DEFAULT_HTML_PATH = 'out/customer-service.html';
/**
 * The threshold for short queues: the cookbook notebook's own, so that its approach runs as published. Cairn's
 * desk policy drops each ticket as it closes, under any threshold above the fixed prompt (≈1.65K tokens)
 * plus the largest ticket (≈1.8K).
 */
export const DESK_THRESHOLD = 5_000;
/** What the memory log grows by per ticket, and the fixed prompt, in tokens: the log is read whole at the end. */
const LOG_TOKENS_PER_TICKET = 20;
const FIXED_PROMPT_TOKENS = 2_000;

export const USAGE = `Usage: pnpm example [options]

Works a seeded queue of support tickets three times, on the same tickets: with no compaction (baseline),
with the cookbook's compaction_control (cookbook) and with Cairn (cairn), then prints the comparison and
writes an HTML page with the context of every turn. Offline by default, against the built-in simulator.

  --tickets N             tickets in the queue (default ${DEFAULT_TICKETS})
  --threshold T           tokens at which cookbook and cairn compact (default ${DESK_THRESHOLD.toLocaleString('en-US')}, more for long
                          queues so that the ticket log read for the final report fits)
  --policy P              Cairn's policy: ${CAIRN_POLICIES.join(', ')} (default desk)
  --summarizer-model M    model of Cairn's summaries, or "local" for an extractive one (default ${DEFAULT_SUMMARIZER_MODEL})
  --seed N                seed of the ticket queue (default ${DEFAULT_TICKET_SEED})
  --live                  run against Claude instead of the simulator; needs ANTHROPIC_API_KEY
  --json FILE             also write the figures as JSON
  --html FILE             where to write the HTML page (default ${DEFAULT_HTML_PATH})
  --help                  show this help`;

/** The default threshold for a queue of `tickets`: `DESK_THRESHOLD`, raised so that the final log read fits. */
export function defaultThreshold(tickets: number): number {
  const needed = FIXED_PROMPT_TOKENS + LOG_TOKENS_PER_TICKET * tickets;
  return Math.max(DESK_THRESHOLD, Math.ceil(needed / 500) * 500);
}

/** Reads the command line; throws a `UsageError` saying what is wrong and what to type instead. */
export function parseCliOptions(argv: readonly string[]): CliOptions {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}; see --help`);
  }
  const tickets = wholeNumber(values.tickets, '--tickets', DEFAULT_TICKETS, 1);
  const policy = values.policy ?? 'desk';
  if (!(CAIRN_POLICIES as readonly string[]).includes(policy)) {
    throw new UsageError(`--policy ${policy} is unknown: use one of ${CAIRN_POLICIES.join(', ')}`);
  }
  return {
    tickets,
    threshold: wholeNumber(values.threshold, '--threshold', defaultThreshold(tickets), 1_000),
    policy: policy as CairnPolicy,
    summarizerModel: values['summarizer-model'] ?? DEFAULT_SUMMARIZER_MODEL,
    seed: wholeNumber(values.seed, '--seed', DEFAULT_TICKET_SEED, 0),
    live: values.live ?? false,
    json: values.json,
    html: values.html ?? DEFAULT_HTML_PATH,
    help: values.help ?? false,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      tickets: { type: 'string' },
      threshold: { type: 'string' },
      policy: { type: 'string' },
      'summarizer-model': { type: 'string' },
      seed: { type: 'string' },
      live: { type: 'boolean' },
      json: { type: 'string' },
      html: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function wholeNumber(text: string | undefined, flag: string, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < min) {
    throw new UsageError(`${flag} takes a whole number of at least ${min.toLocaleString('en-US')}, got "${text}"`);
  }
  return value;
}
