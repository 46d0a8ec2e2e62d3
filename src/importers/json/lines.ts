// Splits NDJSON text into lines without holding more than one line (and never more than the record
// limit: a longer line is counted, not kept, and reported once it ends).
import { MAX_RECORD_CHARS } from '../limits.ts';

export interface LineHandler {
  /** A non-blank line (without its line break); `last`: the file ended without a line break after it. */
  line(text: string, line: number, last: boolean): void;
  tooLarge(line: number, chars: number): void;
}

export class LineSplitter {
  private readonly h: LineHandler;
  private parts: string[] = [];
  private chars = 0;
  private overflow = false;
  private lineNo = 1;

  constructor(handler: LineHandler) {
    this.h = handler;
  }

  feed(s: string): void {
    let from = 0;
    for (;;) {
      const nl = s.indexOf('\n', from);
      if (nl < 0) break;
      if (this.parts.length === 0 && !this.overflow) this.emit(s.slice(from, nl), false);
      else this.emitPending(s.slice(from, nl), false);
      this.lineNo++;
      from = nl + 1;
    }
    if (from < s.length) {
      const rest = from === 0 ? s : s.slice(from);
      this.chars += rest.length;
      if (this.overflow) return;
      if (this.chars > MAX_RECORD_CHARS) {
        this.overflow = true;
        this.parts = [];
      } else this.parts.push(rest);
    }
  }

  end(): void {
    if (this.parts.length > 0 || this.overflow) this.emitPending('', true);
  }

  private emitPending(tail: string, last: boolean): void {
    const total = this.chars + tail.length;
    const overflow = this.overflow || total > MAX_RECORD_CHARS;
    const text = overflow ? '' : this.parts.join('') + tail;
    this.parts = [];
    this.chars = 0;
    this.overflow = false;
    if (overflow) this.h.tooLarge(this.lineNo, total);
    else this.emit(text, last);
  }

  private emit(text: string, last: boolean): void {
    let end = text.length;
    if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
    if (end === 0) return;
    // Blank lines (spaces, tabs) are not records.
    if (text.charCodeAt(0) <= 32 && text.trim() === '') return;
    this.h.line(end === text.length ? text : text.slice(0, end), this.lineNo, last);
  }
}
