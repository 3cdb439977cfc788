import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describeSessionStore } from './describe-session-store.ts';
import { FileSessionStore } from './file-session-store.ts';

const root = mkdtempSync(join(tmpdir(), 'cairn-sessions-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describeSessionStore(
  'FileSessionStore',
  ({ clock }) => new FileSessionStore({ dir: mkdtempSync(join(root, 's-')), clock }),
);
