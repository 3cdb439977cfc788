import { describe, expect, it } from 'vitest';
import { sweepGrid } from './sweep-grid.ts';

describe('sweepGrid', () => {
  it('crosses thresholds with policies, and summarizer models only for policies that summarize', () => {
    const grid = sweepGrid({
      thresholds: [4000, 8000],
      policies: ['sliding-window', 'hybrid'],
      summarizerModels: ['local', 'claude-haiku-4-5'],
    });
    expect(grid).toEqual([
      { policy: 'sliding-window', threshold: 4000, summarizerModel: null },
      { policy: 'sliding-window', threshold: 8000, summarizerModel: null },
      { policy: 'hybrid', threshold: 4000, summarizerModel: 'local' },
      { policy: 'hybrid', threshold: 8000, summarizerModel: 'local' },
      { policy: 'hybrid', threshold: 4000, summarizerModel: 'claude-haiku-4-5' },
      { policy: 'hybrid', threshold: 8000, summarizerModel: 'claude-haiku-4-5' },
    ]);
  });

  it('makes twenty thresholds by four policies eighty points with one summarizer model', () => {
    const thresholds = Array.from({ length: 20 }, (_, i) => 1000 * (i + 1));
    const policies = ['sliding-window', 'importance', 'summarization', 'hybrid'] as const;
    expect(sweepGrid({ thresholds, policies, summarizerModels: ['claude-haiku-4-5'] })).toHaveLength(80);
  });
});
