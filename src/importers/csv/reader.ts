// Streaming CSV rows, synchronously: each write() hands the complete rows in its bytes to the handler
// before returning.
//
// Rows are read by a small byte-level reader that knows the common layout (fields unquoted, or
// quoted with `""` for a quote, records ending in LF or CRLF): a Purview AuditData row reads about ten
// times faster than through csv-parse. A record it does not recognise (a quote inside an unquoted
// field, text after a closing quote, a stray CR, a quote never closed) is handed, alone, to csv-parse
// with the options the import always used (relax_quotes, relax_column_count, skip_empty_lines, errors
// skipped), so every CSV quirk reads as before.
//
// Where a record ends follows the CSV quoting rules (a quote opens a quoted field only at the start
// of a field, as csv-parse with relax_quotes reads it). A record longer than MAX_RECORD_CHARS is never
// buffered: its bytes are counted and dropped up to its end, and it is reported with its line.
//
// Line numbers are counted here: a row starts one line after the previous row ended (plus any blank
// lines between), and ends as many lines later as its fields hold line breaks.
import { parse as parseCsvSync, type CsvError } from 'csv-parse/sync';
import { MAX_RECORD_CHARS } from '../limits.ts';

export interface CsvRowHandler {
  /** A row (the header is row 1), the line it starts on and the line it ends on (its cells may hold line breaks). */
  row(cells: string[], line: number, endLine: number): void;
  /** A row that could not be read (bad quoting, or `CSV_TOO_LARGE`), and about where it starts. */
  bad(line: number, code: string, detail: string): void;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

function countNewlines(b: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (b[i] === LF) n++;
  return n;
}

const enum Q {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

/**
 * The quoting state machine from `q` over buf[from, n): the index of the line feed that ends the
 * record, or -1 (and the state at the end of the bytes).
 */
function recordEnd(buf: Uint8Array, from: number, q: Q, d: number): { end: number; q: Q } {
  for (let i = from; i < buf.length; i++) {
    const c = buf[i]!;
    switch (q) {
      case Q.FieldStart:
        if (c === LF) return { end: i, q: Q.FieldStart };
        if (c === QUOTE) q = Q.Quoted;
        else if (c !== d && c !== CR) q = Q.Unquoted;
        break;
      case Q.Unquoted:
        if (c === d) q = Q.FieldStart;
        else if (c === LF) return { end: i, q: Q.FieldStart };
        break;
      case Q.Quoted:
        if (c === QUOTE) q = Q.QuoteInQuoted;
        break;
      case Q.QuoteInQuoted:
        if (c === QUOTE) q = Q.Quoted;
        else if (c === d) q = Q.FieldStart;
        else if (c === LF) return { end: i, q: Q.FieldStart };
        else if (c !== CR) q = Q.Unquoted;
        break;
    }
  }
  return { end: -1, q };
}

/** What the fast reader made of the bytes at a position. */
const INCOMPLETE = -1;
const UNUSUAL = -2;

export class CsvReader {
  private readonly h: CsvRowHandler;
  private readonly delimiter: string;
  private readonly d: number;
  /** The line the next record starts on. */
  private line = 1;
  /** Bytes of the record in progress (from earlier chunks), and the quoting state at their end. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private pendingQ = Q.FieldStart;
  /** Still before the first record: a BOM there is not content. */
  private atStart = true;
  /** Dropping an oversized record: its quoting state and the line breaks seen in it so far. */
  private skipping: { q: Q; newlines: number } | undefined;
  /** How the first record ended, as csv-parse would detect it: every record must end the same way. */
  private ending: '\n' | '\r\n' | undefined;
  /** Cells of the record being read by the fast reader. */
  private cells: string[] = [];
  private cellNewlines = 0;

  constructor(delimiter: string, handler: CsvRowHandler) {
    this.h = handler;
    this.delimiter = delimiter;
    this.d = delimiter.charCodeAt(0);
  }

  write(chunk: Buffer): void {
    let buf = chunk;
    if (this.pendingBytes > 0) {
      // Joined only once the record ends: a long record is not copied again with every chunk.
      const { end, q } = recordEnd(chunk, 0, this.pendingQ, this.d);
      if (end < 0) {
        this.pending.push(chunk);
        this.pendingBytes += chunk.length;
        this.pendingQ = q;
        if (this.pendingBytes > MAX_RECORD_CHARS) {
          this.skipping = { q, newlines: this.pending.reduce((k, b) => k + countNewlines(b, 0, b.length), 0) };
          this.pending = [];
          this.pendingBytes = 0;
        }
        return;
      }
      buf = Buffer.concat([...this.pending, chunk]);
      this.pending = [];
      this.pendingBytes = 0;
    }
    let pos = 0;
    if (this.skipping) {
      const { end, q } = recordEnd(buf, 0, this.skipping.q, this.d);
      if (end < 0) {
        this.skipping = { q, newlines: this.skipping.newlines + countNewlines(buf, 0, buf.length) };
        return;
      }
      this.endSkip(this.skipping.newlines + countNewlines(buf, 0, end));
      pos = end + 1;
    }
    if (this.atStart && buf.length - pos >= 3 && buf[pos] === 0xef && buf[pos + 1] === 0xbb && buf[pos + 2] === 0xbf) pos += 3;
    while (pos < buf.length) {
      const next = this.record(buf, pos);
      if (next === INCOMPLETE) break;
      pos = next;
    }
    if (pos < buf.length) this.keep(buf, pos);
  }

  end(): void {
    if (this.skipping) this.endSkip(this.skipping.newlines);
    if (this.pendingBytes === 0) return;
    const rest = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    // The last record has no line break after it.
    if (this.record(Buffer.concat([rest, Buffer.of(LF)]), 0) === INCOMPLETE) this.slow(rest, 0, rest.length);
  }

  /** Keeps the start of an unfinished record, unless it is already too large to keep. */
  private keep(buf: Buffer, from: number): void {
    const { q } = recordEnd(buf, from, Q.FieldStart, this.d);
    if (buf.length - from <= MAX_RECORD_CHARS) {
      this.pending = [Buffer.from(buf.subarray(from))];
      this.pendingBytes = buf.length - from;
      this.pendingQ = q;
    } else this.skipping = { q, newlines: countNewlines(buf, from, buf.length) };
  }

  private endSkip(newlines: number): void {
    this.skipping = undefined;
    this.atStart = false;
    this.h.bad(this.line, 'CSV_TOO_LARGE', 'record too large');
    this.line += newlines + 1;
  }

  /** Reads the record at `pos`: returns where the next one starts, or INCOMPLETE. */
  private record(buf: Buffer, pos: number): number {
    // Blank lines are not records.
    if (buf[pos] === LF) {
      this.line++;
      return pos + 1;
    }
    if (buf[pos] === CR && pos + 1 < buf.length && buf[pos + 1] === LF) {
      this.line++;
      return pos + 2;
    }
    const next = this.fast(buf, pos);
    if (next === INCOMPLETE) return INCOMPLETE;
    if (next !== UNUSUAL) {
      const cells = this.cells;
      this.atStart = false;
      this.h.row(cells, this.line, this.line + this.cellNewlines);
      this.line += 1 + this.cellNewlines;
      return next;
    }
    const { end } = recordEnd(buf, pos, Q.FieldStart, this.d);
    if (end < 0) return INCOMPLETE;
    this.slow(buf, pos, end + 1);
    return end + 1;
  }

  /**
   * The common layout: fills `cells` and returns where the next record starts, or UNUSUAL, or
   * INCOMPLETE when the bytes end first.
   */
  private fast(buf: Buffer, pos: number): number {
    const n = buf.length;
    const d = this.d;
    this.cells = [];
    this.cellNewlines = 0;
    let i = pos;
    for (;;) {
      if (i >= n) return INCOMPLETE;
      let after: number;
      if (buf[i] === QUOTE) {
        let j = i + 1;
        let escaped = false;
        for (;;) {
          if (j + 1 >= n) return INCOMPLETE;
          const c = buf[j]!;
          if (c === QUOTE) {
            if (buf[j + 1] !== QUOTE) break;
            escaped = true;
            j += 2;
            continue;
          }
          if (c === LF) this.cellNewlines++;
          j++;
        }
        const cell = buf.toString('utf8', i + 1, j);
        this.cells.push(escaped ? cell.replaceAll('""', '"') : cell);
        after = j + 1;
      } else {
        let j = i;
        for (; j < n; j++) {
          const c = buf[j]!;
          if (c === d || c === LF || c === CR) break;
          if (c === QUOTE) return UNUSUAL;
        }
        if (j >= n) return INCOMPLETE;
        this.cells.push(buf.toString('utf8', i, j));
        after = j;
      }
      if (after >= n) return INCOMPLETE;
      const c = buf[after]!;
      if (c === d) {
        i = after + 1;
        continue;
      }
      if (c === LF) return this.ended('\n') ? after + 1 : UNUSUAL;
      if (c === CR) {
        if (after + 1 >= n) return INCOMPLETE;
        return buf[after + 1] === LF && this.ended('\r\n') ? after + 2 : UNUSUAL;
      }
      return UNUSUAL;
    }
  }

  /** Whether a record ending this way ends like the first one (which sets the file's ending). */
  private ended(ending: '\n' | '\r\n'): boolean {
    this.ending ??= ending;
    return this.ending === ending;
  }

  /** One record read by csv-parse, with the options every CSV import uses. */
  private slow(buf: Buffer, from: number, to: number): void {
    const text = buf.subarray(from, to);
    if (this.ending === undefined) {
      const lf = text.indexOf(LF);
      if (lf >= 0) this.ending = lf > 0 && text[lf - 1] === CR ? '\r\n' : '\n';
    }
    const start = this.line;
    let line = start;
    let rows: string[][];
    try {
      rows = parseCsvSync(text, {
        delimiter: this.delimiter,
        bom: this.atStart,
        ...(this.ending !== undefined ? { record_delimiter: this.ending } : {}),
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        skip_records_with_error: true,
        on_skip: (err: CsvError | undefined) => {
          const code = err?.code ?? 'CSV_ERROR';
          this.h.bad(line++, code, err?.message ?? code);
          return undefined;
        },
      });
    } catch (e) {
      rows = [];
      this.h.bad(line, 'CSV_ERROR', e instanceof Error ? e.message : String(e));
    }
    for (const cells of rows) {
      let breaks = 0;
      for (const c of cells) for (let at = c.indexOf('\n'); at >= 0; at = c.indexOf('\n', at + 1)) breaks++;
      this.h.row(cells, line, line + breaks);
      line += breaks + 1;
    }
    this.atStart = false;
    this.line = start + 1 + countNewlines(text, 0, text.length - (text[text.length - 1] === LF ? 1 : 0));
  }
}
