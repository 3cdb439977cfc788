import Anthropic from '@anthropic-ai/sdk';
import { type SimulatorOptions, startSimulator } from '@cairn/simulator';

/** A simulator started on first use, and an SDK client pointed at it. */
export interface LazySimulator {
  client(): Promise<Anthropic>;
  close(): Promise<void>;
}

/**
 * Starts the simulator on a free loopback port the first time a client is asked for. Open one per point:
 * its prompt cache then starts cold, so a point's cached cost does not depend on the points before it.
 */
export function lazySimulator(options: SimulatorOptions = {}): LazySimulator {
  let started: Promise<{ client: Anthropic; close(): Promise<void> }> | undefined;
  return {
    async client() {
      started ??= startSimulator({ ...options, port: 0 }).then((sim) => ({
        client: new Anthropic({ baseURL: sim.baseURL, apiKey: 'simulator' }),
        close: () => sim.close(),
      }));
      return (await started).client;
    },
    async close() {
      await (await started)?.close();
    },
  };
}
