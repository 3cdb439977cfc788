/**
 * A child process for the crash test: `kill-child.ts <baseURL> <dir> run|resume`. Prints one line per
 * event (`event <type>`) and the result as JSON (`result {...}`); the parent SIGKILLs it at a random line.
 */

import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { FileSessionStore } from '@cairn/memory';
import { createAgent } from '../create-agent.ts';
import { DESK_SYSTEM, DESK_TASK, deskTools } from './desk-tools.ts';

export const SESSION_ID = 'crash';

export function crashAgent(baseURL: string, dir: string) {
  return createAgent({
    client: new Anthropic({ baseURL, apiKey: 'test', maxRetries: 0 }),
    model: 'claude-sonnet-4-6',
    system: DESK_SYSTEM,
    tools: deskTools({ tickets: 2, stateFile: join(dir, 'desk.json') }),
    store: new FileSessionStore({ dir }),
    recall: false,
  });
}

const [baseURL, dir, mode] = process.argv.slice(2);
if (baseURL && dir && mode) {
  const agent = crashAgent(baseURL, dir);
  const run =
    mode === 'run'
      ? agent.run(DESK_TASK, { sessionId: SESSION_ID })
      : agent.resume(SESSION_ID, { interruptedTools: 'rerun' });
  for await (const event of run) process.stdout.write(`event ${event.type}\n`);
  const { text, turns, status } = await run.result();
  process.stdout.write(`result ${JSON.stringify({ text, turns, status })}\n`);
}
