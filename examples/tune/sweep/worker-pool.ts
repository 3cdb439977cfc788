import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What a task module exports for the pool's child processes. */
export interface TaskModule<T, R> {
  run(task: T): Promise<R>;
}

/** A task's outcome: its value, or why it failed (thrown, crashed or timed out). */
export type Settled<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: string };

export interface WorkerRequest<T> {
  readonly id: number;
  readonly task: T;
}
export type WorkerReply<R> = { readonly id: number } & Settled<R>;

export interface PoolOptions<T> {
  /** URL of a module implementing `TaskModule`, run in each child process under tsx. */
  readonly module: URL;
  readonly tasks: readonly T[];
  /** Child processes. @default the available cores */
  readonly concurrency?: number;
  /** A task running longer fails, and its process is replaced. @default DEFAULT_TASK_TIMEOUT_MS */
  readonly timeoutMs?: number;
  /** Called as each task settles, in settling order. */
  readonly onSettled?: (index: number, settled: Settled<unknown>) => void;
}

export const DEFAULT_TASK_TIMEOUT_MS = 120_000;
/** How much of the end of a crashed child's stderr its task's error quotes, in characters. */
const STDERR_TAIL_CHARS = 600;

const host = fileURLToPath(new URL('./worker-host.ts', import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * Runs `tasks` in child processes (tsx, so modules may be TypeScript), each process taking the next task
 * when it finishes one. A task that throws, crashes its process or times out settles as failed, with the
 * reason; the others carry on. Resolves with every outcome, in task order.
 */
export async function runInWorkers<T, R>(options: PoolOptions<T>): Promise<Settled<R>[]> {
  const { tasks } = options;
  const results: Settled<R>[] = new Array(tasks.length);
  let next = 0;
  const settle = (index: number, settled: Settled<R>) => {
    results[index] = settled;
    options.onSettled?.(index, settled);
  };
  const lane = async () => {
    let child: Child | undefined;
    while (next < tasks.length) {
      const index = next++;
      if (!child?.alive) child = await spawnChild(options.module);
      settle(index, await child.run<R>(index, tasks[index], options.timeoutMs ?? DEFAULT_TASK_TIMEOUT_MS));
    }
    await child?.stop();
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), tasks.length));
  await Promise.all(Array.from({ length: concurrency }, lane));
  return results;
}

interface Child {
  readonly alive: boolean;
  run<R>(id: number, task: unknown, timeoutMs: number): Promise<Settled<R>>;
  stop(): Promise<void>;
}

async function spawnChild(module: URL): Promise<Child> {
  const worker: ChildProcess = fork(host, [module.href], {
    execArgv: ['--import', tsx],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  let stderr = '';
  worker.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL_CHARS);
  });
  let alive = true;
  const exited = new Promise<string>((resolve) => {
    const end = (why: string) => {
      alive = false;
      resolve(`its worker process ${why}${stderr ? `: ${stderr.trim()}` : ''}`);
    };
    worker.once('exit', (code, signal) => end(`exited (${signal ?? `code ${code}`})`));
    worker.once('error', (error) => end(`failed (${error.message})`));
  });
  const ready = await Promise.race([nextReply(worker, -1), exited]);
  if (typeof ready === 'string') return deadChild(`could not start a worker: ${ready}`);
  return {
    get alive() {
      return alive;
    },
    async run<R>(id: number, task: unknown, timeoutMs: number): Promise<Settled<R>> {
      worker.send({ id, task } satisfies WorkerRequest<unknown>);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve(`took over ${timeoutMs / 1000} s (the task timeout)`), timeoutMs);
      });
      const outcome = await Promise.race([nextReply(worker, id), exited, timedOut]);
      clearTimeout(timer);
      if (typeof outcome !== 'string') return outcome as Settled<R>;
      if (alive) {
        worker.kill();
        await exited;
      }
      return { ok: false, error: outcome };
    },
    async stop() {
      if (!alive) return;
      worker.disconnect();
      await exited;
    },
  };
}

function nextReply(worker: ChildProcess, id: number): Promise<Settled<unknown>> {
  return new Promise((resolve) => {
    const listener = (reply: WorkerReply<unknown>) => {
      if (reply.id !== id) return;
      worker.off('message', listener);
      resolve(reply.ok ? { ok: true, value: reply.value } : { ok: false, error: reply.error });
    };
    worker.on('message', listener);
  });
}

function deadChild(error: string): Child {
  return {
    alive: false,
    run: async () => ({ ok: false, error }),
    stop: async () => {},
  };
}
