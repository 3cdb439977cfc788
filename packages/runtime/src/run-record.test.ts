import { describe, expect, it } from 'vitest';
import { assertResumable, RUN_RECORD_VERSION, readRunRecord } from './run-record.ts';

const record = (version: unknown) => ({
  version,
  model: 'claude-sonnet-4-6',
  system: null,
  tools: [],
  runStart: { ledger: 0, events: 0 },
  snapshot: { status: 'active', value: 'acting', context: {} },
});

describe('run records', () => {
  it('reads this version and the two before, and resumes this one and version 2', () => {
    expect(() => assertResumable(readRunRecord(record(RUN_RECORD_VERSION), 's'), 's')).not.toThrow();
    expect(() => assertResumable(readRunRecord(record(2), 's'), 's')).not.toThrow();
    const older = readRunRecord(record(1), 's');
    expect(() => assertResumable(older, 's')).toThrow(/resume it with the version that saved it/);
  });

  it('explains a record it cannot read', () => {
    expect(() => readRunRecord(record(99), 's')).toThrow(/holds no run this @cairn\/runtime can read/);
    expect(() => readRunRecord('junk', 's')).toThrow(/written by another version or another program/);
  });
});
