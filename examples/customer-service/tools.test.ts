import { compactSchema, runToolCalls, selectTools, toolTokens } from '@cairn/tools';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { type SupportDesk, supportTools, TICKET_CATEGORIES } from './tools.ts';

/** A desk that records what it was asked and has one ticket in its queue. */
function recordingDesk() {
  const calls: unknown[][] = [];
  let queue = [{ id: 'TKT-0001', subject: 'Charged twice for order ORD-1001' }];
  const record =
    (method: string) =>
    (...args: unknown[]) => {
      calls.push([method, ...args]);
      return { ok: true };
    };
  const desk: SupportDesk = {
    getNextTicket: () => {
      const [next, ...rest] = queue;
      queue = rest;
      return next ?? { error: 'No more tickets in the queue.' };
    },
    classifyTicket: record('classifyTicket'),
    searchKnowledgeBase: record('searchKnowledgeBase'),
    setPriority: record('setPriority'),
    routeToTeam: record('routeToTeam'),
    draftResponse: record('draftResponse'),
    markComplete: record('markComplete'),
  };
  return { desk, calls };
}

const tools = supportTools(recordingDesk().desk);
const schemaOf = (tool: (typeof tools)[number]) =>
  z.fromJSONSchema(
    ('input_schema' in tool.definition ? tool.definition.input_schema : {}) as z.core.JSONSchema.JSONSchema,
  );

describe('supportTools', () => {
  it('defines the seven tools of the cookbook desk, in workflow order', () => {
    expect(tools.map((tool) => tool.name)).toEqual([
      'get_next_ticket',
      'classify_ticket',
      'search_knowledge_base',
      'set_priority',
      'route_to_team',
      'draft_response',
      'mark_complete',
    ]);
  });

  it('passes validated arguments to the desk and sends its answers as JSON', async () => {
    const { desk, calls } = recordingDesk();
    const call = (name: string, input: object = {}) => ({ id: `${name}-${calls.length}`, name, input });
    const results = await runToolCalls(
      [
        call('get_next_ticket'),
        call('classify_ticket', { ticket_id: 'TKT-0001', category: 'billing' }),
        call('search_knowledge_base', { category: 'billing', query: 'duplicate charge refund' }),
        call('route_to_team', { ticket_id: 'TKT-0001', team: 'billing-team' }),
        call('set_priority', { ticket_id: 'TKT-0001', priority: 'critical' }),
        call('get_next_ticket'),
      ],
      supportTools(desk),
    );
    expect(results.map((result) => result.content)).toEqual([
      '{"id":"TKT-0001","subject":"Charged twice for order ORD-1001"}',
      '{"ok":true}',
      '{"ok":true}',
      '{"ok":true}',
      expect.stringContaining('expected one of "low"|"medium"|"high"|"urgent"'),
      '{"error":"No more tickets in the queue."}',
    ]);
    expect(calls).toEqual([
      ['classifyTicket', 'TKT-0001', 'billing'],
      ['searchKnowledgeBase', 'billing', 'duplicate charge refund'],
      ['routeToTeam', 'TKT-0001', 'billing-team'],
    ]);
  });

  it('selects the knowledge-base search for a policy question and saves most of the tool tokens', () => {
    const selected = selectTools(tools, 'What does the knowledge base say about refund policies?', {
      max: 2,
    });
    expect(selected.map((tool) => tool.name)).toContain('search_knowledge_base');
    expect(toolTokens(selected)).toBeLessThan(toolTokens(tools) / 2);
  });

  it('compacts the definitions by at least a third and still accepts exactly the same inputs', () => {
    const compacted = tools.map(compactSchema);
    expect(toolTokens(compacted)).toBeLessThan((toolTokens(tools) * 2) / 3);
    const value = fc.oneof(
      fc.constantFrom(...TICKET_CATEGORIES, 'TKT-0001', 'urgent', 'tech-support', ''),
      fc.anything(),
    );
    const input = fc.dictionary(
      fc.constantFrom('ticket_id', 'category', 'query', 'priority', 'team', 'response', 'other'),
      value,
    );
    tools.forEach((tool, index) => {
      const before = schemaOf(tool);
      const after = schemaOf(compacted[index]!);
      fc.assert(
        fc.property(input, (candidate) => {
          expect(after.safeParse(candidate).success).toBe(before.safeParse(candidate).success);
          expect(tool.input.safeParse(candidate).success).toBe(before.safeParse(candidate).success);
        }),
      );
    });
  });
});
