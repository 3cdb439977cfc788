import { spawnSync } from 'node:child_process';
import { FileSessionStore } from '@cairn/memory';
import { inspectSession } from './inspect-session.ts';

const USAGE = `usage: cairn inspect <session> [--dir <store dir>]
       cairn <command> [options]   runs the command \`cairn-<command>\` (e.g. cairn tune, from the examples)

  inspect   print a stored session's token breakdown, compactions and cost
  --dir     the session store directory (default: $CAIRN_SESSIONS_DIR or .cairn/sessions)`;

/** The `cairn` command: returns the exit code. The only place the runtime reads `process.env`. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, ...rest] = argv;
  // Like git: other packages add subcommands by shipping a `cairn-<name>` bin, so the runtime imports none.
  if (command !== undefined && command !== 'inspect' && !command.startsWith('-')) {
    const external = spawnSync(`cairn-${command}`, rest, { stdio: 'inherit', env });
    if ((external.error as NodeJS.ErrnoException | undefined)?.code !== 'ENOENT') return external.status ?? 1;
  }
  if (command !== 'inspect') {
    console.error(command === undefined || command === '--help' ? USAGE : `unknown command "${command}"\n\n${USAGE}`);
    return command === '--help' ? 0 : 2;
  }
  const dirAt = rest.indexOf('--dir');
  const dir = dirAt >= 0 ? rest[dirAt + 1] : (env.CAIRN_SESSIONS_DIR ?? '.cairn/sessions');
  const sessionId = rest.filter((_, i) => i !== dirAt && i !== dirAt + 1)[0];
  if (sessionId === undefined || dir === undefined) {
    console.error(USAGE);
    return 2;
  }
  try {
    console.log(await inspectSession(new FileSessionStore({ dir }), sessionId));
    return 0;
  } catch (error) {
    console.error(`cairn inspect: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
