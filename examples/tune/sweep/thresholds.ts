const HELP =
  'write numbers (4000,8000,16000), ranges with a step (2000..40000:2000) or with a count of evenly ' +
  'spaced values (2000..40000/20), separated by commas; numbers may end in k (8k = 8000)';

/**
 * Parses thresholds, in tokens: comma-separated numbers and ranges, as in `1k,2k..40k:2k` (a step) or
 * `2k..40k/20` (twenty evenly spaced values, rounded to whole tokens). Returns them sorted, without
 * repeats; throws saying how to write them.
 */
export function parseThresholds(text: string): number[] {
  const values = text.split(',').flatMap((part) => {
    const range = /^(.+)\.\.(.+?)([:/])(.+)$/.exec(part.trim());
    return range ? expand(range[1]!, range[2]!, range[3] as ':' | '/', range[4]!, text) : [tokens(part, text)];
  });
  return [...new Set(values)].sort((a, b) => a - b);
}

function expand(fromText: string, toText: string, kind: ':' | '/', byText: string, text: string): number[] {
  const from = tokens(fromText, text);
  const to = tokens(toText, text);
  if (to < from) throw new TypeError(`thresholds "${text}": a range must run upwards; ${HELP}`);
  if (kind === ':') {
    const step = tokens(byText, text);
    return Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);
  }
  const count = Number(byText);
  if (!Number.isInteger(count) || count < 1) {
    throw new TypeError(`thresholds "${text}": "${byText}" is not a count of values; ${HELP}`);
  }
  if (count === 1) return [from];
  return Array.from({ length: count }, (_, i) => Math.round(from + ((to - from) * i) / (count - 1)));
}

function tokens(part: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)(k?)$/i.exec(part.trim());
  const value = match ? Number(match[1]) * (match[2] ? 1_000 : 1) : Number.NaN;
  if (!Number.isInteger(value) || value <= 0) {
    throw new TypeError(`thresholds "${text}": "${part.trim()}" is not a positive whole number of tokens; ${HELP}`);
  }
  return value;
}
