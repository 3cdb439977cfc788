import { describe, expect, it } from 'vitest';
import { fidelityScore, sameSettings, settingLabel } from './sweep-point.ts';

describe('fidelityScore', () => {
  it('is the share of tickets right, and 1 only for a correct report', () => {
    expect(fidelityScore({ kind: 'report', ticketsRight: 3, tickets: 5, reportCorrect: false })).toBe(0.6);
    expect(fidelityScore({ kind: 'report', ticketsRight: 5, tickets: 5, reportCorrect: true })).toBe(1);
    expect(fidelityScore({ kind: 'report', ticketsRight: 5, tickets: 5, reportCorrect: false })).toBe(0.8);
  });

  it('is the share of probes in view, not of those recoverable', () => {
    expect(fidelityScore({ kind: 'probes', probes: 30, inView: 27, recoverable: 30 })).toBe(0.9);
  });

  it('is null when there is nothing to score', () => {
    expect(fidelityScore({ kind: 'probes', probes: 0, inView: 0, recoverable: 0 })).toBeNull();
  });
});

describe('settings', () => {
  it('read as policy @ threshold, with the summarizer model when there is one', () => {
    expect(settingLabel({ policy: 'hybrid', threshold: 12_000, summarizerModel: 'claude-haiku-4-5' })).toBe(
      'hybrid @ 12,000 · claude-haiku-4-5',
    );
    expect(settingLabel({ policy: 'sliding-window', threshold: 800, summarizerModel: null })).toBe(
      'sliding-window @ 800',
    );
  });

  it('compare by value', () => {
    const a = { policy: 'desk', threshold: 5_000, summarizerModel: 'local' } as const;
    expect(sameSettings(a, { ...a })).toBe(true);
    expect(sameSettings(a, { ...a, threshold: 5_001 })).toBe(false);
    expect(sameSettings(a, undefined)).toBe(false);
  });
});
