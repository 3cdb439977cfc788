import type { MemoryToolHandlers } from '@anthropic-ai/sdk/helpers/beta/memory';

/** A command of the `memory_20250818` protocol. */
export type MemoryCommandName = keyof MemoryToolHandlers;
/** A protocol command, or `update` (`MemoryStore.update`, which `flushFacts` uses). */
export type MemoryOperation = MemoryCommandName | 'update';

/**
 * A memory command the store refused: a bad path, a missing file, a limit. Nothing was written. The
 * message is written for the model (the SDK's tool runner turns it into an `is_error` result), in the
 * wording of the SDK's own filesystem memory tool where one exists.
 */
export class MemoryToolError extends Error {
  readonly command: MemoryOperation;

  constructor(command: MemoryOperation, message: string) {
    super(message);
    this.name = new.target.name;
    this.command = command;
  }
}
