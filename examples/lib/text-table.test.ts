import { describe, expect, it } from 'vitest';
import { textTable } from './text-table.ts';

describe('textTable', () => {
  it('aligns text left and numbers right, with thousands separators and a dash for null', () => {
    const table = textTable(
      ['run', 'input tokens', 'report'],
      [
        ['baseline', 203_748, 'yes'],
        ['cairn', 99_512, 'yes'],
        ['floor', 90_001.5, null],
      ],
    );
    expect(table.split('\n')).toEqual([
      'run       input tokens  report',
      '────────  ────────────  ──────',
      'baseline       203,748  yes',
      'cairn           99,512  yes',
      'floor         90,001.5  –',
    ]);
  });

  it('prints only the header and rule when there are no rows', () => {
    expect(textTable(['a', 'bb'], [])).toBe('a  bb\n─  ──');
  });
});
