import { describe, expect, it } from 'vitest';
import { progressLine, progressReporter } from './progress-line.ts';

describe('progressLine', () => {
  it('names the run, its turn, the context just sent and its compactions so far', () => {
    expect(progressLine({ run: 'cookbook', turn: 23, contextTokens: 4_512, compactions: 1 })).toBe(
      'cookbook  turn   23  context   4,512 tokens  1 compaction',
    );
    expect(progressLine({ run: 'cairn', turn: 354, contextTokens: 3_597, compactions: 50 })).toBe(
      'cairn     turn  354  context   3,597 tokens  50 compactions',
    );
  });
});

describe('progressReporter', () => {
  /** A stream that records what is written to it. */
  function stream(isTTY: boolean) {
    const written: string[] = [];
    return { written, stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream };
  }
  const at = (run: 'baseline' | 'cairn', turn: number) => ({ run, turn, contextTokens: 1_000, compactions: 0 });

  it('writes only the last line of each run when the output is not a terminal', () => {
    const { written, stream: out } = stream(false);
    const progress = progressReporter(out);
    for (const p of [at('baseline', 1), at('baseline', 2), at('cairn', 1)]) progress.turn(p);
    progress.end();
    expect(written.join('')).toBe(`${progressLine(at('baseline', 2))}\n${progressLine(at('cairn', 1))}\n\n`);
  });

  it('rewrites the line in place on a terminal and keeps it when the next run starts', () => {
    const { written, stream: out } = stream(true);
    const progress = progressReporter(out);
    for (const p of [at('baseline', 1), at('cairn', 1)]) progress.turn(p);
    expect(written).toEqual([
      `\r${progressLine(at('baseline', 1))}\u001b[K`,
      '\n',
      `\r${progressLine(at('cairn', 1))}\u001b[K`,
    ]);
  });
});
