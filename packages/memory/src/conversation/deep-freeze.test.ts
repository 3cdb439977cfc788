import { describe, expect, it } from 'vitest';
import { deepFreeze } from './deep-freeze.ts';

describe('deepFreeze', () => {
  it('freezes an object and everything it holds, and returns it', () => {
    const message = { role: 'user', content: [{ type: 'text', text: 'hi', citations: [{ n: 1 }] }] };
    expect(deepFreeze(message)).toBe(message);
    expect(Object.isFrozen(message.content[0]!.citations[0])).toBe(true);
    expect(() => {
      (message.content[0] as { text: string }).text = 'changed';
    }).toThrow(TypeError);
  });

  it('leaves primitives, typed arrays and cycles alone', () => {
    const cycle: { self?: unknown; bytes: Uint8Array } = { bytes: new Uint8Array([1]) };
    cycle.self = cycle;
    expect(deepFreeze(cycle)).toBe(cycle);
    expect(Object.isFrozen(cycle.bytes)).toBe(false);
    expect(deepFreeze('text')).toBe('text');
    expect(deepFreeze(null)).toBeNull();
  });
});
