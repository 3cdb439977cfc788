import { describe, expect, it } from 'vitest';
import type { Fact } from './extract-facts.ts';
import { mergeFacts } from './merge-facts.ts';

const facts: Fact[] = [
  { kind: 'identifier', text: 'TKT-1001' },
  { kind: 'commitment', text: 'I will refund ORD-1 within 5 days.' },
  { kind: 'decision', text: 'set_priority ticket_id=TKT-1001 priority=high' },
];

describe('mergeFacts', () => {
  it('starts a facts file with a section per kind', () => {
    expect(mergeFacts(undefined, facts).content).toBe(
      [
        '# Facts',
        '',
        'Durable facts saved before the conversation was summarized. One per line; edit freely.',
        '',
        '## Identifiers',
        '- TKT-1001',
        '',
        '## Decisions',
        '- set_priority ticket_id=TKT-1001 priority=high',
        '',
        '## Commitments',
        '- I will refund ORD-1 within 5 days.',
        '',
      ].join('\n'),
    );
  });

  it('is idempotent: merging the same facts again adds nothing and changes nothing', () => {
    const once = mergeFacts(undefined, facts).content;
    expect(mergeFacts(once, facts)).toEqual({ content: once, added: [] });
  });

  it('adds new facts at the end of their section, skipping ones known in any case or spacing', () => {
    const once = mergeFacts(undefined, facts).content;
    const { content, added } = mergeFacts(once, [
      { kind: 'identifier', text: 'tkt-1001' },
      { kind: 'identifier', text: 'ORD-1' },
      { kind: 'decision', text: 'set_priority  ticket_id=TKT-1001 priority=high' },
    ]);
    expect(added).toEqual([{ kind: 'identifier', text: 'ORD-1' }]);
    expect(content).toContain('## Identifiers\n- TKT-1001\n- ORD-1\n\n## Decisions');
  });

  it('keeps what a person wrote in the file and adds missing sections at the end', () => {
    const handwritten = '# Facts\n\nCustomer Ana prefers phone calls.\n\n- TKT-9\n';
    const { content } = mergeFacts(handwritten, [{ kind: 'identifier', text: 'TKT-9' }, ...facts]);
    expect(
      content.startsWith('# Facts\n\nCustomer Ana prefers phone calls.\n\n- TKT-9\n\n## Identifiers\n- TKT-1001\n'),
    ).toBe(true);
    expect(content.match(/TKT-9/g)).toHaveLength(1);
  });
});
