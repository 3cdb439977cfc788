import Anthropic from '@anthropic-ai/sdk';
import { startSimulator } from '@cairn/simulator';
import type { ModelSource } from './compare-runs.ts';
import { simulatedSummarizer } from './simulated-summarizer.ts';

/** The client the runs use, what answers it, and how to let it go. */
export interface ModelConnection {
  readonly client: Anthropic;
  readonly source: ModelSource;
  close(): Promise<void>;
}

/**
 * Claude with `--live` (the key is required), otherwise the embedded simulator on loopback, with summaries
 * written as a model would (see `simulatedSummarizer`).
 */
export async function openModel(options: {
  readonly live: boolean;
  readonly apiKey: string | undefined;
}): Promise<ModelConnection> {
  if (options.live) {
    if (!options.apiKey) {
      throw new Error(
        '--live runs against Claude and needs an API key: set ANTHROPIC_API_KEY, or leave out --live to run offline against the simulator',
      );
    }
    return { client: new Anthropic({ apiKey: options.apiKey }), source: 'claude', close: async () => {} };
  }
  const simulator = await startSimulator({ summarizer: simulatedSummarizer() });
  return {
    client: new Anthropic({ baseURL: simulator.baseURL, apiKey: 'simulator', maxRetries: 2 }),
    source: 'simulator',
    close: () => simulator.close(),
  };
}
