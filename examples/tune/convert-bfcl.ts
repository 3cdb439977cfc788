/**
 * Converts the BFCL v4 memory sample (customer scenario) into the recorded-conversation format `tune`
 * reads: JSONL sessions of Messages API messages, and probes `{ id, question, answers }`.
 *
 *   npx tsx examples/tune/convert-bfcl.ts [sourceDir] [outDir]
 *
 * sourceDir defaults to ../shared/data/bfcl-memory-customer (sessions.jsonl, probes.jsonl); outDir to
 * examples/tune/data. BFCL records only the user's turns: each is answered with the acknowledgement the
 * simulated model gives to a statement, so that roles alternate as the Messages API requires.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { convertBfcl, toJsonl } from './recorded/bfcl.ts';

const here = import.meta.dirname;
const [sourceDir = resolve(here, '../../../shared/data/bfcl-memory-customer'), outDir = join(here, 'data')] =
  process.argv.slice(2);

const { sessions, probes } = convertBfcl(
  await readFile(join(sourceDir, 'sessions.jsonl'), 'utf8'),
  await readFile(join(sourceDir, 'probes.jsonl'), 'utf8'),
);
await writeFile(join(outDir, 'bfcl-customer.sessions.jsonl'), toJsonl(sessions));
await writeFile(join(outDir, 'bfcl-customer.probes.jsonl'), toJsonl(probes));
console.log(`wrote ${sessions.length} sessions and ${probes.length} probes to ${outDir}`);
