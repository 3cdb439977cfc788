/**
 * About `count` evenly spaced round values (1, 2 or 5 times a power of ten apart) covering `[min, max]`:
 * the first tick is at or below `min`, the last at or above `max`.
 */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!(Number.isFinite(min) && Number.isFinite(max))) {
    throw new RangeError(`niceTicks needs finite bounds, got [${min}, ${max}]`);
  }
  if (!(Number.isInteger(count) && count >= 1)) {
    throw new RangeError(`niceTicks needs a whole tick count of at least 1, got ${count}`);
  }
  const [low, high] = min <= max ? [min, max] : [max, min];
  if (low === high) return [low];
  const step = niceStep((high - low) / count);
  const first = Math.floor(low / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let value = first; value < high + step - step * 1e-9; value += step) {
    // Round away float drift (0.30000000000000004) at the step's precision.
    ticks.push(Number(value.toFixed(Math.max(0, -Math.floor(Math.log10(step)) + 1))));
  }
  return ticks;
}

/** The round step nearest `raw` on a log scale (1, 2, 5 or 10 times a power of ten), as d3 chooses. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction >= Math.sqrt(50) ? 10 : fraction >= Math.sqrt(10) ? 5 : fraction >= Math.SQRT2 ? 2 : 1;
  return nice * power;
}
