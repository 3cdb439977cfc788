/** Where a sweep stands, and for how long it has run. */
export interface ProgressState {
  readonly done: number;
  readonly failed: number;
  readonly total: number;
  readonly elapsedMs: number;
  /** When the first point settled: the time before it is mostly starting the workers. */
  readonly firstSettledMs: number | null;
}

const BAR_WIDTH = 24;

/** `[██████░░░░] 36/80 points · 1 failed · 12 s · about 15 s left`. */
export function progressLine(state: ProgressState): string {
  const share = state.total === 0 ? 1 : state.done / state.total;
  const filled = Math.round(share * BAR_WIDTH);
  const left = remainingMs(state);
  const parts = [
    `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${state.done}/${state.total} points`,
    ...(state.failed > 0 ? [`${state.failed} failed`] : []),
    seconds(state.elapsedMs),
    state.done === state.total ? 'done' : Number.isNaN(left) ? 'estimating time left' : `about ${seconds(left)} left`,
  ];
  return parts.join(' · ');
}

/**
 * Estimated milliseconds until the sweep finishes, from the pace since the first point settled (points
 * run in parallel, so this is wall-clock time per point); `NaN` until two points have settled.
 */
export function remainingMs(state: ProgressState): number {
  if (state.done < 2 || state.firstSettledMs === null) return Number.NaN;
  return ((state.elapsedMs - state.firstSettledMs) / (state.done - 1)) * (state.total - state.done);
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}
