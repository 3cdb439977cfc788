import { describe, expect, it } from 'vitest';
import { classify, DEFAULT_DESK_RULES, deskRules, prioritize, teamFor } from './desk-rules.ts';

describe('deskRules', () => {
  it('falls back to the default rules when the system prompt states none', () => {
    expect(deskRules('You are a support agent.')).toEqual(DEFAULT_DESK_RULES);
  });

  it('reads priority, category and routing blocks from the system prompt', () => {
    const rules = deskRules(
      [
        'Work the queue.',
        'Priority rules:',
        '- urgent: "production down", breach',
        '- low: typo',
        '- default: medium',
        '',
        '## Category rules',
        '- billing: invoice, refund',
        '- shipping: parcel',
        '- default: shipping',
        '',
        'Routing rules:',
        '- billing: finance-team',
        '- shipping: warehouse-team',
      ].join('\n'),
    );
    expect(rules.priorities).toEqual([
      { name: 'urgent', keywords: ['production down', 'breach'] },
      { name: 'low', keywords: ['typo'] },
    ]);
    expect(rules.defaultPriority).toBe('medium');
    expect(rules.categories.map((r) => r.name)).toEqual(['billing', 'shipping']);
    expect(rules.defaultCategory).toBe('shipping');
    expect(rules.routes).toEqual({ billing: 'finance-team', shipping: 'warehouse-team' });
  });
});

describe('classify', () => {
  it.each([
    ['I was charged twice; please refund the payment', 'billing'],
    ['My package never arrived and tracking is stuck', 'shipping'],
    ['I cannot log in, my password reset fails', 'account'],
    ['The app shows an error and crashes on sync', 'technical'],
    ['Is the blender compatible with the new jar?', 'product'],
    ['Hello there', 'product'],
  ])('puts "%s" in %s', (text, category) => {
    expect(classify(text, DEFAULT_DESK_RULES).name).toBe(category);
  });

  it('prefers the category with the most keyword hits', () => {
    expect(classify('refund for the delivery of a package that was delivered late', DEFAULT_DESK_RULES)).toEqual({
      name: 'shipping',
      evidence: 'delivery',
    });
  });
});

describe('prioritize', () => {
  it.each([
    ['Outage for all users since 9:00', 'urgent'],
    ['I was charged twice this month', 'high'],
    ['My delivery is delayed', 'medium'],
    ['Feature request: dark mode', 'low'],
    ['Just saying hi', 'medium'],
  ])('gives "%s" %s priority', (text, priority) => {
    expect(prioritize(text, DEFAULT_DESK_RULES).name).toBe(priority);
  });

  it('applies the first matching rule in the order written', () => {
    const rules = deskRules('Priority rules:\n- low: refund\n- urgent: refund now');
    expect(prioritize('refund now please', rules)).toEqual({ name: 'low', evidence: 'refund' });
  });

  it('matches whole words only', () => {
    expect(prioritize('The lostcause promo code', DEFAULT_DESK_RULES)).toEqual({
      name: 'medium',
      evidence: undefined,
    });
  });
});

describe('teamFor', () => {
  it('routes each default category to its team', () => {
    expect(Object.keys(DEFAULT_DESK_RULES.routes).map((c) => teamFor(c, DEFAULT_DESK_RULES))).toEqual([
      'billing-team',
      'tech-support',
      'account-services',
      'product-success',
      'logistics-team',
    ]);
  });
});
