// The raw rate an import is compared with: read every record of the file and JSON.parse it, nothing
// else. Run as its own process, so its time and peak RSS are measured like the import's.
//
//   jsonl: readline over a file stream + JSON.parse of each line.
//   csv:   csv-parse streaming (the CSV reader the project depends on; a line reader cannot parse CSV,
//          whose quoted fields may hold newlines) + JSON.parse of each row's AuditData column.
//
// Prints {"records":N,"ms":T} on stdout.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';

async function jsonl(file: string): Promise<number> {
  let records = 0;
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.length === 0) continue;
    JSON.parse(line);
    records++;
  }
  return records;
}

async function csv(file: string): Promise<number> {
  let records = 0;
  let auditData = -1;
  const rows = createReadStream(file).pipe(parse({ bom: true, relax_column_count: true }));
  for await (const row of rows as AsyncIterable<string[]>) {
    if (auditData < 0) {
      auditData = row.indexOf('AuditData');
      if (auditData < 0) throw new Error('no AuditData column');
      continue;
    }
    JSON.parse(row[auditData]!);
    records++;
  }
  return records;
}

const [format, file] = process.argv.slice(2);
if (!file || (format !== 'jsonl' && format !== 'csv')) throw new Error('usage: baseline.ts jsonl|csv FILE');
const started = performance.now();
const records = format === 'jsonl' ? await jsonl(file) : await csv(file);
process.stdout.write(JSON.stringify({ records, ms: Math.round(performance.now() - started) }) + '\n');
