import { describeSessionStore } from './describe-session-store.ts';
import { InMemorySessionStore } from './in-memory-session-store.ts';

describeSessionStore('InMemorySessionStore', ({ clock }) => new InMemorySessionStore({ clock }));
