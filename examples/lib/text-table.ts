/**
 * A plain-text table for terminals: a header row, a rule, then the rows, each column as wide as its widest
 * cell. Numbers are right-aligned and written with thousands separators; `null` prints as a dash.
 */
export type TextCell = string | number | null;

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const EMPTY = '–';

export function textTable(columns: readonly string[], rows: readonly (readonly TextCell[])[]): string {
  const cells = rows.map((row) => columns.map((_, i) => show(row[i] ?? null)));
  const numeric = columns.map((_, i) => rows.some((row) => typeof row[i] === 'number'));
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: readonly string[]) =>
    values
      .map((value, i) => (numeric[i] ? value.padStart(widths[i]!) : value.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

function show(cell: TextCell): string {
  if (cell === null) return EMPTY;
  return typeof cell === 'number' ? NUMBER.format(cell) : cell;
}
