/**
 * Child process of `crash.test.ts`: resumes from what is on disk, then makes up to 1,000 writes,
 * alternating a memory insert and a session save, printing `ack <kind> <n>` once each write resolves.
 * The test kills it with SIGKILL at a random moment. Usage: crash-child.ts <dir>
 */
import { join } from 'node:path';
import { FileSessionStore } from './file-session-store.ts';
import { MemoryStore } from './memory-store.ts';

export const LOG_PATH = '/memories/log.md';
export const WRITES = 1_000;
export const SESSION_ID = 'crash';

/** The n-th message of the session; long enough that saves cross the log's compaction point often. */
export function crashMessage(n: number): string {
  return `message ${n} ${'x'.repeat(200)}`;
}

async function main(dir: string): Promise<void> {
  const memory = new MemoryStore({ file: join(dir, 'memory.json') });
  const sessions = new FileSessionStore({ dir: join(dir, 'sessions') });
  const saved = await sessions.load(SESSION_ID);
  const messages = [...((saved?.conversation as { messages?: string[] } | undefined)?.messages ?? [])];
  const log = (await memory.files()).find((file) => file.path === LOG_PATH);
  if (log === undefined) await memory.create({ command: 'create', path: LOG_PATH, file_text: '' });
  let next = Math.max(-1, ...(log?.content.match(/\d+/g) ?? []).map(Number)) + 1;
  process.stdout.write('ready\n');
  for (let i = 0; i < WRITES; i++) {
    if (i % 2 === 0) {
      const n = next++;
      await memory.insert({ command: 'insert', path: LOG_PATH, insert_line: 0, insert_text: `m ${n}` });
      process.stdout.write(`ack memory ${n}\n`);
    } else {
      const n = messages.length;
      messages.push(crashMessage(n));
      await sessions.save({
        id: SESSION_ID,
        conversation: { messages },
        machine: { step: n },
        usage: messages.map((_, step) => ({ step })),
      });
      process.stdout.write(`ack session ${n}\n`);
    }
  }
}

if (process.argv[2] !== undefined) await main(process.argv[2]);
