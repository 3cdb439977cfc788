import { describe, expect, it } from 'vitest';
import { SESSION_SCHEMA_VERSION, type SessionInput } from './session.ts';
import type { SessionStore } from './session-store.ts';
import { StorageError } from './storage-error.ts';

/** Makes an empty store that stamps times from `clock`. */
export type SessionStoreFactory = (context: { readonly clock: () => Date }) => SessionStore | Promise<SessionStore>;

const START = Date.UTC(2026, 0, 1);

/** Ids no adapter may accept: each would be unsafe or ambiguous as a file name. */
const UNSAFE_IDS = [
  '',
  '.',
  '..',
  '../escape',
  'a/b',
  'a\\b',
  '.hidden',
  'nul\u0000byte',
  'new\nline',
  '%2e%2e',
  'é',
  'x'.repeat(129),
];

/**
 * The contract every {@link SessionStore} adapter passes: run it from the adapter's test file with a
 * factory that returns an empty store each time.
 */
export function describeSessionStore(name: string, makeStore: SessionStoreFactory): void {
  describe(`${name} keeps the SessionStore contract`, () => {
    async function setup() {
      const time = { now: START };
      const store = await makeStore({ clock: () => new Date(time.now) });
      return { store, tick: (ms = 1_000) => (time.now += ms) };
    }

    it('loads nothing for an id that was never saved', async () => {
      const { store } = await setup();
      expect(await store.load('missing')).toBeUndefined();
      expect(await store.list()).toEqual([]);
    });

    it('loads a saved session back with its schema version and timestamps', async () => {
      const { store } = await setup();
      await store.save(session('s1', 3));
      expect(await store.load('s1')).toEqual({
        ...session('s1', 3),
        schemaVersion: SESSION_SCHEMA_VERSION,
        createdAt: new Date(START).toISOString(),
        updatedAt: new Date(START).toISOString(),
      });
    });

    it('replaces the whole session on each save, keeping createdAt and moving updatedAt', async () => {
      const { store, tick } = await setup();
      await store.save(session('s1', 5));
      tick();
      await store.save({ id: 's1', conversation: { other: true }, machine: null, usage: [] });
      expect(await store.load('s1')).toMatchObject({
        conversation: { other: true },
        machine: null,
        usage: [],
        createdAt: new Date(START).toISOString(),
        updatedAt: new Date(START + 1_000).toISOString(),
      });
    });

    it('lists the ids of saved sessions, sorted, and keeps each apart', async () => {
      const { store } = await setup();
      for (const id of ['b-2', 'a.1', 'C_3']) await store.save(session(id, id.length));
      expect(await store.list()).toEqual(['C_3', 'a.1', 'b-2']);
      expect((await store.load('a.1'))?.conversation).toEqual(session('a.1', 3).conversation);
    });

    it('stores what JSON keeps, and hands out copies that do not touch the store', async () => {
      const { store } = await setup();
      const conversation = { dropped: undefined, at: new Date(0), ratio: Number.NaN, list: [undefined, 1] };
      await store.save({ id: 'json', conversation, machine: { value: 'sampling' }, usage: [] });
      const loaded = await store.load('json');
      expect(loaded?.conversation).toEqual({ at: '1970-01-01T00:00:00.000Z', ratio: null, list: [null, 1] });
      (loaded?.machine as { value: string }).value = 'changed';
      conversation.list.push(2);
      expect((await store.load('json'))?.machine).toEqual({ value: 'sampling' });
    });

    it('follows a transcript changed in place between saves: grown, edited, shrunk, keys added and removed', async () => {
      const { store, tick } = await setup();
      const conversation = {
        entries: [] as unknown[],
        offloaded: {} as Record<string, string>,
        summary: null as unknown,
      };
      const usage: unknown[] = [];
      for (let step = 0; step < 60; step++) {
        conversation.entries.push(message(step));
        usage.push({ step, input: step * 10 });
        if (step % 7 === 0) conversation.offloaded[`key-${step}`] = `block ${step}`;
        if (step % 13 === 12) delete conversation.offloaded[`key-${step - 12}`];
        if (step % 10 === 5) (conversation.entries.at(-3) as { content: string }).content = `edited ${step}`;
        if (step === 40) conversation.entries.splice(0, 10);
        if (step === 50) conversation.summary = { text: 'so far', keys: ['key-7'] };
        tick();
        await store.save({ id: 'live', conversation, machine: { step }, usage });
        expect(await store.load('live')).toMatchObject({ conversation, machine: { step }, usage });
      }
    });

    it('keeps keys such as __proto__ as plain data', async () => {
      const { store } = await setup();
      const offloaded = JSON.parse('{"__proto__": {"polluted": true}, "constructor": "c"}') as object;
      await store.save({ id: 'keys', conversation: { offloaded: {} }, machine: null, usage: [] });
      await store.save({ id: 'keys', conversation: { offloaded }, machine: null, usage: [] });
      const loaded = (await store.load('keys'))?.conversation as { offloaded: object };
      expect(Object.keys(loaded.offloaded)).toEqual(['__proto__', 'constructor']);
      expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    });

    it.each(UNSAFE_IDS)('refuses the unsafe session id %j', async (id) => {
      const { store } = await setup();
      await expect(store.save(session(id, 1))).rejects.toMatchObject({ kind: 'invalid-id' });
      await expect(store.load(id)).rejects.toBeInstanceOf(StorageError);
      expect(await store.list()).toEqual([]);
    });

    it('applies concurrent saves of one session in call order and of many sessions all', async () => {
      const { store } = await setup();
      await Promise.all([1, 2, 3, 4].map((n) => store.save(session('same', n))));
      await Promise.all([1, 2, 3, 4].map((n) => store.save(session(`other-${n}`, n))));
      expect((await store.load('same'))?.conversation).toEqual(session('same', 4).conversation);
      expect(await store.list()).toEqual(['other-1', 'other-2', 'other-3', 'other-4', 'same']);
    });
  });
}

function message(n: number) {
  return { role: n % 2 === 0 ? 'user' : 'assistant', content: `message ${n} about TKT-${1000 + n}` };
}

function session(id: string, messages: number): SessionInput {
  const entries = Array.from({ length: messages }, (_, n) => ({ message: message(n), pinned: n === 0 }));
  return {
    id,
    conversation: { entries, events: [] },
    machine: { value: 'preparing' },
    usage: [{ input: 1 }],
  };
}
