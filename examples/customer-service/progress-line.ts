import type { RunProgress } from './run-trace.ts';

/** The progress line of a run in flight: `cookbook  turn 23  context 4,512 tokens  2 compactions`. */
export function progressLine(progress: RunProgress): string {
  const compactions = `${progress.compactions} compaction${progress.compactions === 1 ? '' : 's'}`;
  return `${progress.run.padEnd(9)} turn ${String(progress.turn).padStart(4)}  context ${progress.contextTokens.toLocaleString('en-US').padStart(7)} tokens  ${compactions}`;
}

/**
 * Shows progress on a terminal: the line of the run in flight is rewritten in place, and kept when the next
 * run starts. Elsewhere (a pipe, a log file) it writes nothing, so the output stays clean.
 */
export function progressReporter(stream: NodeJS.WriteStream): { turn(progress: RunProgress): void; end(): void } {
  let last: RunProgress | undefined;
  return {
    turn(progress) {
      if (!stream.isTTY) return;
      if (last && last.run !== progress.run) stream.write('\n');
      stream.write(`\r${progressLine(progress)}\u001b[K`);
      last = progress;
    },
    end() {
      if (stream.isTTY && last) stream.write('\n\n');
    },
  };
}
