import { CAIRN_POLICIES, type CairnPolicy } from '../../customer-service/cairn-context.ts';
import type { PointSettings } from './sweep-point.ts';

/** The runtime's policies, swept by default, in the order of the ladder: cheapest to run first. */
export const POLICIES: readonly CairnPolicy[] = ['sliding-window', 'importance', 'summarization', 'hybrid'];
/** The customer-service desk's own policy (hybrid, closed tickets dropped first): for the desk only. */
export const DESK_POLICY = 'desk' satisfies CairnPolicy;
/** Every policy, in the order ties between equal settings are broken. */
export const POLICY_ORDER: readonly CairnPolicy[] = [...POLICIES, DESK_POLICY];

/** Policies that call a summarizer; only these are swept over summarizer models. */
const SUMMARIZING: ReadonlySet<CairnPolicy> = new Set(['summarization', 'hybrid', DESK_POLICY]);

/** What to sweep. */
export interface SweepAxes {
  readonly thresholds: readonly number[];
  readonly policies: readonly CairnPolicy[];
  /** Model names, or `local` for the extractive summarizer. */
  readonly summarizerModels: readonly string[];
}

/**
 * Every combination of the axes, policy by policy. Policies that never summarize get one point per
 * threshold with `summarizerModel: null`, not one per model: the model would change nothing.
 */
export function sweepGrid(axes: SweepAxes): PointSettings[] {
  return axes.policies.flatMap((policy) =>
    (SUMMARIZING.has(policy) ? axes.summarizerModels : [null]).flatMap((summarizerModel) =>
      axes.thresholds.map((threshold) => ({ policy, threshold, summarizerModel })),
    ),
  );
}

/** True for the names of the policies a sweep knows. */
export function isTunePolicy(name: string): name is CairnPolicy {
  return (CAIRN_POLICIES as readonly string[]).includes(name);
}
