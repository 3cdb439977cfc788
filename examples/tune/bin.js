#!/usr/bin/env node
// `cairn tune` (through the runtime's `cairn` command) and `cairn-tune`: the tuning tool, run with tsx.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
