// Text encodings of exported files, decided from their first bytes and decoded chunk by chunk.
//
// UTF-8 (with or without BOM), UTF-16LE/BE (with BOM, or LE without BOM when every other byte is NUL),
// and Shift_JIS as Excel on a Japanese PC saves CSV. A file whose first bytes are plain ASCII is
// decoded in `auto` mode: UTF-8 until the first non-ASCII bytes, which decide between UTF-8 and
// Shift_JIS (ASCII decodes the same in both, so nothing read before has to be decoded again).
import { isAscii, isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis';
export type SniffedEncoding = TextEncodingName | 'auto';

export type SniffResult = { encoding: SniffedEncoding } | { binary: string };

/** End of `buf` without a trailing incomplete UTF-8 sequence. */
export function utf8SafeEnd(buf: Uint8Array): number {
  const n = buf.length;
  for (let back = 1; back <= 4 && back <= n; back++) {
    const b = buf[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    if (b < 0x80) return n;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

function isShiftJis(buf: Uint8Array, final: boolean): boolean {
  try {
    new TextDecoder('shift_jis', { fatal: true }).decode(buf, { stream: !final });
    return true;
  } catch {
    return false;
  }
}

const MAGIC: ReadonlyArray<readonly [number[], string]> = [
  [[0x50, 0x4b, 0x03, 0x04], 'zip archive (an .xlsx workbook or a .zip): export or extract it as CSV or JSON first'],
  [[0x1f, 0x8b], 'gzip-compressed: decompress it first'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], 'SQLite database'],
  [[0x25, 0x50, 0x44, 0x46], 'PDF document'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7-Zip archive: extract it first'],
];

/**
 * The encoding of a file from its first bytes (`atEof`: these are all its bytes), or why it is not text.
 */
export function sniffEncoding(head: Buffer, atEof: boolean): SniffResult {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8' };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le' };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be' };
  for (const [magic, what] of MAGIC) {
    if (head.length >= magic.length && magic.every((b, i) => head[i] === b)) return { binary: what };
  }
  const sample = head.subarray(0, Math.min(head.length, 8192));
  let evenNul = 0;
  let oddNul = 0;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) {
      if (i & 1) oddNul++;
      else evenNul++;
    } else if (b < 0x20 ? b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27 : b === 0x7f) control++;
  }
  const half = sample.length / 2;
  if (half >= 2 && oddNul > half * 0.3 && evenNul < half * 0.02) return { encoding: 'utf-16le' };
  if (half >= 2 && evenNul > half * 0.3 && oddNul < half * 0.02) return { encoding: 'utf-16be' };
  if (evenNul + oddNul > 0) return { binary: 'contains NUL bytes' };
  if (control > 2 + sample.length / 200) return { binary: 'contains control characters' };
  if (isAscii(head)) return { encoding: 'auto' };
  const end = atEof ? head.length : utf8SafeEnd(head);
  // Nothing but a character cut at the end of the head: no evidence either way yet.
  if (!atEof && isAscii(head.subarray(0, end))) return { encoding: 'auto' };
  if (isUtf8(head.subarray(0, end))) return { encoding: 'utf-8' };
  if (isShiftJis(head, atEof)) return { encoding: 'shift_jis' };
  return { binary: 'not UTF-8, UTF-16 or Shift_JIS text' };
}

function countReplacements(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) n++;
  return n;
}

const LITERAL_REPLACEMENT = Buffer.from('\ufffd', 'utf8');

function countLiteralReplacements(bytes: Buffer): number {
  let n = 0;
  for (let at = bytes.indexOf(LITERAL_REPLACEMENT); at >= 0; at = bytes.indexOf(LITERAL_REPLACEMENT, at + 1)) n++;
  return n;
}

/** Decodes consecutive chunks of one file. */
export class ChunkDecoder {
  private mode: SniffedEncoding;
  private decoder: TextDecoder | undefined;

  constructor(encoding: SniffedEncoding) {
    this.mode = encoding;
    if (encoding !== 'auto') this.decoder = new TextDecoder(encoding);
  }

  /** The encoding decided so far (`auto` while everything was ASCII). */
  get encoding(): SniffedEncoding {
    return this.mode;
  }

  /**
   * Characters that could not be decoded and become U+FFFD where the record is read: broken byte
   * sequences of a Shift_JIS or UTF-8 file. The import says so instead of storing the mark silently.
   */
  replaced = 0;

  /** Decoded text of a chunk, counting what Shift_JIS could not decode (it has no U+FFFD of its own). */
  private decode(chunk?: Buffer): string {
    if (this.mode === 'utf-8') this.checkUtf8(chunk);
    const text = chunk === undefined ? this.decoder!.decode() : this.decoder!.decode(chunk, { stream: true });
    if (this.mode === 'shift_jis') this.replaced += countReplacements(text);
    return text;
  }

  /** The end of the UTF-8 bytes checked so far: a character cut at a chunk's end, kept for the next. */
  private utf8Tail: Buffer | undefined;

  /**
   * Counts broken UTF-8 sequences (`undefined`: the end of the file). Valid chunks cost one native
   * check; a broken one is decoded to count its U+FFFD, less any the file itself holds (EF BF BD).
   */
  private checkUtf8(chunk: Buffer | undefined): void {
    if (chunk === undefined) {
      if (this.utf8Tail !== undefined && this.utf8Tail.length > 0) this.replaced++;
      this.utf8Tail = undefined;
      return;
    }
    const data = this.utf8Tail !== undefined && this.utf8Tail.length > 0 ? Buffer.concat([this.utf8Tail, chunk]) : chunk;
    const end = utf8SafeEnd(data);
    const whole = data.subarray(0, end);
    if (!isUtf8(whole)) this.replaced += countReplacements(new TextDecoder('utf-8').decode(whole)) - countLiteralReplacements(whole);
    this.utf8Tail = end < data.length ? Buffer.from(data.subarray(end)) : undefined;
  }

  /** Bytes held back in auto mode: a possibly incomplete character at the end of an all-ASCII chunk. */
  private carry: Buffer | undefined;

  /**
   * In auto mode: either ASCII bytes that can be passed on as they are (the encoding is still open), or
   * the bytes to decode with the encoding this chunk's non-ASCII bytes decided.
   */
  private auto(input: Buffer): { ascii: Buffer } | { decided: Buffer } {
    const chunk = this.carry ? Buffer.concat([this.carry, input]) : input;
    this.carry = undefined;
    if (isAscii(chunk)) return { ascii: chunk };
    const end = utf8SafeEnd(chunk);
    if (isAscii(chunk.subarray(0, end))) {
      // Only a cut character at the very end: no evidence yet, wait for the next chunk.
      this.carry = Buffer.from(chunk.subarray(end));
      return { ascii: chunk.subarray(0, end) };
    }
    if (isUtf8(chunk.subarray(0, end))) this.mode = 'utf-8';
    else if (isShiftJis(chunk, false)) this.mode = 'shift_jis';
    else this.mode = 'utf-8';
    this.decoder = new TextDecoder(this.mode);
    return { decided: chunk };
  }

  /** Text of the next chunk; `undefined` flushes at the end of the file. BOMs are removed. */
  text(chunk: Buffer | undefined): string {
    if (chunk === undefined) {
      if (this.mode === 'auto') {
        const rest = this.carry;
        this.carry = undefined;
        return rest ? new TextDecoder('utf-8').decode(rest) : '';
      }
      return this.decode();
    }
    if (this.mode === 'auto') {
      const r = this.auto(chunk);
      if ('ascii' in r) return r.ascii.toString('latin1');
      chunk = r.decided;
    }
    return this.decode(chunk);
  }

  /**
   * The next chunk as UTF-8 bytes (what csv-parse reads): UTF-8 input passes through untouched, other
   * encodings are decoded and re-encoded. `undefined` flushes at the end of the file.
   */
  utf8(chunk: Buffer | undefined): Buffer {
    if (chunk === undefined) {
      if (this.mode === 'auto') {
        const rest = this.carry;
        this.carry = undefined;
        return rest ?? Buffer.alloc(0);
      }
      if (this.mode === 'utf-8') {
        this.checkUtf8(undefined);
        return Buffer.alloc(0);
      }
      return Buffer.from(this.decode(), 'utf8');
    }
    if (this.mode === 'auto') {
      const r = this.auto(chunk);
      if ('ascii' in r) return r.ascii;
      chunk = r.decided;
    }
    if (this.mode === 'utf-8') {
      this.checkUtf8(chunk);
      return chunk;
    }
    return Buffer.from(this.decode(chunk), 'utf8');
  }
}
