// Where an import's time goes: runs the stages of the real pipeline one by one over the same JSONL
// file and prints µs per record for each. A profiling aid next to run.ts, not a target measurement.
//
//   node --import tsx bench/import/stages.ts FILE.jsonl [--limit N]
//
// Stages: the raw baseline (readline + JSON.parse), the real importer alone (read, parse, map to
// canonical events), then per batch: JSON.stringify of the events, block compression, the SHA-256
// chain, and the store's real append into a fresh store (which does all three again plus the
// duplicate check, row indexing and SQLite inserts). "SQLite and the rest" is append minus those three.
// Wall-clock timers: run it on a quiet machine (the 1-minute load average is printed).
import { createReadStream, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { openImport } from '../../src/importers/open.ts';
import { openStore } from '../../src/store/open.ts';
import { encodeBlock } from '../../src/store/sqlite/blocks.ts';
import { chainHash, genesisHash } from '../../src/store/sqlite/events.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { limit: { type: 'string', default: '200000' } },
});
const file = positionals[0];
if (!file) throw new Error('usage: stages.ts FILE.jsonl [--limit N]');
const limit = Number(values.limit);

const timers = new Map<string, number>();
async function timedAsync<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await fn();
  timers.set(name, (timers.get(name) ?? 0) + performance.now() - t0);
  return r;
}
function timed<T>(name: string, fn: () => T): T {
  const t0 = performance.now();
  const r = fn();
  timers.set(name, (timers.get(name) ?? 0) + performance.now() - t0);
  return r;
}

// 1. read + split + parse: the raw baseline, in-process
let t0 = performance.now();
let n = 0;
for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
  JSON.parse(line);
  if (++n >= limit) break;
}
timers.set('readline + JSON.parse (baseline)', performance.now() - t0);

// 2. the real importer alone, then each store stage on its batches, then the real append
const path = `/tmp/takeback-stages-${process.pid}.db`;
const store = openStore(path);
let chain = genesisHash('t');
let blockBytes = 0;
let docChars = 0;
let events = 0;
const opened = await openImport(file, {});
t0 = performance.now();
for await (const batch of opened.batches) {
  timers.set('importer: read+parse+map', (timers.get('importer: read+parse+map') ?? 0) + performance.now() - t0);
  const mapped = batch.flatMap((item) => (item.kind === 'event' ? [item.event] : []));
  const docs = timed('JSON.stringify(event)', () => mapped.map((e) => JSON.stringify(e)));
  blockBytes += timed('compress block', () => encodeBlock(docs)).length;
  timed('SHA-256 chain', () => {
    for (const d of docs) chain = chainHash(chain, d);
  });
  await timedAsync('store.append (all store stages + SQLite)', () => store.append(mapped));
  for (const d of docs) docChars += d.length;
  events += mapped.length;
  if (events >= limit) break;
  t0 = performance.now();
}
t0 = performance.now();
await store.close();
timers.set('store.close (checkpoint)', performance.now() - t0);
const bytes = statSync(path).size;
for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });

const stagesMs = ['JSON.stringify(event)', 'compress block', 'SHA-256 chain'].reduce((sum, k) => sum + (timers.get(k) ?? 0), 0);
timers.set('SQLite and the rest of append', (timers.get('store.append (all store stages + SQLite)') ?? 0) - stagesMs);
process.stdout.write(
  `${events.toLocaleString('en-US')} events (baseline ${n.toLocaleString('en-US')} lines), format ${opened.format}, load ${loadavg()[0]!.toFixed(1)}\n`,
);
for (const [name, ms] of timers) process.stdout.write(`${name.padEnd(44)} ${((ms * 1000) / events).toFixed(2).padStart(8)} µs/record\n`);
process.stdout.write(
  `canonical JSON ${(docChars / events).toFixed(0)} chars/event → compressed ${(blockBytes / events).toFixed(1)} B/event; store file ${(bytes / events).toFixed(1)} B/event\n`,
);
