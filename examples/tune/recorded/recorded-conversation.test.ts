import { describe, expect, it } from 'vitest';
import { parseProbes, parseSessions } from './recorded-conversation.ts';

const line = (value: unknown) => JSON.stringify(value);

describe('parseSessions', () => {
  it('reads one session per line and names unnamed ones by their line', () => {
    const text = [
      line({
        id: 'a',
        messages: [
          { role: 'user', content: 'hi' },
          { role: 'assistant', content: 'hello' },
        ],
      }),
      '',
      line({ messages: [{ role: 'user', content: [{ type: 'text', text: 'again' }] }] }),
    ].join('\n');
    expect(parseSessions(text, 's.jsonl').map((s) => s.id)).toEqual(['a', 'line-3']);
  });

  it('says which line is not JSON', () => {
    expect(() => parseSessions('{"messages": [', 's.jsonl')).toThrow(/^s\.jsonl line 1 is not JSON/);
  });

  it('says what a session line must hold', () => {
    expect(() => parseSessions(line({ turns: [] }), 's.jsonl')).toThrow(
      /^s\.jsonl line 1: expected \{ "id"\?: string, "messages": \[\{ "role": "user" \| "assistant"/,
    );
  });

  it('rejects sessions that would not continue one another, naming the session and message', () => {
    const text = [
      line({ id: 'a', messages: [{ role: 'user', content: 'hi' }] }),
      line({ id: 'b', messages: [{ role: 'user', content: 'hi again' }] }),
    ].join('\n');
    expect(() => parseSessions(text, 's.jsonl')).toThrow(
      /^s\.jsonl, session "b" message 0: .*each must continue the previous one/,
    );
  });

  it('rejects an empty file', () => {
    expect(() => parseSessions('\n', 's.jsonl')).toThrow('s.jsonl holds no sessions');
  });
});

describe('parseProbes', () => {
  it('reads questions and accepted answers, keeping ids when given', () => {
    const text = [
      line({ id: 'p1', question: 'Name?', answers: ['Michael'] }),
      line({ question: 'Age?', answers: ['35'] }),
    ];
    expect(parseProbes(text.join('\n'), 'p.jsonl')).toEqual([
      { id: 'p1', question: 'Name?', answers: ['Michael'] },
      { question: 'Age?', answers: ['35'] },
    ]);
  });

  it('says what a probe line must hold', () => {
    expect(() => parseProbes(line({ question: 'Name?', answers: [] }), 'p.jsonl')).toThrow(
      /^p\.jsonl line 1: expected \{ "question": string, "answers": \[string, \.\.\.\] \}/,
    );
  });
});
