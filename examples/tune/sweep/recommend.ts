import { cheapestFirst, type Ranked } from './cheapest-first.ts';
import { describeFidelity, describeFloor, int, usd } from './format.ts';
import { fidelityScore, type PointSettings, settingLabel } from './sweep-point.ts';

/** The setting to use, and why. */
export interface Recommendation {
  readonly settings: PointSettings;
  /** False when no setting reached the floor and this is the best fidelity found. */
  readonly meetsFloor: boolean;
  readonly reason: string;
}

/** Rounding in shares (29/30 and the like) must not fail a floor that is met. */
const EPSILON = 1e-9;

/**
 * The cheapest setting with prompt caching whose fidelity reaches `floor` (a share in [0, 1]). When none
 * does, the cheapest of those with the best fidelity, saying so; when no fidelity was measured, the
 * cheapest. `null` when no point was measured.
 */
export function recommend(points: readonly Ranked[], floor: number): Recommendation | null {
  const ranked = [...points].sort(cheapestFirst);
  const cheapest = ranked[0];
  if (cheapest === undefined) return null;
  const score = (p: Ranked) => fidelityScore(p.figures.fidelity);
  const cost = (p: Ranked) => `${usd(p.figures.costUsdCached)} with prompt caching, ${usd(p.figures.costUsd)} without`;
  const floorText = describeFloor(cheapest.figures.fidelity.kind, floor);

  if (ranked.every((p) => score(p) === null)) {
    return {
      settings: cheapest.settings,
      meetsFloor: false,
      reason: `No fidelity was measured (no probes were given), so this is simply the cheapest setting: ${cost(cheapest)}.`,
    };
  }
  const passing = ranked.filter((p) => (score(p) ?? -1) >= floor - EPSILON);
  const pick = passing[0];
  if (pick === undefined) {
    const best = Math.max(...ranked.map((p) => score(p) ?? -1));
    const top = ranked.find((p) => score(p) === best)!;
    return {
      settings: top.settings,
      meetsFloor: false,
      reason:
        `No setting reaches the floor (${floorText}). The best fidelity found, ${describeFidelity(top.figures.fidelity)}, ` +
        `is cheapest here: ${cost(top)}. Try higher thresholds, or lower the floor with --floor.`,
    };
  }
  const against =
    pick === cheapest
      ? 'No setting costs less.'
      : `The cheapest setting, ${settingLabel(cheapest.settings)} (${usd(cheapest.figures.costUsdCached)}), has only ` +
        `${describeFidelity(cheapest.figures.fidelity)}.`;
  const compacts =
    pick.figures.compactions === 0
      ? ` It never compacts here: the largest context, ${int(pick.figures.peakContextTokens)} tokens, fits under the threshold.`
      : '';
  const among =
    passing.length === 1
      ? `The only one of ${ranked.length} settings with ${floorText}`
      : `Cheapest of the ${passing.length} of ${ranked.length} settings with ${floorText}`;
  return {
    settings: pick.settings,
    meetsFloor: true,
    reason: `${among}: ${cost(pick)}, ${describeFidelity(pick.figures.fidelity)}. ${against}${compacts}${caveat(pick, passing, ranked)}`,
  };
}

/**
 * Fidelity need not rise with the threshold (a compaction can land at a worse moment): when the pick's
 * policy misses the floor at a higher threshold, says so and names the cheapest setting that meets it at
 * every higher threshold too.
 */
function caveat(pick: Ranked, passing: readonly Ranked[], ranked: readonly Ranked[]): string {
  const passes = new Set(passing);
  const misses = (p: Ranked) =>
    ranked.filter(
      (q) => sameSeries(q.settings, p.settings) && q.settings.threshold > p.settings.threshold && !passes.has(q),
    );
  const above = misses(pick);
  if (above.length === 0) return '';
  const steady = passing.find((p) => misses(p).length === 0);
  const thresholds = above
    .map((q) => q.settings.threshold)
    .sort((a, b) => a - b)
    .map(int)
    .join(', ');
  return (
    ` Careful: ${pick.settings.policy} misses the floor at ${thresholds} tokens, above this threshold, so the margin is thin` +
    (steady
      ? `; the cheapest setting that meets it at every higher threshold too is ${settingLabel(steady.settings)} (${usd(steady.figures.costUsdCached)}).`
      : '.')
  );
}

function sameSeries(a: PointSettings, b: PointSettings): boolean {
  return a.policy === b.policy && a.summarizerModel === b.summarizerModel;
}
