export { describeSessionStore, type SessionStoreFactory } from './describe-session-store.ts';
