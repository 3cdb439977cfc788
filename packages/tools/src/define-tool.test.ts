import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import { DEFAULT_TIMEOUT_MS, type DefineToolOptions, defineTool, type Tool, type ToolContext } from './define-tool.ts';

const setPriority = defineTool({
  name: 'set_priority',
  description: 'Set how urgently a ticket must be handled.',
  input: z.object({
    ticket_id: z.string().describe('The ticket ID.'),
    priority: z.enum(['low', 'medium', 'high', 'urgent']),
    notify: z.boolean().default(false),
    note: z.string().optional(),
  }),
  run: ({ ticket_id, priority }) => ({ ticket_id, priority }),
});

describe('defineTool', () => {
  it('infers the handler input from the schema, with defaults applied', () => {
    defineTool({
      name: 'typed',
      description: 'Checks inference.',
      input: z.object({ id: z.string(), level: z.enum(['a', 'b']), count: z.number().default(1) }),
      run: (input, context) => {
        expectTypeOf(input).toEqualTypeOf<{ id: string; level: 'a' | 'b'; count: number }>();
        expectTypeOf(context).toEqualTypeOf<ToolContext>();
      },
    });
    expectTypeOf(setPriority).toEqualTypeOf<
      Tool<{
        ticket_id: string;
        priority: 'low' | 'medium' | 'high' | 'urgent';
        notify: boolean;
        note?: string;
      }>
    >();
    expectTypeOf(setPriority).toExtend<Tool>();
  });

  it('refuses a schema that is not an object at compile time', () => {
    // @ts-expect-error the API takes an object as a tool's input
    expect(() => defineTool({ name: 'bad', description: '', input: z.string(), run: () => '' })).toThrow(
      /must be a z\.object/,
    );
  });

  it('sends the JSON schema of the input side: defaulted fields are optional and $schema is left out', () => {
    expect(setPriority.definition).toEqual({
      name: 'set_priority',
      description: 'Set how urgently a ticket must be handled.',
      input_schema: {
        type: 'object',
        properties: {
          ticket_id: { type: 'string', description: 'The ticket ID.' },
          priority: { type: 'string', enum: ['low', 'medium', 'high', 'urgent'] },
          notify: { type: 'boolean', default: false },
          note: { type: 'string' },
        },
        required: ['ticket_id', 'priority'],
      },
    });
    expect(setPriority.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
    expect(setPriority).not.toHaveProperty('maxResultTokens');
  });

  it.each<[string, Partial<DefineToolOptions<z.ZodType<object>>>, RegExp]>([
    ['a name the API refuses', { name: 'set priority' }, /1 to 64 letters/],
    ['a name over 64 characters', { name: 'x'.repeat(65) }, /1 to 64 letters/],
    ['a zero timeout', { timeoutMs: 0 }, /timeoutMs must be above 0/],
    ['a timeout setTimeout cannot hold', { timeoutMs: 2 ** 31 }, /timeoutMs must be above 0/],
    ['a fractional token limit', { maxResultTokens: 1.5 }, /maxResultTokens must be a positive integer/],
    ['a union at the top of the schema', { input: z.union([z.object({ a: z.string() }), z.object({})]) }, /z\.object/],
  ])('throws a TypeError that says what to fix for %s', (_, override, message) => {
    const options = { name: 'ok', description: '', input: z.object({}), run: () => '', ...override };
    expect(() => defineTool(options)).toThrow(message);
  });
});
