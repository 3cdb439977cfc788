import type { AgentEvent, RunResult } from './agent-event.ts';

/**
 * A run in progress: an async iterable of its events (one reader; events wait in a queue until read) and
 * `result()`. A failed run ends the iteration by throwing its `AgentError`, and `result()` rejects with it.
 */
export class AgentRun implements AsyncIterable<AgentEvent> {
  readonly sessionId: string;
  readonly #queue: AgentEvent[] = [];
  #wake: (() => void) | undefined;
  #ended = false;
  #failure: unknown;
  readonly #result: Promise<RunResult>;
  #settle!: { resolve: (result: RunResult) => void; reject: (error: unknown) => void };

  constructor(sessionId: string) {
    this.sessionId = sessionId;
    this.#result = new Promise<RunResult>((resolve, reject) => {
      this.#settle = { resolve, reject };
    });
    // A caller who only iterates still sees the failure there; do not report it as unhandled.
    this.#result.catch(() => {});
  }

  /** Resolves when the run ends `done` or `stopped`; rejects with an `AgentError` when it fails. */
  result(): Promise<RunResult> {
    return this.#result;
  }

  /** @internal Queues an event for the reader. */
  push(event: AgentEvent): void {
    this.#queue.push(event);
    this.#wake?.();
  }

  /** @internal Ends the run with its result (after a `done` event) or a failure. */
  end(outcome: { result: RunResult } | { error: unknown }): void {
    if ('result' in outcome) {
      this.push({ type: 'done', result: outcome.result });
      this.#settle.resolve(outcome.result);
    } else {
      this.#failure = outcome.error;
      this.#settle.reject(outcome.error);
    }
    this.#ended = true;
    this.#wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<AgentEvent> {
    for (;;) {
      const event = this.#queue.shift();
      if (event) {
        yield event;
        continue;
      }
      if (this.#ended) {
        if (this.#failure !== undefined) throw this.#failure;
        return;
      }
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
      this.#wake = undefined;
    }
  }
}
