/**
 * The entry of a pool's child process: imports the task module named in argv (a file URL) and answers the
 * parent's `{ id, task }` messages with `{ id, ok, value | error }`, one task at a time.
 */
import type { TaskModule, WorkerReply, WorkerRequest } from './worker-pool.ts';

const moduleUrl = process.argv[2];
if (moduleUrl === undefined) throw new Error('worker-host needs the task module URL as its first argument');
const tasks = (await import(moduleUrl)) as TaskModule<unknown, unknown>;

process.on('message', async (message: WorkerRequest<unknown>) => {
  let reply: WorkerReply<unknown>;
  try {
    reply = { id: message.id, ok: true, value: await tasks.run(message.task) };
  } catch (error) {
    reply = { id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  process.send?.(reply);
});

process.on('disconnect', () => process.exit(0));

process.send?.({ id: -1, ok: true, value: 'ready' } satisfies WorkerReply<string>);
