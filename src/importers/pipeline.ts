// A pipeline turns the bytes of one file, chunk by chunk, into ParsedItems.
import type { NormaliseOptions } from '../providers/common/normalise.ts';
import { parse as parseCsvSync } from 'csv-parse/sync';
import type { ChunkDecoder } from './decode.ts';
import { CsvReader } from './csv/reader.ts';
import { csvFormatOf, type CsvFormat } from './csv/formats.ts';
import { rejected } from './issues.ts';
import { MAX_RECORD_MIB } from './limits.ts';
import { JsonDispatcher } from './json/dispatch.ts';
import { LineSplitter } from './json/lines.ts';
import { JsonScanner } from './json/scanner.ts';
import type { ParsedItem } from './types.ts';

export interface Pipeline {
  /** The next chunk of the file; `undefined` at its end. */
  push(chunk: Buffer | undefined): void;
  /** Items produced since the last call. */
  take(): ParsedItem[];
}

/** JSON documents (streamed arrays) or NDJSON (one value a line), through the dispatcher. */
export class JsonPipeline implements Pipeline {
  readonly dispatcher: JsonDispatcher;
  private readonly decoder: ChunkDecoder;
  private readonly feedText: (s: string) => void;
  private readonly endText: () => void;

  constructor(mode: 'lines' | 'document', decoder: ChunkDecoder, fallbackTenant: string | undefined) {
    this.decoder = decoder;
    this.dispatcher = new JsonDispatcher(fallbackTenant);
    if (mode === 'lines') {
      const lines = new LineSplitter(this.dispatcher);
      this.feedText = (s) => lines.feed(s);
      this.endText = () => lines.end();
    } else {
      const scanner = new JsonScanner(this.dispatcher);
      this.feedText = (s) => scanner.feed(s);
      this.endText = () => scanner.end();
    }
  }

  push(chunk: Buffer | undefined): void {
    const text = this.decoder.text(chunk);
    if (text.length > 0) this.feedText(text);
    if (chunk === undefined) this.endText();
  }

  take(): ParsedItem[] {
    return this.dispatcher.take();
  }
}

/** The delimiter of a CSV header line: the most frequent of , ; and tab outside quotes. */
export function csvDelimiter(headerLine: string): string {
  let comma = 0;
  let semi = 0;
  let tab = 0;
  let quoted = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 44) comma++;
    else if (c === 59) semi++;
    else if (c === 9) tab++;
  }
  if (tab > comma && tab > semi) return '\t';
  if (semi > comma) return ';';
  return ',';
}

/**
 * The delimiter an Excel `sep=` line names (`sep=;`), or undefined: Excel writes that line before the
 * header when a CSV is saved for another locale's list separator, and skips it when it opens the file.
 */
export function excelSeparator(firstLine: string): string | undefined {
  const m = /^sep=(.)$/i.exec(firstLine);
  return m?.[1];
}

/** The header cells of a CSV whose first line is `headerLine`. */
export function csvHeader(headerLine: string, delimiter: string): string[] {
  try {
    const rows: string[][] = parseCsvSync(headerLine, { delimiter, relax_quotes: true, relax_column_count: true, bom: true });
    return rows[0] ?? [];
  } catch {
    return headerLine.split(delimiter);
  }
}

/** A CSV file in one of the layouts of csv/formats.ts. */
export class CsvPipeline implements Pipeline {
  private out: ParsedItem[] = [];
  private readonly reader: CsvReader;
  private readonly decoder: ChunkDecoder;
  private format: CsvFormat;
  private rows = 0;

  /** `sepLine`: the file starts with an Excel `sep=` line, before the header (not a record). */
  constructor(delimiter: string, decoder: ChunkDecoder, opts: NormaliseOptions, known: CsvFormat, sepLine = false) {
    this.decoder = decoder;
    this.format = known;
    let skip = sepLine;
    this.reader = new CsvReader(delimiter, {
      row: (cells, line, endLine) => {
        if (skip) {
          skip = false;
          return;
        }
        if (this.rows++ === 0) {
          // The header: the layout was decided from the same line already; take the column positions
          // from csv-parse's reading of it (quoted names), as long as it names the same layout.
          const again = csvFormatOf(cells, opts);
          if (again !== undefined && again.id === known.id) this.format = again;
          return;
        }
        this.format.row(cells, { line, record: this.rows - 1, ...(endLine > line ? { endLine } : {}) }, this.out);
      },
      bad: (line, code, detail) => {
        const record = this.rows++;
        if (code === 'CSV_TOO_LARGE') this.out.push(rejected({ line, record }, 'import.record.too_large', { limit_mib: MAX_RECORD_MIB }));
        else this.out.push(rejected({ line, record }, 'import.record.csv_syntax', { detail: detail.slice(0, 200) }));
      },
    });
  }

  push(chunk: Buffer | undefined): void {
    const bytes = this.decoder.utf8(chunk);
    if (bytes.length > 0) this.reader.write(bytes);
    if (chunk === undefined) this.reader.end();
  }

  take(): ParsedItem[] {
    const items = this.out;
    this.out = [];
    return items;
  }
}
