/** A task module for the worker pool's tests: tasks that answer, throw, kill their process or hang. */
export type FlakyTask =
  | { readonly kind: 'echo'; readonly value: number }
  | { readonly kind: 'throw'; readonly message: string }
  | { readonly kind: 'exit' }
  | { readonly kind: 'hang' };

export async function run(task: FlakyTask): Promise<{ value: number; pid: number }> {
  switch (task.kind) {
    case 'echo':
      return { value: task.value, pid: process.pid };
    case 'throw':
      throw new Error(task.message);
    case 'exit':
      console.error('dying on purpose');
      process.exit(3);
      break;
    case 'hang':
      await new Promise(() => {});
  }
  throw new Error('unreachable');
}
