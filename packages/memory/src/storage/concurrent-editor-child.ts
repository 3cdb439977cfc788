/**
 * Child process of `concurrency.test.ts`: waits for `go` on stdin, then inserts `<name> <i>` at the top
 * of the shared memory file `count` times. Usage: concurrent-editor-child.ts <store file> <name> <count>
 */
import { createInterface } from 'node:readline';
import { MemoryStore } from './memory-store.ts';

export const SHARED_PATH = '/memories/shared.md';

async function main(file: string, name: string, count: number): Promise<void> {
  const store = new MemoryStore({ file });
  process.stdout.write('ready\n');
  for await (const line of createInterface({ input: process.stdin })) if (line === 'go') break;
  for (let i = 0; i < count; i++) {
    await store.insert({ command: 'insert', path: SHARED_PATH, insert_line: 0, insert_text: `${name} ${i}` });
  }
}

const [file, name, count] = process.argv.slice(2);
if (file !== undefined && name !== undefined) await main(file, name, Number(count));
