import { describe, expect, it } from 'vitest';
import { bestPassages, passagesOf, terms } from './best-passage.ts';

const context = passagesOf(
  'My name is Michael. I live in Seattle, where it rains a lot.\nThe steam wand arrived bent at an odd angle. The box had seven crushed corners.',
);

describe('bestPassages', () => {
  it('finds the passage that answers the question', () => {
    expect(bestPassages('Which part arrived bent?', context, 1)).toEqual([
      'The steam wand arrived bent at an odd angle.',
    ]);
    expect(bestPassages('Where do I live?', context, 1)).toEqual(['I live in Seattle, where it rains a lot.']);
  });

  it('returns several passages in reading order', () => {
    expect(bestPassages('How many corners of the box were crushed, and what is my name?', context, 2)).toEqual([
      'My name is Michael.',
      'The box had seven crushed corners.',
    ]);
  });

  it('returns nothing when no passage shares a content word', () => {
    expect(bestPassages('What about quantum chromodynamics?', context, 3)).toEqual([]);
  });
});

describe('terms', () => {
  it('drops stopwords and folds simple inflections', () => {
    expect(terms('The packages arrived and I was arriving')).toEqual(['package', 'arriv', 'arriv']);
  });
});
