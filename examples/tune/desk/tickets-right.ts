import { parseReport, type ReportLine } from '@cairn/simulator';

/** Tickets whose final-report line is there once and matches the ground truth in every field. */
export function ticketsRight(report: string, truth: readonly ReportLine[]): number {
  const lines = parseReport(report);
  return truth.filter((expected) => {
    const found = lines.filter((line) => line.id === expected.id);
    const [line] = found;
    return (
      found.length === 1 &&
      line !== undefined &&
      line.category === expected.category &&
      line.priority === expected.priority &&
      line.team === expected.team &&
      line.outcome === expected.outcome
    );
  }).length;
}
