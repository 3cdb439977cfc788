/** Where a sweep stands, and for how long it has run. */
export interface ProgressState {
  readonly done: number;
  readonly failed: number;
  readonly total: number;
  readonly elapsedMs: number;
}

const BAR_WIDTH = 24;

/**
 * `[██████░░░░] 36/80 points · 1 failed · 12 s · about 15 s left`. The time left assumes the points to
 * come take as long on average as those done (points run in parallel, so this is wall-clock time).
 */
export function progressLine(state: ProgressState): string {
  const share = state.total === 0 ? 1 : state.done / state.total;
  const filled = Math.round(share * BAR_WIDTH);
  const parts = [
    `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${state.done}/${state.total} points`,
    ...(state.failed > 0 ? [`${state.failed} failed`] : []),
    seconds(state.elapsedMs),
    state.done === state.total
      ? 'done'
      : state.done === 0
        ? 'estimating time left'
        : `about ${seconds(remainingMs(state))} left`,
  ];
  return parts.join(' · ');
}

/** Estimated milliseconds until the sweep finishes. */
export function remainingMs(state: ProgressState): number {
  if (state.done === 0) return Number.NaN;
  return (state.elapsedMs / state.done) * (state.total - state.done);
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}
