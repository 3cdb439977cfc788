import type { Tool } from './define-tool.ts';

/** Keys that only annotate a schema: dropping them changes no input's validity. */
const ANNOTATIONS = new Set(['title', 'examples', '$comment', '$schema']);

/** Keywords whose keys are names (of properties, definitions), not keywords. */
const NAMED = new Set([
  'properties',
  'patternProperties',
  'dependentSchemas',
  'dependentRequired',
  '$defs',
  'definitions',
]);

/** The end of a sentence: a stop followed by a space or the end, but not the stop of "e.g." or "i.e.". */
const SENTENCE_END = /(?<!\b(?:e\.g|i\.e|etc|vs|approx|incl))[.!?](?=\s|$)/;

/**
 * Returns the tool with a shorter definition: each description, the tool's and its parameters', cut to its
 * first sentence, and annotations (`title`, `examples`, `$comment`) dropped. Names, types, enums, required
 * fields and every other keyword that decides validity are kept as they are, so the schema accepts exactly
 * the same inputs. Tools without an `input_schema` (such as the memory tool) are returned unchanged.
 */
export function compactSchema<Input>(tool: Tool<Input>): Tool<Input> {
  const { definition } = tool;
  if (!('input_schema' in definition)) return tool;
  const { description, input_schema } = definition;
  return {
    ...tool,
    definition: {
      ...definition,
      ...(description !== undefined && { description: firstSentence(description) }),
      input_schema: { ...compactNode(input_schema), type: 'object' },
    },
  };
}

function compactNode(node: object): Record<string, unknown> {
  const compacted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key)) continue;
    compacted[key] =
      key === 'description' && typeof value === 'string' ? firstSentence(value) : compactValue(key, value);
  }
  return compacted;
}

/** Walks into subschemas, but never into values that are data, such as `enum`, `const` or `default`. */
function compactValue(key: string, value: unknown): unknown {
  if (key === 'enum' || key === 'const' || key === 'default' || key === 'required') return value;
  if (Array.isArray(value)) return value.map((item) => compactValue('', item));
  if (typeof value !== 'object' || value === null) return value;
  if (NAMED.has(key)) {
    return Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, compactValue('', schema)]));
  }
  return compactNode(value);
}

function firstSentence(text: string): string {
  const end = SENTENCE_END.exec(text);
  return end === null ? text.trim() : text.slice(0, end.index + 1).trim();
}
