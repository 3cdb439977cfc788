import type Anthropic from '@anthropic-ai/sdk';
import * as z from 'zod';

/** How long a call may run before it is aborted and reported to the model, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The longest delay `setTimeout` honours; longer ones fire at once. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** The names the Messages API accepts for a tool. */
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/** What a handler receives besides its input. */
export interface ToolContext {
  /** Aborted when the call times out or the run is stopped: pass it on to fetches and check it in long loops. */
  readonly signal: AbortSignal;
  /** The id of the `tool_use` block being answered. */
  readonly toolUseId: string;
}

/**
 * A tool the model can call: its API definition, the schema its input is validated against, and its handler.
 * Make one with {@link defineTool}; run calls to it with `runToolCalls`.
 */
export interface Tool<Input = unknown> {
  readonly name: string;
  /** What is sent to the Messages API in `tools`. */
  readonly definition: Anthropic.ToolUnion;
  /** Validates the model's input before the handler sees it. */
  readonly input: z.ZodType<Input>;
  readonly timeoutMs: number;
  /** Results longer than this are offloaded and replaced by a preview; absent means no limit. */
  readonly maxResultTokens?: number;
  /** Returns a string, sent as is, or plain data, sent as JSON; `undefined` sends no content. */
  run(input: Input, context: ToolContext): unknown;
}

/** The options of {@link defineTool}. */
export interface DefineToolOptions<Schema extends z.ZodType<object>> {
  /** Letters, digits, `_` and `-`, at most 64 characters. */
  readonly name: string;
  /** What the tool does, when to use it and what it returns: the model chooses tools by this text. */
  readonly description: string;
  /** A zod object schema: the single source of the handler's input type and the JSON schema sent to the API. */
  readonly input: Schema;
  /** The handler, given validated input. What it throws becomes an `is_error` result with the message. */
  readonly run: (input: z.output<Schema>, context: ToolContext) => unknown;
  /** @default DEFAULT_TIMEOUT_MS */
  readonly timeoutMs?: number;
  /**
   * Results over this many tokens are replaced by a preview and a key to fetch the whole result back.
   * Needs an `offload` function in the run context; without one the whole result is returned.
   */
  readonly maxResultTokens?: number;
}

/**
 * Defines a tool from a zod schema and a handler. The handler's argument type is inferred from the schema,
 * and the definition's `input_schema` is generated from it.
 *
 * @example
 * const markComplete = defineTool({
 *   name: 'mark_complete',
 *   description: 'Close a ticket once a response has been drafted.',
 *   input: z.object({ ticket_id: z.string() }),
 *   run: ({ ticket_id }) => desk.markComplete(ticket_id),
 * });
 */
export function defineTool<Schema extends z.ZodType<object>>(
  options: DefineToolOptions<Schema>,
): Tool<z.output<Schema>> {
  const { name, description, input, run, timeoutMs = DEFAULT_TIMEOUT_MS, maxResultTokens } = options;
  if (!TOOL_NAME.test(name)) {
    throw new TypeError(`Tool name "${name}" is not accepted by the API: use 1 to 64 letters, digits, "_" or "-".`);
  }
  if (!(timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS)) {
    throw new TypeError(
      `Tool "${name}": timeoutMs must be above 0 and at most ${MAX_TIMEOUT_MS} milliseconds, got ${timeoutMs}.`,
    );
  }
  if (maxResultTokens !== undefined && !(Number.isInteger(maxResultTokens) && maxResultTokens > 0)) {
    throw new TypeError(`Tool "${name}": maxResultTokens must be a positive integer, got ${maxResultTokens}.`);
  }
  const { $schema: _, ...schema } = z.toJSONSchema(input, { io: 'input' });
  if (schema.type !== 'object') {
    throw new TypeError(
      `Tool "${name}": the input schema must be a z.object(...), because the API takes an object; got ${schema.type ?? 'a union'}.`,
    );
  }
  return {
    name,
    definition: { name, description, input_schema: { ...schema, type: 'object' } },
    // A generic Schema is a ZodType<output<Schema>>, but TypeScript cannot prove it.
    input: input as unknown as z.ZodType<z.output<Schema>>,
    timeoutMs,
    ...(maxResultTokens !== undefined && { maxResultTokens }),
    run,
  };
}
