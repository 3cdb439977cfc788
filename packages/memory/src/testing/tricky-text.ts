import fc from 'fast-check';

/** Text made of what splits differently: words, runs of spaces and newlines, digits, punctuation, contractions. */
export const trickyText: fc.Arbitrary<string> = fc
  .array(
    fc.constantFrom(
      'hello',
      'World',
      "don't",
      "I'M",
      ' ',
      '   ',
      '\n',
      '\r\n',
      '\n\n  ',
      '\t',
      '1',
      '12345678',
      '$49.99',
      'TKT-0001',
      '{"ticket_id":"TKT-0002"}',
      '<|endoftext|>',
      '<|endofprompt|>',
      'naïve',
      'Größe',
      '東京都',
      '🙂',
      '👩‍💻',
      '—',
      '...',
      '//',
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));
