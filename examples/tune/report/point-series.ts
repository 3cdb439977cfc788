import type { MeasuredPoint } from '../tune.ts';

/** The points of one policy and summarizer model, by threshold: one line in a chart. */
export interface PointSeries {
  /** `hybrid · claude-haiku-4-5`, or the policy alone when it never summarizes. */
  readonly label: string;
  readonly points: readonly MeasuredPoint[];
}

/** Groups points into series, in the order they first appear, each sorted by threshold. */
export function pointSeries(points: readonly MeasuredPoint[]): PointSeries[] {
  const groups = new Map<string, MeasuredPoint[]>();
  for (const point of points) {
    const { policy, summarizerModel } = point.settings;
    const label = summarizerModel === null ? policy : `${policy} · ${summarizerModel}`;
    groups.set(label, [...(groups.get(label) ?? []), point]);
  }
  return [...groups].map(([label, group]) => ({
    label,
    points: group.sort((a, b) => a.settings.threshold - b.settings.threshold),
  }));
}
