import { cheapestFirst, type Ranked } from './cheapest-first.ts';
import { fidelityScore } from './sweep-point.ts';

/**
 * The points no other point beats on both cost with prompt caching and fidelity, cheapest first: the
 * trade-offs worth considering. Points without a fidelity score are left out.
 */
export function paretoFront<P extends Ranked>(points: readonly P[]): P[] {
  const front: P[] = [];
  let best = Number.NEGATIVE_INFINITY;
  for (const point of points.filter((p) => fidelityScore(p.figures.fidelity) !== null).sort(cheapestFirst)) {
    const score = fidelityScore(point.figures.fidelity)!;
    if (score <= best) continue;
    front.push(point);
    best = score;
  }
  return front;
}
