import type { RunResult } from './agent-event.ts';

/** A run failed, or could not start; the message says what to do. A failed run's `result` is kept. */
export class AgentError extends Error {
  readonly sessionId: string;
  readonly result: RunResult | undefined;

  constructor(message: string, sessionId: string, options?: ErrorOptions & { result?: RunResult }) {
    super(message, options);
    this.name = new.target.name;
    this.sessionId = sessionId;
    this.result = options?.result;
  }
}
