import type { PolicyName } from '@cairn/runtime';
import type { PointSettings } from './sweep-point.ts';

/** The built-in policies, in the order of the ladder: cheapest to run first. */
export const POLICIES: readonly PolicyName[] = ['sliding-window', 'importance', 'summarization', 'hybrid'];

/** Policies that call a summarizer; only these are swept over summarizer models. */
const SUMMARIZING: ReadonlySet<PolicyName> = new Set(['summarization', 'hybrid']);

/** What to sweep. */
export interface SweepAxes {
  readonly thresholds: readonly number[];
  readonly policies: readonly PolicyName[];
  /** Model names, or `'extractive'` for the local summarizer. */
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

/** True for the names of built-in policies. */
export function isPolicyName(name: string): name is PolicyName {
  return (POLICIES as readonly string[]).includes(name);
}
