// The offline import entry point: `takeback import FILE…` opens each file with openImport and stores
// the batches it yields.
//
// Format detection looks at the content, never the file name: the encoding from the first bytes (BOM,
// UTF-8 validity, UTF-16 NUL pattern, Shift_JIS), then JSON vs CSV from the first character, then the
// layout from the CSV header or the first JSON records (see json/classify.ts, csv/formats.ts).
//
// Errors:
//   - before any record: openImport throws TakebackError `import.unreadable` {file, detail},
//     `import.empty` {file}, `import.binary` {file, detail}, `import.unknown_format` {file, detail}.
//   - while streaming: a record that cannot be read becomes a `rejected` item naming its line and record
//     number, and the file goes on. This includes the end of a truncated file: every complete record
//     before the cut is yielded first, then one final `rejected` item (`import.record.truncated`) names the
//     line where the cut record starts (or where the file ends, if the cut falls between two records).
//     Streaming never throws for bad content; it throws only if the file itself cannot be read any
//     more (TakebackError `import.unreadable`, after the batches so far).
import { TakebackError } from '../core/errors.ts';
import type { NormaliseOptions } from '../providers/common/normalise.ts';
import { ChunkDecoder, sniffEncoding } from './decode.ts';
import { csvFormatOf } from './csv/formats.ts';
import { FORMAT_OF_KIND, auditKindOfContext, type RecordKind } from './json/classify.ts';
import { BATCH_CHARS, BATCH_SIZE, FIRST_CHUNK_BYTES, READ_CHUNK_BYTES, SNIFF_BYTES } from './limits.ts';
import { CsvPipeline, JsonPipeline, csvDelimiter, csvHeader, excelSeparator, type Pipeline } from './pipeline.ts';
import { ByteSource } from './source.ts';
import type { ParsedItem } from './types.ts';

export interface OpenedImport {
  /** A stable format id: see FORMAT_IDS. */
  format: string;
  /** File size in bytes. */
  size: number;
  /** Bytes read so far, for a progress bar. */
  bytesRead(): number;
  /** Items in file order, in batches of about BATCH_SIZE. */
  batches: AsyncIterable<ParsedItem[]>;
  /** Characters that could not be decoded (Shift_JIS, UTF-8) and become U+FFFD, so far. */
  replacedChars(): number;
  /** The file's text encoding as decided so far (`auto` while all of it was ASCII). */
  encoding(): string;
}

/** Every format id openImport can return. */
export const FORMAT_IDS = [
  'graph.directoryAudits',
  'graph.signIns',
  'graph.auditLogRecords',
  'graph.directoryState',
  'graph.error',
  'graph.auditLogQuery',
  'o365.management.json',
  'purview.json',
  'purview.csv',
  'purview.csv.legacy',
  'entra.download.audit.csv',
  'entra.download.signins.csv',
  'la.json',
  'la.auditlogs.csv',
  'la.signinlogs.csv',
  'la.officeactivity.csv',
  'la.query.csv',
  'azure.diagnostic.json',
  'gws.reports.json',
  'defender.hunting.json',
  'json.empty',
] as const;

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff;
}

function shorten(s: string, max = 120): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

/** The text length of an item's record (what it holds in memory, roughly). */
function charsOfItem(item: ParsedItem): number {
  return item.kind === 'event' ? (item.rawText?.length ?? 0) : 0;
}

function charsOf(items: readonly ParsedItem[]): number {
  let n = 0;
  for (const item of items) n += charsOfItem(item);
  return n;
}

/**
 * Where the full batch starting at `from` ends: after BATCH_SIZE items or once its records reach
 * BATCH_CHARS characters; 0 if the items from `from` on do not fill a batch yet.
 */
function fullBatchEnd(items: readonly ParsedItem[], from: number): number {
  let chars = 0;
  for (let i = from; i < items.length; i++) {
    chars += charsOfItem(items[i]!);
    if (i + 1 - from >= BATCH_SIZE || chars >= BATCH_CHARS) return i + 1;
  }
  return 0;
}

/** Yields the items a pipeline makes of the rest of the file, in batches, after `first`. */
async function* batchesOf(first: ParsedItem[], source: ByteSource, pipeline: Pipeline, done: boolean): AsyncGenerator<ParsedItem[]> {
  try {
    let pending = first;
    let finished = done;
    for (;;) {
      if (pending.length >= BATCH_SIZE || charsOf(pending) >= BATCH_CHARS) {
        let i = 0;
        for (let end = fullBatchEnd(pending, i); end > 0; end = fullBatchEnd(pending, i)) {
          yield pending.slice(i, end);
          i = end;
        }
        pending = pending.slice(i);
      }
      if (finished) break;
      const chunk = await source.read(READ_CHUNK_BYTES);
      pipeline.push(chunk ?? undefined);
      if (chunk === null) finished = true;
      const items = pipeline.take();
      if (items.length > 0) pending = pending.length === 0 ? items : pending.concat(items);
    }
    if (pending.length > 0) yield pending;
  } finally {
    await source.close();
  }
}

/** The JSON file's format, from the records read while sniffing. */
function jsonFormat(file: string, p: JsonPipeline): string {
  const d = p.dispatcher;
  const kind: RecordKind | undefined = d.firstEventKind ?? [...d.kinds].find((k) => k !== 'unknown');
  if (kind !== undefined && kind !== 'unknown') return FORMAT_OF_KIND[kind];
  if (d.firstKind === 'unknown') {
    throw new TakebackError('import.unknown_format', { file, detail: `JSON records with keys: ${d.unknownHint ?? '?'}` });
  }
  // No records at all: an empty page or array. Name it from the envelope if it says what it holds.
  const ctx = d.firstContext;
  const fromContext = auditKindOfContext(ctx?.odataContext);
  if (fromContext !== undefined && fromContext !== 'unknown') return FORMAT_OF_KIND[fromContext];
  if (ctx?.kind === 'admin#reports#activities') return 'gws.reports.json';
  if (ctx?.odataContext !== undefined) return 'graph.directoryState';
  return 'json.empty';
}

export async function openImport(file: string, options: { tenant?: string }): Promise<OpenedImport> {
  const source = await ByteSource.open(file);
  try {
    if (source.size === 0) throw new TakebackError('import.empty', { file });
    const head = await source.read(FIRST_CHUNK_BYTES);
    if (head === null) throw new TakebackError('import.empty', { file });
    const atEof = source.position >= source.size;

    const sniffed = sniffEncoding(head, atEof);
    if ('binary' in sniffed) throw new TakebackError('import.binary', { file, detail: sniffed.binary });
    const text = new ChunkDecoder(sniffed.encoding).text(head);
    let start = 0;
    while (start < text.length && isBlank(text.charCodeAt(start))) start++;
    if (start === text.length) {
      if (atEof) throw new TakebackError('import.empty', { file });
      throw new TakebackError('import.unknown_format', { file, detail: 'the first MiB is blank' });
    }
    const opts: NormaliseOptions = options.tenant === undefined ? {} : { fallbackTenant: options.tenant };
    const decoder = new ChunkDecoder(sniffed.encoding);
    const first = text.charCodeAt(start);

    if (first === 123 /* { */ || first === 91 /* [ */) {
      // NDJSON when the first line is a complete JSON value; otherwise a (possibly huge) JSON document.
      let mode: 'lines' | 'document' = 'document';
      const nl = text.indexOf('\n', start);
      if (first === 123 && nl > 0) {
        try {
          JSON.parse(text.slice(start, nl));
          mode = 'lines';
        } catch {
          mode = 'document';
        }
      }
      const pipeline = new JsonPipeline(mode, decoder, options.tenant);
      pipeline.push(head);
      let done = atEof;
      if (done) pipeline.push(undefined);
      const stash: ParsedItem[] = pipeline.take();
      // Read on until the first audit record names the format (or the sniffing budget is spent).
      // (A first record larger than the budget is read to its end, or to the record size limit.)
      while (!done && pipeline.dispatcher.firstEventKind === undefined && (source.position < SNIFF_BYTES || stash.length === 0)) {
        const chunk = await source.read(READ_CHUNK_BYTES);
        pipeline.push(chunk ?? undefined);
        if (chunk === null) done = true;
        stash.push(...pipeline.take());
      }
      const format = jsonFormat(file, pipeline);
      await source.close();
      return { format, size: source.size, bytesRead: () => source.position, batches: batchesOf(stash, source, pipeline, done), replacedChars: () => decoder.replaced, encoding: () => decoder.encoding };
    }

    // CSV: the header line decides the layout.
    let headerEnd = text.indexOf('\n', start);
    if (headerEnd < 0) headerEnd = text.length;
    let headerLine = text.slice(start, headerEnd).replace(/\r$/, '');
    // Excel's `sep=;` line names the delimiter; the header follows it.
    const sep = excelSeparator(headerLine);
    if (sep !== undefined) {
      const from = headerEnd + 1;
      headerEnd = text.indexOf('\n', from);
      if (headerEnd < 0) headerEnd = text.length;
      headerLine = text.slice(from, headerEnd).replace(/\r$/, '');
    }
    const delimiter = sep ?? csvDelimiter(headerLine);
    const header = csvHeader(headerLine, delimiter);
    const format = header.length > 1 ? csvFormatOf(header, opts) : undefined;
    if (format === undefined) {
      const detail =
        header.length > 1
          ? `CSV columns: ${shorten(header.slice(0, 10).join(', '))}${header.length > 10 ? ', …' : ''}`
          : `text starting with "${shorten(headerLine, 60)}"`;
      throw new TakebackError('import.unknown_format', { file, detail });
    }
    const pipeline = new CsvPipeline(delimiter, decoder, opts, format, sep !== undefined);
    pipeline.push(head);
    if (atEof) pipeline.push(undefined);
    const stash = pipeline.take();
    await source.close();
    return { format: format.id, size: source.size, bytesRead: () => source.position, batches: batchesOf(stash, source, pipeline, atEof), replacedChars: () => decoder.replaced, encoding: () => decoder.encoding };
  } catch (e) {
    await source.close();
    throw e;
  }
}
