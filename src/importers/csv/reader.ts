// Streaming CSV rows with csv-parse, driven synchronously: each write() parses what it can and hands
// the rows to the handler before returning, so rows come out in batches per chunk, with no per-row
// async step.
//
// In front of csv-parse sits a small byte-level scanner that follows the CSV quoting rules (a quote
// opens a quoted field only at the start of a field, as csv-parse with relax_quotes reads it) to find
// where records end. csv-parse is only given complete records; a record longer than MAX_RECORD_CHARS
// is never buffered: its bytes are counted and dropped up to its end, and it is reported with its line.
// (csv-parse's own max_record_size cannot be used: after that error it drops the rest of the chunk.)
//
// Line numbers are counted here too: csv-parse's own count is off after quoted fields holding CRLF
// (it counts them twice), and Log Analytics exports are full of those. A row starts one line after the
// previous row ended (plus any blank lines between), and ends as many lines later as its fields hold
// line breaks.
import { Parser, type CsvError } from 'csv-parse';
import { MAX_RECORD_CHARS } from '../limits.ts';

export interface CsvRowHandler {
  /** A row (the header is row 1) and the line it starts on. */
  row(cells: string[], line: number): void;
  /** A row that could not be read (bad quoting, or `CSV_TOO_LARGE`), and about where it starts. */
  bad(line: number, code: string, detail: string): void;
}

function countNewlines(s: string): number {
  let n = 0;
  let i = s.indexOf('\n');
  while (i >= 0) {
    n++;
    i = s.indexOf('\n', i + 1);
  }
  return n;
}

function countNewlineBytes(b: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (b[i] === 10) n++;
  return n;
}

const enum Q {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

export class CsvReader {
  private readonly parser: Parser;
  private readonly h: CsvRowHandler;
  private readonly delimiter: number;
  private prevEnd = 0;
  private prevEmpty = 0;
  // the record scanner
  private q = Q.FieldStart;
  /** Bytes of the record in progress, not yet given to csv-parse. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** The record in progress has a byte other than line-break bytes (csv-parse skips empty lines). */
  private content = false;
  /** Non-empty records given to csv-parse, and records it has handed back (rows and skips). */
  private fed = 0;
  private seen = 0;
  /** Dropping an oversized record: line breaks seen in it so far. */
  private skipping = false;
  private skippedNewlines = 0;
  /**
   * Oversized records to report once csv-parse has handed back every record before them (it holds
   * the last record of each write until it sees what follows).
   */
  private queue: Array<{ after: number; newlines: number }> = [];

  constructor(delimiter: string, handler: CsvRowHandler) {
    this.h = handler;
    this.delimiter = delimiter.charCodeAt(0);
    this.parser = new Parser({
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_record: (cells: string[], ctx) => {
        const empty = ctx.empty_lines;
        const start = this.prevEnd + 1 + (empty - this.prevEmpty);
        let nl = 0;
        for (const c of cells) if (c.length > 0 && c.includes('\n')) nl += countNewlines(c);
        this.prevEnd = start + nl;
        this.prevEmpty = empty;
        this.h.row(cells, start);
        this.seen++;
        if (this.queue.length > 0) this.drain(false);
        return null;
      },
      on_skip: (err: CsvError | undefined) => {
        const start = this.prevEnd + 1;
        this.prevEnd = start;
        const code = err?.code ?? 'CSV_ERROR';
        this.h.bad(start, code, err?.message ?? code);
        this.seen++;
        if (this.queue.length > 0) this.drain(false);
        return undefined;
      },
    });
    this.parser.on('error', (err: Error) => {
      this.h.bad(this.prevEnd + 1, 'CSV_ERROR', err.message);
    });
  }

  write(buf: Buffer): void {
    const n = buf.length;
    const d = this.delimiter;
    let q = this.q;
    /** Where the bytes to hand to csv-parse start in this chunk. */
    let from = 0;
    /** End of the last complete record in this chunk (-1: none yet). */
    let lastEnd = -1;
    for (let i = 0; i < n; i++) {
      const c = buf[i]!;
      switch (q) {
        case Q.FieldStart:
          if (c === 10) break; // a record ends (after a delimiter, or a blank line)
          if (c === 34) q = Q.Quoted;
          else if (c !== d && c !== 13) q = Q.Unquoted;
          if (c !== 13) this.content = true;
          continue;
        case Q.Unquoted:
          if (c === d) q = Q.FieldStart;
          else if (c === 10) {
            q = Q.FieldStart;
            break;
          }
          continue;
        case Q.Quoted:
          if (c === 34) q = Q.QuoteInQuoted;
          continue;
        case Q.QuoteInQuoted:
          if (c === 34) q = Q.Quoted;
          else if (c === d) q = Q.FieldStart;
          else if (c === 10) {
            q = Q.FieldStart;
            break;
          } else if (c !== 13) q = Q.Unquoted;
          continue;
      }
      // a record ends at i
      if (this.skipping) {
        this.endSkip(countNewlineBytes(buf, from, i));
        from = i + 1;
      } else if (this.content) this.fed++;
      this.content = false;
      lastEnd = i + 1;
    }
    this.q = q;
    if (this.skipping) {
      this.skippedNewlines += countNewlineBytes(buf, from, n);
      return;
    }
    if (lastEnd >= 0) {
      this.feed(buf.subarray(from, lastEnd));
      from = lastEnd;
    }
    if (from < n) {
      this.pending.push(buf.subarray(from));
      this.pendingBytes += n - from;
      if (this.pendingBytes > MAX_RECORD_CHARS) {
        // The record in progress is too large: stop keeping it.
        this.skipping = true;
        this.skippedNewlines = this.pending.reduce((k, b) => k + countNewlineBytes(b, 0, b.length), 0);
        this.pending = [];
        this.pendingBytes = 0;
      }
    }
  }

  end(): void {
    if (this.skipping) this.endSkip(0);
    else if (this.pendingBytes > 0) this.feed(Buffer.alloc(0));
    this.parser.end();
    this.drain(true);
  }

  /** Gives csv-parse the pending bytes and then `bytes`. */
  private feed(bytes: Buffer): void {
    if (this.pendingBytes > 0) {
      this.pending.push(bytes);
      const all = Buffer.concat(this.pending);
      this.pending = [];
      this.pendingBytes = 0;
      this.parser.write(all);
    } else if (bytes.length > 0) this.parser.write(bytes);
  }

  private endSkip(moreNewlines: number): void {
    this.queue.push({ after: this.fed, newlines: this.skippedNewlines + moreNewlines });
    this.skipping = false;
    this.skippedNewlines = 0;
    this.drain(false);
  }

  /** Reports the oversized records whose predecessors csv-parse has all handed back (all, at the end). */
  private drain(all: boolean): void {
    while (this.queue.length > 0 && (all || this.seen >= this.queue[0]!.after)) {
      const { newlines } = this.queue.shift()!;
      const start = this.prevEnd + 1;
      this.prevEnd = start + newlines;
      this.h.bad(start, 'CSV_TOO_LARGE', 'record too large');
    }
  }
}
