import { readFile } from 'node:fs/promises';
import { extractiveSummarizer, type Summarizer, type SummaryResult, TokenCounter } from '@cairn/memory';
import { type ModelClient, type ModelPrice, modelSummarizer, priceCall, resolvePolicy } from '@cairn/runtime';
import { LOCAL_SUMMARIZER } from '../../customer-service/cairn-context.ts';
import type { LazySimulator } from '../sweep/lazy-simulator.ts';
import type { Scenario } from '../sweep/scenario.ts';
import type { PointFigures, PointSettings } from '../sweep/sweep-point.ts';
import { type Probe, parseProbes, parseSessions, type RecordedSession } from './recorded-conversation.ts';
import { replayConversations } from './replay-conversations.ts';

/** What measuring recorded conversations needs besides the conversations. */
export interface RecordedDeps {
  /** The model the conversations were held with. */
  readonly model: string;
  readonly price: ModelPrice;
  readonly minCacheableTokens: number;
  /** Prices a summarizer model, or throws saying how to add it. */
  readonly priceOf: (model: string) => ModelPrice;
  /** A simulator for the model summarizers of one point, started only if one is called. */
  readonly simulator: () => LazySimulator;
}

/** Reads and checks a sessions file and an optional probe file. */
export async function loadRecorded(
  sessionsPath: string,
  probesPath: string | null,
): Promise<{ sessions: RecordedSession[]; probes: Probe[] }> {
  const sessions = parseSessions(await readFile(sessionsPath, 'utf8'), sessionsPath);
  const probes = probesPath === null ? [] : parseProbes(await readFile(probesPath, 'utf8'), probesPath);
  return { sessions, probes };
}

/**
 * Recorded conversations as a scenario. There is no agent: cost is what the requests of the recorded
 * conversation would send (the context at each user message, priced as input, with prompt caching
 * estimated by `cacheSplit`), plus the recorded assistant messages as output, plus the summarizer's calls
 * as billed. Fidelity is probe survival.
 */
export function recordedScenario(
  data: { readonly sessions: readonly RecordedSession[]; readonly probes: readonly Probe[] },
  deps: RecordedDeps,
): Scenario {
  const counter = new TokenCounter({ model: deps.model });
  return {
    async measure(settings: PointSettings): Promise<PointFigures> {
      const { policy } = settings;
      if (policy === 'desk') {
        throw new TypeError('the desk policy needs the desk: recorded conversations have no tickets');
      }
      const calls: SummaryResult[] = [];
      const simulator = deps.simulator();
      const replay = await replayConversations({
        ...data,
        policy: resolvePolicy(
          { policy },
          summarizerFor(settings.summarizerModel, counter, calls, () => simulator.client()),
        ),
        threshold: settings.threshold,
        counter,
        minCacheableTokens: deps.minCacheableTokens,
      }).finally(() => simulator.close());
      const main = priceCall(
        'main',
        deps.model,
        {
          input_tokens: replay.cache.uncached,
          output_tokens: replay.outputTokens,
          cache_read_input_tokens: replay.cache.read,
          cache_creation_input_tokens: replay.cache.write,
        },
        deps.price,
        new Date(0),
      );
      const billed = calls.map((call) => priceSummary(call, deps));
      const summarizerInputTokens = billed.reduce((sum, b) => sum + b.input, 0);
      const summarizerOutputTokens = billed.reduce((sum, b) => sum + b.output, 0);
      return {
        turns: replay.requests,
        inputTokens: replay.inputTokens + summarizerInputTokens,
        outputTokens: replay.outputTokens + summarizerOutputTokens,
        summarizerInputTokens,
        summarizerOutputTokens,
        peakContextTokens: replay.peakContextTokens,
        compactions: replay.compactions,
        costUsd: main.costUsdUncached + billed.reduce((sum, b) => sum + b.costUsdUncached, 0),
        costUsdCached: main.costUsd + billed.reduce((sum, b) => sum + b.costUsd, 0),
        fidelity: { kind: 'probes', ...replay.probes },
      };
    },
  };
}

function summarizerFor(
  model: string | null,
  counter: TokenCounter,
  calls: SummaryResult[],
  connect: () => Promise<ModelClient>,
): Summarizer {
  if (model === null || model === LOCAL_SUMMARIZER) return extractiveSummarizer({ counter });
  let summarizer: Summarizer | undefined;
  return {
    name: `model:${model}`,
    async summarize(request) {
      summarizer ??= modelSummarizer({
        client: await connect(),
        model,
        onResult: (result) => calls.push(result),
      });
      return summarizer.summarize(request);
    },
  };
}

function priceSummary(call: SummaryResult, deps: RecordedDeps) {
  const { inputTokens, outputTokens, cacheReadInputTokens, cacheCreationInputTokens } = call.usage;
  const entry = priceCall(
    'summarizer',
    call.model,
    {
      input_tokens: inputTokens,
      output_tokens: outputTokens,
      cache_read_input_tokens: cacheReadInputTokens,
      cache_creation_input_tokens: cacheCreationInputTokens,
    },
    deps.priceOf(call.model),
    new Date(0),
  );
  return {
    input: inputTokens + cacheReadInputTokens + cacheCreationInputTokens,
    output: outputTokens,
    costUsd: entry.costUsd,
    costUsdUncached: entry.costUsdUncached,
  };
}
