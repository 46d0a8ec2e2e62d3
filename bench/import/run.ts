// The import benchmark: generate realistic UAL files, time the raw parse rate and the real import of
// the same file in the same run, and report events/s, peak RSS and store bytes per event.
//
//   npm run bench:import                                  # 1,000,000 records, JSONL and CSV
//   npm run bench:import -- --sizes 1000000,10000000 --formats jsonl --clean
//
// Options: --count N | --sizes N,N…  --formats jsonl,csv  --seed S  --verify (also time `takeback verify`)
//          --clean (delete generated files afterwards; they are cached in bench/out/ otherwise)
import { appendFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { peakMethod, runMeasured, type ChildRun } from './child.ts';
import { DEFAULT_SEED, writeUalFile, type UalFormat } from './generate.ts';

/** Bump when the generator's output changes, so cached files are not reused. */
const GENERATOR_VERSION = 2;
const ROOT = new URL('../../', import.meta.url).pathname;
const OUT = join(ROOT, 'bench', 'out');
/** The issue's targets; peak RSS in MB (10^6 bytes), the stricter reading. */
const TARGET = { ratio: 0.5, peakMB: 300, bytesPerEvent: 250 };
/** Disk a record takes, measured: its line in the file plus its share of the store (with WAL). */
const DISK_BYTES_PER_RECORD = { jsonl: 1600 + 600, csv: 1950 + 600 };

interface Result {
  date: string;
  records: number;
  format: UalFormat;
  fileBytes: number;
  rawMs: number;
  rawCpuS: number;
  rawPeak: number;
  importMs: number;
  importCpuS: number;
  importPeak: number;
  /** 1-minute load average before and after the import: other work on the machine skews wall times. */
  load: [number, number];
  storeBytes: number;
  verifyMs?: number;
  verifyPeak?: number;
}

const MiB = 2 ** 20;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function fail(message: string): never {
  process.stderr.write(`\nBENCHMARK FAILED: ${message}\n`);
  process.exit(1);
}

/** The generated file, or undefined (with a note) when the disk is too small for it and its store. */
async function dataFile(records: number, format: UalFormat, seed: number): Promise<string | undefined> {
  const file = join(OUT, `ual-v${GENERATOR_VERSION}-${records}-s${seed}.${format}`);
  const done = `${file}.done`;
  if (existsSync(file) && existsSync(done)) {
    process.stderr.write(`reusing ${file}\n`);
    return file;
  }
  rmSync(done, { force: true });
  const free = await freeBytes();
  const need = records * DISK_BYTES_PER_RECORD[format] * 1.1;
  if (free < need) {
    process.stderr.write(`SKIPPED ${fmt(records)} ${format}: needs ${fmt(need / 2 ** 30, 1)} GiB free, ${OUT} has ${fmt(free / 2 ** 30, 1)} GiB\n`);
    return undefined;
  }
  const started = performance.now();
  const bytes = await writeUalFile(file, { count: records, format, seed }, (n) => process.stderr.write(`\rgenerating ${format}: ${fmt(n)}`));
  writeFileSync(done, '');
  process.stderr.write(`\rgenerated ${fmt(records)} ${format} records, ${fmt(bytes / MiB)} MiB in ${fmt((performance.now() - started) / 1000, 1)} s\n`);
  return file;
}

async function freeBytes(): Promise<number> {
  const s = await statfs(OUT);
  return s.bavail * s.bsize;
}

function check(run: ChildRun, what: string): void {
  if (run.code !== 0) fail(`${what} exited with ${run.code}\n${run.stderr.slice(-4000)}`);
}

function storeFiles(db: string): string[] {
  return [db, `${db}-wal`, `${db}-shm`];
}

async function benchOne(records: number, format: UalFormat, seed: number, verify: boolean): Promise<Result | undefined> {
  const file = await dataFile(records, format, seed);
  if (!file) return undefined;
  const node = process.execPath;
  process.stderr.write(`raw ${format} parse…\n`);
  const raw = await runMeasured(node, ['--import', 'tsx', join(ROOT, 'bench/import/baseline.ts'), format, file]);
  check(raw, 'baseline');
  const rawCount = (JSON.parse(raw.stdout) as { records: number }).records;
  if (rawCount !== records) fail(`baseline read ${rawCount} records, expected ${records}`);

  const store = join(OUT, `store-${records}-${format}.db`);
  for (const f of storeFiles(store)) rmSync(f, { force: true });
  process.stderr.write(`takeback import ${format}…\n`);
  const loadBefore = loadavg()[0]!;
  const imp = await runMeasured(node, [join(ROOT, 'bin/takeback.js'), '--store', store, 'import', '--json', file]);
  check(imp, 'import');
  const summary = (JSON.parse(imp.stdout) as { files: Array<{ records: number; imported: number; rejected: number; skipped: number; error?: string }> }).files[0]!;
  if (summary.error) fail(`import reported: ${summary.error}`);
  if (summary.records !== records || summary.imported !== records) {
    fail(`import read ${summary.records} records and imported ${summary.imported} (rejected ${summary.rejected}, skipped ${summary.skipped}); expected ${records}`);
  }
  // Bytes on disk after the importer closed the store (db + wal + shm, whichever exist).
  const storeBytes = storeFiles(store).reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0);
  const db = new Database(store, { readonly: true, fileMustExist: true });
  const stored = db.prepare('SELECT count(*) FROM events').pluck().get() as number;
  db.close();
  if (stored !== records) fail(`store holds ${stored} events, expected ${records}`);

  const result: Result = {
    date: new Date().toISOString(),
    records,
    format,
    fileBytes: statSync(file).size,
    rawMs: raw.wallMs,
    rawCpuS: raw.cpuSeconds,
    rawPeak: raw.peakRssBytes,
    importMs: imp.wallMs,
    importCpuS: imp.cpuSeconds,
    importPeak: imp.peakRssBytes,
    load: [loadBefore, loadavg()[0]!],
    storeBytes,
  };
  if (verify) {
    process.stderr.write('takeback verify…\n');
    const v = await runMeasured(node, [join(ROOT, 'bin/takeback.js'), '--store', store, 'verify', '--json']);
    check(v, 'verify');
    result.verifyMs = v.wallMs;
    result.verifyPeak = v.peakRssBytes;
  }
  for (const f of storeFiles(store)) rmSync(f, { force: true });
  return result;
}

function table(results: readonly Result[]): string {
  const head = ['records', 'format', 'file MiB', 'raw rec/s', 'import ev/s', 'ratio', 'CPU µs/ev raw / import', 'import peak RSS', 'raw peak RSS', 'store B/event', 'store MiB', 'load'];
  const ok = (pass: boolean) => (pass ? ' ok' : ' MISS');
  const rows = results.map((r) => {
    const rawRate = r.records / (r.rawMs / 1000);
    const impRate = r.records / (r.importMs / 1000);
    const ratio = impRate / rawRate;
    const peakMB = r.importPeak / 1e6;
    const per = r.storeBytes / r.records;
    const cpu = (s: number) => (s > 0 ? fmt((s * 1e6) / r.records, 1) : '?');
    return [
      fmt(r.records),
      r.format,
      fmt(r.fileBytes / MiB),
      fmt(rawRate),
      fmt(impRate),
      fmt(ratio, 2) + ok(ratio >= TARGET.ratio),
      `${cpu(r.rawCpuS)} / ${cpu(r.importCpuS)}`,
      `${fmt(r.importPeak / MiB)} MiB = ${fmt(peakMB)} MB` + ok(peakMB <= TARGET.peakMB),
      `${fmt(r.rawPeak / MiB)} MiB`,
      fmt(per, 1) + ok(per <= TARGET.bytesPerEvent),
      fmt(r.storeBytes / MiB, 1),
      r.load.map((l) => fmt(l, 1)).join('→'),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i < 2 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' },
      sizes: { type: 'string' },
      formats: { type: 'string', default: 'jsonl,csv' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      verify: { type: 'boolean', default: false },
      clean: { type: 'boolean', default: false },
    },
  });
  const sizes = (values.sizes ?? values.count ?? '1000000').split(',').map((s) => Number(s.replace(/_/g, '')));
  const formats = values.formats.split(',') as UalFormat[];
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) fail(`bad --count/--sizes: ${values.sizes ?? values.count}`);
  if (formats.some((f) => f !== 'jsonl' && f !== 'csv')) fail(`bad --formats: ${values.formats}`);
  const seed = Number(values.seed);
  mkdirSync(OUT, { recursive: true });

  const results: Result[] = [];
  for (const records of sizes) {
    for (const format of formats) {
      const r = await benchOne(records, format, seed, values.verify);
      if (!r) continue;
      results.push(r);
      appendFileSync(join(OUT, 'results.jsonl'), JSON.stringify(r) + '\n');
      if (values.clean) {
        const file = join(OUT, `ual-v${GENERATOR_VERSION}-${records}-s${seed}.${format}`);
        rmSync(file, { force: true });
        rmSync(`${file}.done`, { force: true });
      }
    }
  }
  process.stdout.write(
    `\nNode ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${fmt(totalmem() / 2 ** 30)} GiB RAM; peak RSS by ${peakMethod()}\n` +
      `targets: import ≥ ${TARGET.ratio}× raw parse rate, peak RSS ≤ ${TARGET.peakMB} MB, store ≤ ${TARGET.bytesPerEvent} bytes/event\n\n` +
      table(results) +
      '\n',
  );
  for (const r of results.filter((x) => x.verifyMs !== undefined)) {
    process.stdout.write(`verify ${fmt(r.records)} ${r.format}: ${fmt(r.verifyMs! / 1000, 1)} s, peak ${fmt(r.verifyPeak! / MiB)} MiB\n`);
  }
}

await main();
