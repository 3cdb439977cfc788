import { open, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Owner read and write only: memory and transcripts are nobody else's business. */
export const FILE_MODE = 0o600;

/**
 * Replaces `path` with `data` so that readers and crashes only ever see the old or the new content: write
 * a sibling temporary file, flush it to disk, rename it over the target, flush the directory.
 * The temporary name is fixed (a crash leaves at most one, reused next time), so callers must hold the
 * file's lock.
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.tmp`);
  const file = await open(temp, 'w', FILE_MODE);
  try {
    await file.writeFile(data, 'utf8');
    await file.datasync();
  } finally {
    await file.close();
  }
  await rename(temp, path);
  await syncDirectory(dirname(path));
}

/** Makes a rename in `dir` durable: without it a power cut can bring the old file back. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
