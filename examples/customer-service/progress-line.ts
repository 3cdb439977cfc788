import type { RunProgress } from './run-trace.ts';

/** The progress line of a run in flight: `cookbook  turn 23  context 4,512 tokens  2 compactions`. */
export function progressLine(progress: RunProgress): string {
  const compactions = `${progress.compactions} compaction${progress.compactions === 1 ? '' : 's'}`;
  return `${progress.run.padEnd(9)} turn ${String(progress.turn).padStart(4)}  context ${progress.contextTokens.toLocaleString('en-US').padStart(7)} tokens  ${compactions}`;
}

/**
 * Shows progress: on a terminal the line of the run in flight is rewritten in place and kept when the next run
 * starts; elsewhere (a pipe, a log file) only each run's last line is written, once it is done.
 */
export function progressReporter(stream: NodeJS.WriteStream): { turn(progress: RunProgress): void; end(): void } {
  let last: RunProgress | undefined;
  const finish = () => {
    if (last) stream.write(stream.isTTY ? '\n' : `${progressLine(last)}\n`);
  };
  return {
    turn(progress) {
      if (last && last.run !== progress.run) finish();
      if (stream.isTTY) stream.write(`\r${progressLine(progress)}\u001b[K`);
      last = progress;
    },
    end() {
      finish();
      last = undefined;
      stream.write('\n');
    },
  };
}
