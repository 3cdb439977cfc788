import { parseArgs } from 'node:util';
import {
  CAIRN_POLICIES,
  type CairnPolicy,
  DEFAULT_SUMMARIZER_MODEL,
  LOCAL_SUMMARIZER,
} from '../customer-service/cairn-context.ts';
import { DESK_MODEL } from '../customer-service/compare-runs.ts';
import { DESK_POLICY, isTunePolicy, POLICIES } from './sweep/sweep-grid.ts';
import { parseThresholds } from './sweep/thresholds.ts';

export const DEFAULT_TICKETS = 5;
/** The customer-service example's model; it prices recorded conversations too unless told otherwise. */
export const DEFAULT_MODEL = DESK_MODEL;
export const DEFAULT_SUMMARIZER_MODELS: readonly string[] = [DEFAULT_SUMMARIZER_MODEL];
/** Every ticket right on the desk; 95% of probes in view on recorded conversations. */
export const DEFAULT_FLOOR = { desk: 1, recorded: 0.95 } as const;
export const DEFAULT_HTML_PATH = 'out/tune-report.html';
export const DEFAULT_POINT_TIMEOUT_S = 120;

export const USAGE = `usage: pnpm tune [options]

Sweeps compaction thresholds × policies × summarizer models over a scenario, runs the points in
parallel, and recommends the cheapest setting whose fidelity meets a floor.

scenario (the desk unless --sessions is given)
  --tickets N              the customer-service desk with N tickets (default ${DEFAULT_TICKETS}; simulated model)
  --sessions FILE          recorded conversations: JSONL, one { "id", "messages": [...] } per line
  --probes FILE            questions about them: JSONL, one { "question", "answers": [...] } per line
  --model M                the agent's model, whose prices apply (default ${DEFAULT_MODEL})
sweep
  --thresholds SPEC        4000,8000 or 2k..40k:2k (step) or 2k..40k/20 (count)
                           (default: 20 thresholds fitted to the scenario)
  --policies P,...         ${POLICIES.join(', ')} (default: these four);
                           on the desk also ${DESK_POLICY}, the example's own (hybrid, closed tickets first)
  --summarizer-models M,...
                           models, or ${LOCAL_SUMMARIZER} for the extractive summary (default ${DEFAULT_SUMMARIZER_MODELS.join(',')})
  --floor F                fidelity to meet, 0–1 or a percentage (default: every ticket, or 95% of probes)
  --workers N              worker processes (default: the available cores)
  --point-timeout S        seconds before a point is given up (default ${DEFAULT_POINT_TIMEOUT_S})
output
  --json FILE              the points and the recommendation as JSON
  --html FILE              the HTML report (default ${DEFAULT_HTML_PATH})
  --no-chart               print the table without the terminal charts`;

/** What the command line asked for; `thresholds: null` means fitted to the scenario. */
export interface TuneArgs {
  readonly scenario:
    | { readonly kind: 'desk'; readonly tickets: number }
    | { readonly kind: 'recorded'; readonly sessionsPath: string; readonly probesPath: string | null };
  readonly model: string;
  readonly thresholds: readonly number[] | null;
  readonly policies: readonly CairnPolicy[];
  readonly summarizerModels: readonly string[];
  readonly floor: number;
  readonly workers: number | null;
  readonly pointTimeoutMs: number;
  readonly jsonPath: string | null;
  readonly htmlPath: string;
  readonly chart: boolean;
}

/** Parses `tune` arguments, or returns `'help'`; throws an error saying what to fix. */
export function parseTuneArgs(argv: readonly string[]): TuneArgs | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      help: { type: 'boolean', short: 'h' },
      tickets: { type: 'string' },
      sessions: { type: 'string' },
      probes: { type: 'string' },
      model: { type: 'string' },
      thresholds: { type: 'string' },
      policies: { type: 'string' },
      'summarizer-models': { type: 'string' },
      floor: { type: 'string' },
      workers: { type: 'string' },
      'point-timeout': { type: 'string' },
      json: { type: 'string' },
      html: { type: 'string' },
      'no-chart': { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  if (values.sessions === undefined && values.probes !== undefined) {
    throw new TypeError('--probes needs --sessions: the probes ask about recorded conversations');
  }
  if (values.sessions !== undefined && values.tickets !== undefined) {
    throw new TypeError('--tickets is for the desk and --sessions for recorded conversations: give one of them');
  }
  const scenario =
    values.sessions === undefined
      ? { kind: 'desk' as const, tickets: wholeNumber(values.tickets, '--tickets') ?? DEFAULT_TICKETS }
      : { kind: 'recorded' as const, sessionsPath: values.sessions, probesPath: values.probes ?? null };
  const policies = values.policies === undefined ? POLICIES : names(values.policies).map(policy);
  if (scenario.kind === 'recorded' && policies.includes(DESK_POLICY)) {
    throw new TypeError(
      `--policies ${DESK_POLICY} is the customer-service desk's own policy; recorded conversations take ${POLICIES.join(', ')}`,
    );
  }
  return {
    scenario,
    model: values.model ?? DEFAULT_MODEL,
    thresholds: values.thresholds === undefined ? null : parseThresholds(values.thresholds),
    policies,
    summarizerModels:
      values['summarizer-models'] === undefined ? DEFAULT_SUMMARIZER_MODELS : names(values['summarizer-models']),
    floor: values.floor === undefined ? DEFAULT_FLOOR[scenario.kind] : share(values.floor),
    workers: wholeNumber(values.workers, '--workers') ?? null,
    pointTimeoutMs: (wholeNumber(values['point-timeout'], '--point-timeout') ?? DEFAULT_POINT_TIMEOUT_S) * 1000,
    jsonPath: values.json ?? null,
    htmlPath: values.html ?? DEFAULT_HTML_PATH,
    chart: !values['no-chart'],
  };
}

function names(text: string): string[] {
  const list = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (list.length === 0) throw new TypeError(`"${text}" names nothing: give a comma-separated list`);
  return [...new Set(list)];
}

function policy(name: string): CairnPolicy {
  if (isTunePolicy(name)) return name;
  throw new TypeError(`--policies: "${name}" is not a policy; use ${CAIRN_POLICIES.join(', ')}`);
}

function wholeNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new TypeError(`${flag} must be a whole number above 0, got "${text}"`);
  return n;
}

function share(text: string): number {
  const percent = text.trim().endsWith('%');
  const n = Number(percent ? text.trim().slice(0, -1) : text) / (percent || Number(text) > 1 ? 100 : 1);
  if (!(n >= 0 && n <= 1)) throw new TypeError(`--floor must be a share (0.95) or a percentage (95%), got "${text}"`);
  return n;
}
