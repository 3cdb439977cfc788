import { describe, expect, it } from 'vitest';
import { parseThresholds } from './thresholds.ts';

describe('parseThresholds', () => {
  it.each([
    ['8000,4000,16000', [4000, 8000, 16000]],
    ['4k,8k,8000', [4000, 8000]],
    ['2k..10k:2k', [2000, 4000, 6000, 8000, 10000]],
    ['2000..3000:400', [2000, 2400, 2800]],
    ['1k..2k/3', [1000, 1500, 2000]],
    ['1k,5k..6k/2', [1000, 5000, 6000]],
    ['7500..7500/1', [7500]],
  ])('reads %s as %j', (text, expected) => {
    expect(parseThresholds(text)).toEqual(expected);
  });

  it.each([
    ['', '"" is not a positive whole number of tokens'],
    ['4000,,8000', '"" is not a positive whole number of tokens'],
    ['0,100', '"0" is not a positive whole number'],
    ['1.5', '"1.5" is not a positive whole number'],
    ['lots', '"lots" is not a positive whole number'],
    ['9k..2k:1k', 'a range must run upwards'],
    ['2k..9k/0', '"0" is not a count of values'],
  ])('rejects %j, saying how to write thresholds', (text, message) => {
    expect(() => parseThresholds(text)).toThrow(message);
    expect(() => parseThresholds(text)).toThrow('ranges with a step (2000..40000:2000)');
  });
});
