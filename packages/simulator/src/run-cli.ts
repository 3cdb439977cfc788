import { parseArgs } from 'node:util';
import type { Fault, FaultPlan, FaultType } from './fault-plan.ts';
import { seededRandom } from './seeded-random.ts';
import { DEFAULT_SEED, type RecordedRequest, startSimulator } from './start-simulator.ts';

/** The port `cairn-sim` listens on unless told otherwise. */
export const DEFAULT_CLI_PORT = 8765;

const FAULT_TYPES: readonly FaultType[] = ['rate_limit', 'overloaded', 'api_error', 'stream_cut', 'slow_first_byte'];

export const USAGE = `Usage: cairn-sim [--port ${DEFAULT_CLI_PORT}] [--seed ${DEFAULT_SEED}] [--fault TYPE=PROBABILITY]... [--script N=TYPE]... [--quiet]

Starts the Cairn Messages API simulator on 127.0.0.1.
  --port N               port to listen on (0 picks a free one)
  --seed N               seed of the random faults
  --fault TYPE=P         inject TYPE into each request with probability P (repeatable)
  --script N=TYPE        inject TYPE into the Nth POST /v1/messages (repeatable)
  --quiet                do not log requests
Fault types: ${FAULT_TYPES.join(', ')}.`;

/** What `cairn-sim` was asked to do. */
export interface CliOptions {
  readonly port: number;
  readonly seed: number;
  readonly faults: FaultPlan;
  readonly quiet: boolean;
}

/** Parses `cairn-sim` arguments; throws an `Error` whose message includes the usage when they are wrong. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      fault: { type: 'string', multiple: true },
      script: { type: 'string', multiple: true },
      quiet: { type: 'boolean' },
    },
    strict: true,
  });
  const random = (values.fault ?? []).map((spec) => {
    const [type, probability] = pair(spec, '--fault');
    return { fault: fault(type), probability: number(probability, '--fault probability') };
  });
  const script: Record<number, Fault> = {};
  for (const spec of values.script ?? []) {
    const [n, type] = pair(spec, '--script');
    script[number(n, '--script request number')] = fault(type);
  }
  return {
    port: values.port === undefined ? DEFAULT_CLI_PORT : number(values.port, '--port'),
    seed: values.seed === undefined ? DEFAULT_SEED : number(values.seed, '--seed'),
    faults: { random, script },
    quiet: values.quiet === true,
  };
}

/** Runs `cairn-sim` until SIGINT or SIGTERM. */
export async function runCli(argv: readonly string[]): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    console.error(`cairn-sim: ${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const simulator = await startSimulator({
    port: options.port,
    faults: options.faults,
    rng: seededRandom(options.seed),
    ...(options.quiet ? {} : { onRequest: (r: RecordedRequest) => console.log(describe(r)) }),
  });
  console.log(`cairn-sim: simulated Messages API on ${simulator.baseURL} (deterministic support-desk model)`);
  console.log(`  export ANTHROPIC_BASE_URL=${simulator.baseURL} ANTHROPIC_API_KEY=sim`);
  const stop = (): void => void simulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function describe(r: RecordedRequest): string {
  const u = r.usage;
  const usage = u
    ? ` in=${u.input_tokens} cache_write=${u.cache_creation_input_tokens} cache_read=${u.cache_read_input_tokens} out=${u.output_tokens}`
    : '';
  return `${r.status} POST ${r.path}${r.fault ? ` fault=${r.fault}` : ''}${usage}`;
}

function pair(spec: string, flag: string): [string, string] {
  const at = spec.indexOf('=');
  if (at < 0) throw new Error(`${flag} expects A=B, got "${spec}"`);
  return [spec.slice(0, at), spec.slice(at + 1)];
}

function fault(type: string): Fault {
  if (!(FAULT_TYPES as readonly string[]).includes(type)) {
    throw new Error(`unknown fault type "${type}"; use one of ${FAULT_TYPES.join(', ')}`);
  }
  return { type } as Fault;
}

function number(text: string, what: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0)
    throw new Error(`${what} must be a non-negative number, got "${text}"`);
  return value;
}
