import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ACKNOWLEDGEMENT, convertBfcl, toJsonl } from './bfcl.ts';
import { parseProbes, parseSessions } from './recorded-conversation.ts';

const bfclSession = {
  id: 'memory_prereq_0-customer-0',
  topic: 'First-Time Inquiry',
  question: [[{ role: 'user', content: 'My name is Michael.' }], [{ role: 'user', content: 'I live in Seattle.' }]],
};
const bfclProbe = {
  id: 'memory_0',
  question: 'What is my first name?',
  answers: ['Michael'],
  source: 'My name is…',
};

describe('convertBfcl', () => {
  it('answers every user turn with the acknowledgement and keeps each probe’s question and answers', () => {
    const { sessions, probes } = convertBfcl(toJsonl([bfclSession]), toJsonl([bfclProbe]));
    expect(sessions).toEqual([
      {
        id: 'memory_prereq_0-customer-0',
        messages: [
          { role: 'user', content: 'My name is Michael.' },
          { role: 'assistant', content: ACKNOWLEDGEMENT },
          { role: 'user', content: 'I live in Seattle.' },
          { role: 'assistant', content: ACKNOWLEDGEMENT },
        ],
      },
    ]);
    expect(probes).toEqual([{ id: 'memory_0', question: 'What is my first name?', answers: ['Michael'] }]);
  });

  it('committed the sample in the recorded-conversation format: ten sessions and thirty probes', async () => {
    const data = new URL('../data/', import.meta.url);
    const sessions = parseSessions(await readFile(new URL('bfcl-customer.sessions.jsonl', data), 'utf8'), 'sessions');
    const probes = parseProbes(await readFile(new URL('bfcl-customer.probes.jsonl', data), 'utf8'), 'probes');
    expect(sessions).toHaveLength(10);
    expect(probes).toHaveLength(30);
  });
});
