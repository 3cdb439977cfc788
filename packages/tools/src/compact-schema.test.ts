import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { compactSchema } from './compact-schema.ts';
import { defineTool, type Tool } from './define-tool.ts';
import { memoryTool } from './memory-tool.ts';

const updateOrder = defineTool({
  name: 'update_order',
  description:
    'Change an open order before it ships. Only orders in the "pending" state can change; others return an error. ' +
    'Use search_orders first, e.g. to find the order number.',
  input: z.object({
    order_id: z
      .string()
      .regex(/^ORD-\d+$/)
      .describe('The order number, e.g. ORD-123. Case-sensitive.'),
    quantity: z
      .number()
      .int()
      .min(1)
      .max(99)
      .meta({ title: 'Quantity', examples: [1, 2] }),
    speed: z.enum(['standard', 'express']).default('standard').describe('Shipping speed. Express costs more.'),
    address: z
      .object({
        line1: z.string().describe('Street and number. No PO boxes.'),
        country: z.string().length(2).describe('ISO 3166 code. Upper case.'),
      })
      .optional()
      .describe('A new delivery address. Leave out to keep the current one.'),
    tags: z.array(z.object({ title: z.string(), description: z.string() })).max(3),
  }),
  run: () => 'ok',
});

/** Removes every description, the only thing compaction may change besides annotations. */
function withoutDescriptions(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutDescriptions(item));
  if (typeof value !== 'object' || value === null) return value;
  const named = key === 'properties';
  return Object.fromEntries(
    Object.entries(value)
      .filter(([name, child]) => named || !(name === 'description' && typeof child === 'string'))
      .filter(([name]) => named || !['title', 'examples'].includes(name))
      .map(([name, child]) => [name, withoutDescriptions(child, named ? '' : name)]),
  );
}

const inputSchema = (tool: Tool) => ('input_schema' in tool.definition ? tool.definition.input_schema : {});

describe('compactSchema', () => {
  const compacted = compactSchema(updateOrder);

  it('cuts every description to its first sentence, not stopping at "e.g."', () => {
    const definition = compacted.definition as { description: string };
    expect(definition.description).toBe('Change an open order before it ships.');
    const properties = (inputSchema(compacted) as { properties: Record<string, { description?: string }> }).properties;
    expect(properties.order_id?.description).toBe('The order number, e.g. ORD-123.');
    expect(properties.address?.description).toBe('A new delivery address.');
  });

  it('keeps names, types, enums, required fields and constraints, and properties named like keywords', () => {
    expect(withoutDescriptions(inputSchema(compacted))).toEqual(withoutDescriptions(inputSchema(updateOrder)));
    const tags = (inputSchema(compacted) as { properties: { tags: { items: { properties: object } } } }).properties;
    expect(Object.keys(tags.tags.items.properties)).toEqual(['title', 'description']);
    expect(JSON.stringify(compacted.definition).length).toBeLessThan(JSON.stringify(updateOrder.definition).length);
  });

  it('accepts and rejects exactly the same inputs before and after', () => {
    const before = z.fromJSONSchema(inputSchema(updateOrder) as z.core.JSONSchema.JSONSchema);
    const after = z.fromJSONSchema(inputSchema(compacted) as z.core.JSONSchema.JSONSchema);
    const some = <T>(valid: fc.Arbitrary<T>) =>
      fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: fc.anything() });
    const input = fc.record(
      {
        order_id: some(fc.oneof(fc.constantFrom('ORD-1', 'ORD-42', 'ord-1'), fc.string())),
        quantity: some(fc.integer({ min: -5, max: 120 })),
        speed: some(fc.constantFrom('standard', 'express', 'overnight')),
        address: some(fc.record({ line1: some(fc.string()), country: some(fc.string({ maxLength: 3 })) })),
        tags: some(fc.array(fc.record({ title: some(fc.string()), description: some(fc.string()) }), { maxLength: 4 })),
      },
      { requiredKeys: [] },
    );
    const verdicts = new Set<boolean>();
    fc.assert(
      fc.property(input, (value) => {
        const accepted = before.safeParse(value).success;
        verdicts.add(accepted);
        expect(after.safeParse(value).success).toBe(accepted);
        expect(updateOrder.input.safeParse(value).success).toBe(accepted);
      }),
      { numRuns: 2_000, seed: 20261121 },
    );
    expect(verdicts).toEqual(new Set([true, false]));
  });

  it('returns a tool without an input schema, such as the memory tool, unchanged', () => {
    const memory = memoryTool({
      view: () => '',
      create: () => '',
      str_replace: () => '',
      insert: () => '',
      delete: () => '',
      rename: () => '',
    });
    expect(compactSchema(memory)).toBe(memory);
  });
});
