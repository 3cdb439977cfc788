import { describe, expect, it } from 'vitest';
import { point, probes, tickets } from '../testing/points.ts';
import { recommend } from './recommend.ts';

describe('recommend', () => {
  it('picks the cheapest setting with prompt caching whose fidelity meets the floor, and names the cheaper one that does not', () => {
    const points = [
      point(2_000, 0.1, probes(10), { policy: 'sliding-window' }),
      point(8_000, 0.3, probes(29)),
      point(6_000, 0.2, probes(29), {}, { costUsd: 9 }),
      point(16_000, 0.4, probes(30)),
    ];
    const r = recommend(points, 0.95)!;
    expect(r.settings).toEqual({ policy: 'hybrid', threshold: 6_000, summarizerModel: null });
    expect(r.meetsFloor).toBe(true);
    expect(r.reason).toBe(
      'Cheapest of the 3 of 4 settings with at least 95% of probes in view: $0.2000 with prompt caching, ' +
        '$9.0000 without, 29 of 30 probes in view (30 recoverable). The cheapest setting, sliding-window @ 2,000 ' +
        '($0.1000), has only 10 of 30 probes in view (30 recoverable).',
    );
  });

  it('says when the pick never compacted and is itself the cheapest', () => {
    const r = recommend(
      [
        point(16_000, 0.2, tickets(5), {}, { compactions: 0, peakContextTokens: 15_562 }),
        point(8_000, 0.5, tickets(5)),
      ],
      1,
    )!;
    expect(r.reason).toBe(
      'Cheapest of the 2 of 2 settings with every ticket right: $0.2000 with prompt caching, $0.6000 without, ' +
        '5 of 5 tickets right. No setting costs less. It never compacts here: the largest context, 15,562 tokens, ' +
        'fits under the threshold.',
    );
  });

  it('breaks a tie in cost toward the smaller context, then the lower threshold', () => {
    const same = { compactions: 0, peakContextTokens: 9_000 };
    const r = recommend([point(20_000, 0.3, tickets(5), {}, same), point(10_000, 0.3, tickets(5), {}, same)], 1)!;
    expect(r.settings.threshold).toBe(10_000);
  });

  it('warns when the pick’s policy misses the floor at a higher threshold, naming a setting with a margin', () => {
    const r = recommend(
      [
        point(3_000, 0.1, tickets(5)),
        point(4_000, 0.2, tickets(4)),
        point(5_000, 0.3, tickets(5)),
        point(3_000, 0.15, tickets(5), { policy: 'sliding-window' }),
        point(4_000, 0.25, tickets(5), { policy: 'sliding-window' }),
      ],
      1,
    )!;
    expect(r.settings).toMatchObject({ policy: 'hybrid', threshold: 3_000 });
    expect(r.reason).toMatch(
      / Careful: hybrid misses the floor at 4,000 tokens, above this threshold, so the margin is thin; the cheapest setting that meets it at every higher threshold too is sliding-window @ 3,000 \(\$0\.1500\)\.$/,
    );
  });

  it('falls back to the cheapest best fidelity when no setting meets the floor, and says what to try', () => {
    const r = recommend(
      [point(2_000, 0.1, tickets(3)), point(4_000, 0.3, tickets(4)), point(3_000, 0.2, tickets(4))],
      1,
    )!;
    expect(r.settings.threshold).toBe(3_000);
    expect(r.meetsFloor).toBe(false);
    expect(r.reason).toMatch(
      /^No setting reaches the floor \(every ticket right\)\. The best fidelity found, 4 of 5 tickets/,
    );
    expect(r.reason).toMatch(/Try higher thresholds, or lower the floor with --floor\.$/);
  });

  it('recommends the cheapest setting when no probes measured fidelity', () => {
    const none = { kind: 'probes', probes: 0, inView: 0, recoverable: 0 } as const;
    const r = recommend([point(4_000, 0.3, none), point(2_000, 0.1, none)], 0.95)!;
    expect(r.settings.threshold).toBe(2_000);
    expect(r.reason).toMatch(/^No fidelity was measured/);
  });

  it('has nothing to recommend without measured points', () => {
    expect(recommend([], 1)).toBeNull();
  });
});
