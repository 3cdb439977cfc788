export { describeSessionStore, type SessionStoreFactory } from '../storage/testing.ts';
export { conversationArb, toMessages } from './random-conversation.ts';
