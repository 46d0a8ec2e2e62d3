// Where an import's time goes: runs the stages of the real pipeline one by one over the same JSONL
// file and prints µs per record for each. A profiling aid next to run.ts, not a target measurement.
//
//   node --import tsx bench/import/stages.ts FILE.jsonl [--limit N]
//
// Stages: the raw baseline (readline + JSON.parse), the real importer alone (read, parse, map to
// canonical events), then per batch: the records (fields JSON + the raw line), block compression
// (here one batch at a time, for its cost; the store compresses 4,000 records at a time inside
// append), packing and record checks, and the store's real append into a fresh store (which does
// all of these again, plus the duplicate check, row indexing and SQLite inserts). The last line is
// append minus records and packing: compression, SQLite and the rest.
// Wall-clock timers: run it on a quiet machine (the 1-minute load average is printed).
import { createReadStream, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { openImport } from '../../src/importers/open.ts';
import { openStore } from '../../src/store/open.ts';
import { encodeBlock } from '../../src/store/sqlite/blocks.ts';
import { recordCheck } from '../../src/store/sqlite/chain.ts';
import { packRecords, recordText } from '../../src/store/sqlite/records.ts';

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
let blockBytes = 0;
let docChars = 0;
let events = 0;
const opened = await openImport(file, {});
t0 = performance.now();
for await (const batch of opened.batches) {
  timers.set('importer: read+parse+map', (timers.get('importer: read+parse+map') ?? 0) + performance.now() - t0);
  const items = batch.flatMap((item) => (item.kind === 'event' ? [item] : []));
  const mapped = items.map((item) => item.event);
  const rawTexts = items.map((item) => item.rawText);
  const records = timed('records (fields JSON + raw text)', () => mapped.map((e, i) => recordText(e, rawTexts[i])));
  const docs = records.map((r) => (r.raw === undefined ? r.head : `${r.head}\t${r.raw}`));
  blockBytes += timed('compress one batch (for its cost)', () => encodeBlock(docs)).length;
  timed('pack + record checks', () => {
    const packed = packRecords(records, false);
    records.forEach((_, i) => recordCheck(packed.bytes.subarray(packed.starts[i], packed.ends[i])));
  });
  await timedAsync('store.append (all store stages + SQLite)', () => store.append(mapped, rawTexts));
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

const stagesMs = ['records (fields JSON + raw text)', 'pack + record checks'].reduce((sum, k) => sum + (timers.get(k) ?? 0), 0);
timers.set('compression, SQLite and the rest of append', (timers.get('store.append (all store stages + SQLite)') ?? 0) - stagesMs);
process.stdout.write(
  `${events.toLocaleString('en-US')} events (baseline ${n.toLocaleString('en-US')} lines), format ${opened.format}, load ${loadavg()[0]!.toFixed(1)}\n`,
);
for (const [name, ms] of timers) process.stdout.write(`${name.padEnd(44)} ${((ms * 1000) / events).toFixed(2).padStart(8)} µs/record\n`);
process.stdout.write(
  `records ${(docChars / events).toFixed(0)} chars/event → compressed ${(blockBytes / events).toFixed(1)} B/event; store file ${(bytes / events).toFixed(1)} B/event\n`,
);
