#!/usr/bin/env node
// Node 20 cannot run TypeScript itself: register tsx, then load the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/run-cli.ts');
await runCli(process.argv.slice(2));
