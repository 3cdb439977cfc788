import type { Fidelity } from './sweep-point.ts';

/** Whole numbers with thousands separators: `12,345`. */
export function int(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Dollars to four decimals: `$0.1941`. */
export function usd(n: number): string {
  return `$${n.toFixed(4)}`;
}

/** A share as a percentage, to a tenth at most: `95%`, `93.3%`. */
export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** `5 of 5 tickets right`, or `29 of 30 probes in view (30 recoverable)`. */
export function describeFidelity(fidelity: Fidelity): string {
  switch (fidelity.kind) {
    case 'report': {
      const wrong = !fidelity.reportCorrect && fidelity.ticketsRight === fidelity.tickets;
      return `${fidelity.ticketsRight} of ${fidelity.tickets} tickets right${wrong ? ', but the report is wrong (totals or an extra line)' : ''}`;
    }
    case 'probes':
      return `${fidelity.inView} of ${fidelity.probes} probes in view (${fidelity.recoverable} recoverable)`;
  }
}

/** `every ticket right`, `at least 95% of probes in view`. */
export function describeFloor(kind: Fidelity['kind'], floor: number): string {
  const what = kind === 'report' ? 'tickets right' : 'probes in view';
  if (floor >= 1) return kind === 'report' ? 'every ticket right' : 'every probe in view';
  return `at least ${percent(floor)} of ${what}`;
}
