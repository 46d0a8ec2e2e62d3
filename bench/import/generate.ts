// Writes generated UAL records to disk as a Management Activity API dump (JSONL, one record a line)
// or as a Purview portal CSV export. Streams: ten million records never sit in memory.
//
//   node --import tsx bench/import/generate.ts --count 1000000 --format csv --out bench/out/ual.csv
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ualRecords, type UalRecord } from './records.ts';
import { makeTenant } from './tenant.ts';

export type UalFormat = 'jsonl' | 'csv';

export interface GenerateOptions {
  count: number;
  format: UalFormat;
  seed?: number;
  /** Users in the tenant (a few thousand by default). */
  users?: number;
  start?: Date;
  days?: number;
}

export const DEFAULT_SEED = 20261001;

export const PURVIEW_HEADER = 'RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames';

const RECORD_TYPE_NAMES: Record<number, string> = { 8: 'AzureActiveDirectory', 15: 'AzureActiveDirectoryStsLogon' };

function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One Purview CSV row: AuditData is the record's JSON with doubled quotes; CreationDate has the trailing-space quirk. */
export function purviewRow(record: UalRecord): string {
  return [
    record.Id,
    `"${record.CreationTime}.0000000Z "`,
    RECORD_TYPE_NAMES[record.RecordType] ?? String(record.RecordType),
    csvField(record.Operation),
    csvField(record.UserId),
    `"${JSON.stringify(record).replace(/"/g, '""')}"`,
    '',
    '',
  ].join(',');
}

/** Generates the records of `opts` in order; the same options always give the same records. */
export function generateRecords(opts: Omit<GenerateOptions, 'format'>): Generator<UalRecord> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const tenant = makeTenant(seed, opts.users ?? 3000);
  return ualRecords(tenant, {
    seed,
    count: opts.count,
    ...(opts.start ? { start: opts.start } : {}),
    ...(opts.days !== undefined ? { days: opts.days } : {}),
  });
}

/** Streams the records to `path`; resolves with the bytes written. */
export async function writeUalFile(path: string, opts: GenerateOptions, onProgress?: (written: number) => void): Promise<number> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  const out = createWriteStream(path);
  const lineEnd = opts.format === 'csv' ? '\r\n' : '\n';
  let bytes = 0;
  let chunk = opts.format === 'csv' ? PURVIEW_HEADER + lineEnd : '';
  let written = 0;
  const flush = async () => {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
    chunk = '';
  };
  for (const record of generateRecords(opts)) {
    chunk += (opts.format === 'csv' ? purviewRow(record) : JSON.stringify(record)) + lineEnd;
    if (chunk.length > 1 << 20) await flush();
    if (++written % 100_000 === 0) onProgress?.(written);
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return bytes;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '1000000' },
      format: { type: 'string', default: 'jsonl' },
      out: { type: 'string' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      users: { type: 'string', default: '3000' },
    },
  });
  const count = Number(values.count);
  const format = values.format as UalFormat;
  if (!Number.isInteger(count) || count < 0) throw new Error(`--count must be a whole number, got ${values.count}`);
  if (format !== 'jsonl' && format !== 'csv') throw new Error(`--format must be jsonl or csv, got ${values.format}`);
  const out = values.out ?? `bench/out/ual-${count}.${format}`;
  const started = performance.now();
  const bytes = await writeUalFile(out, { count, format, seed: Number(values.seed), users: Number(values.users) }, (n) =>
    process.stderr.write(`\r${n.toLocaleString('en-US')} records`),
  );
  const s = (performance.now() - started) / 1000;
  process.stderr.write(`\r${count.toLocaleString('en-US')} records, ${(bytes / 2 ** 20).toFixed(0)} MiB, ${s.toFixed(1)} s → ${out}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
