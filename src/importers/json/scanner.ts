// A streaming splitter for JSON documents: hands out the elements of large arrays one at a time, as
// text, without ever holding the whole document. It tracks only what it must (strings, escapes,
// nesting depth, line numbers); each element is then read with JSON.parse, which is far faster than a
// tokenizing parser.
//
// Shapes it streams:
//   [ {…}, {…} ]                                   a top-level array: every element
//   { "value"|"items"|"records": [ {…}, … ], … }   a top-level object: the elements of those arrays,
//                                                  the other members are handed out whole (envelope)
//   {…} {…} / {…}\n{…}                             several top-level values in a row (concatenated JSON)
// Anything else inside those is captured whole. A single captured value larger than MAX_RECORD_CHARS
// is skipped without buffering it (reported with its line), and scanning carries on after it.
import { MAX_RECORD_CHARS } from '../limits.ts';

export interface JsonScanHandler {
  /** An element of a streamed array; `key` names the top-level member holding it (undefined: top-level array). */
  element(text: string, line: number, key: string | undefined): void;
  /** A top-level object starts. */
  objectStart(line: number): void;
  /** A member of the top-level object that is not a streamed array, as text. */
  member(key: string, text: string, line: number): void;
  /** A streamed array starts (for a member: after the members before it). */
  arrayStart(key: string | undefined, line: number): void;
  /** The top-level object ended; `streamed`: one of its members was a streamed array. */
  objectEnd(streamed: boolean): void;
  /** A top-level value that is neither an object nor an array. */
  scalar(text: string, line: number): void;
  /**
   * A value longer than the limit, starting at `line`, was skipped. `inObject`: it was a member (or
   * a member's name) of the top-level object, which is therefore not whole.
   */
  tooLarge(line: number, chars: number, inObject: boolean): void;
  /** The structure is broken at `line`; nothing after it is read. */
  syntaxError(line: number, detail: string): void;
  /** The input ended inside a value that started at `line` (or, between records, before the document closed). */
  truncated(line: number): void;
}

export const STREAM_KEYS: ReadonlySet<string> = new Set(['value', 'items', 'records']);

const enum S {
  Top,
  ObjKey,
  ObjColon,
  ObjValue,
  ObjNext,
  ArrValue,
  ArrNext,
  Dead,
}

const enum Cap {
  None,
  Container,
  String,
  Scalar,
}

const enum Target {
  Element,
  Member,
  Key,
  TopScalar,
}

const QUOTE = 34;
const BACKSLASH = 92;
const NL = 10;

function isScalarStart(c: number): boolean {
  return c === 45 || (c >= 48 && c <= 57) || c === 116 || c === 102 || c === 110; // - 0-9 t f n
}

function isScalarEnd(c: number): boolean {
  return c === 44 || c === 93 || c === 125 || c === 32 || c === 10 || c === 13 || c === 9; // , ] } ws
}

function describe(c: number): string {
  return c < 32 || c > 126 ? `character U+${c.toString(16).padStart(4, '0').toUpperCase()}` : `'${String.fromCharCode(c)}'`;
}

export class JsonScanner {
  private readonly h: JsonScanHandler;
  private state = S.Top;
  private line = 1;
  /** In the top-level object: the key being read, and whether a member was streamed. */
  private key = '';
  private streamKey: string | undefined;
  private streamed = false;
  private inTopObject = false;
  private topLine = 0;
  // capture of one value
  private cap = Cap.None;
  private target = Target.Element;
  private depth = 0;
  private inStr = false;
  /** Where the current string's text starts in the current chunk (0 when it started in an earlier one). */
  private strSeg = 0;
  /** Backslashes that ended the previous chunk inside the current string. */
  private bsCarry = 0;
  private parts: string[] = [];
  private capChars = 0;
  private overflow = false;
  private capLine = 0;
  private capStart = 0;

  constructor(handler: JsonScanHandler) {
    this.h = handler;
  }

  feed(s: string): void {
    if (this.state === S.Dead) return;
    const n = s.length;
    let i = 0;
    if (this.cap !== Cap.None) {
      this.capStart = 0;
      this.strSeg = 0;
    }
    while (i < n) {
      if (this.cap !== Cap.None) {
        i = this.capture(s, i);
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === NL) {
        this.line++;
        i++;
        continue;
      }
      if (c === 32 || c === 9 || c === 13 || c === 0xfeff) {
        i++;
        continue;
      }
      switch (this.state) {
        case S.Top:
          if (c === 91 /* [ */) {
            this.state = S.ArrValue;
            this.streamKey = undefined;
            this.h.arrayStart(undefined, this.line);
            i++;
          } else if (c === 123 /* { */) {
            this.state = S.ObjKey;
            this.inTopObject = true;
            this.streamed = false;
            this.topLine = this.line;
            this.h.objectStart(this.line);
            i++;
          } else if (c === QUOTE || isScalarStart(c)) {
            i = this.begin(s, i, Target.TopScalar);
          } else return this.fail(`unexpected ${describe(c)}`);
          break;
        case S.ObjKey:
          if (c === QUOTE) i = this.begin(s, i, Target.Key);
          else if (c === 125 /* } */) {
            this.endObject();
            i++;
          } else return this.fail(`expected a member name, found ${describe(c)}`);
          break;
        case S.ObjColon:
          if (c !== 58 /* : */) return this.fail(`expected ':', found ${describe(c)}`);
          this.state = S.ObjValue;
          i++;
          break;
        case S.ObjValue:
          if (c === 91 && STREAM_KEYS.has(this.key)) {
            this.state = S.ArrValue;
            this.streamKey = this.key;
            this.streamed = true;
            this.h.arrayStart(this.key, this.line);
            i++;
          } else if (c === 123 || c === 91 || c === QUOTE || isScalarStart(c)) {
            i = this.begin(s, i, Target.Member);
          } else return this.fail(`expected a value, found ${describe(c)}`);
          break;
        case S.ObjNext:
          if (c === 44 /* , */) this.state = S.ObjKey;
          else if (c === 125) this.endObject();
          else return this.fail(`expected ',' or '}', found ${describe(c)}`);
          i++;
          break;
        case S.ArrValue:
          if (c === 93 /* ] */) {
            this.endArray();
            i++;
          } else if (c === 123 || c === 91 || c === QUOTE || isScalarStart(c)) {
            i = this.begin(s, i, Target.Element);
          } else return this.fail(`expected a value, found ${describe(c)}`);
          break;
        case S.ArrNext:
          if (c === 44) this.state = S.ArrValue;
          else if (c === 93) this.endArray();
          else return this.fail(`expected ',' or ']', found ${describe(c)}`);
          i++;
          break;
        default:
          return; // Dead: a syntax error ended the scan
      }
    }
    if (this.cap !== Cap.None) this.savePart(s);
  }

  /** The end of the input. */
  end(): void {
    if (this.state === S.Dead) return;
    if (this.cap === Cap.Scalar && this.target === Target.TopScalar) {
      this.deliver(this.parts.join(''));
      return;
    }
    if (this.cap !== Cap.None) {
      this.cap = Cap.None;
      this.parts = [];
      this.h.truncated(this.capLine);
    } else if (this.inTopObject && !this.streamed) {
      this.h.truncated(this.topLine);
    } else if (this.state !== S.Top) {
      // Cut between two records: none is lost here, but the records after the cut are missing.
      this.h.truncated(this.line);
    }
    this.state = S.Dead;
  }

  private fail(detail: string): void {
    this.state = S.Dead;
    this.cap = Cap.None;
    this.parts = [];
    this.h.syntaxError(this.line, detail);
  }

  private endObject(): void {
    this.inTopObject = false;
    this.state = S.Top;
    this.h.objectEnd(this.streamed);
  }

  private endArray(): void {
    if (this.streamKey !== undefined) {
      this.streamKey = undefined;
      this.state = S.ObjNext;
    } else this.state = S.Top;
  }

  /** Starts capturing the value at `i`; returns where scanning continues. */
  private begin(s: string, i: number, target: Target): number {
    const c = s.charCodeAt(i);
    this.target = target;
    this.capLine = this.line;
    this.capStart = i;
    this.parts = [];
    this.capChars = 0;
    this.overflow = false;
    if (c === 123 || c === 91) {
      this.cap = Cap.Container;
      this.depth = 1;
      this.inStr = false;
      return i + 1;
    }
    if (c === QUOTE) {
      this.cap = Cap.String;
      this.strSeg = i + 1;
      this.bsCarry = 0;
      return i + 1;
    }
    this.cap = Cap.Scalar;
    return i;
  }

  private capture(s: string, i: number): number {
    switch (this.cap) {
      case Cap.Container:
        return this.container(s, i);
      case Cap.String: {
        const q = this.stringEnd(s, i);
        if (q < 0) return s.length;
        this.finish(s, q + 1);
        return q + 1;
      }
      default: {
        const n = s.length;
        while (i < n && !isScalarEnd(s.charCodeAt(i))) i++;
        if (i < n) this.finish(s, i);
        return i;
      }
    }
  }

  private container(s: string, i: number): number {
    const n = s.length;
    let depth = this.depth;
    while (i < n) {
      if (this.inStr) {
        const q = this.stringEnd(s, i);
        if (q < 0) {
          this.depth = depth;
          return n;
        }
        this.inStr = false;
        i = q + 1;
        continue;
      }
      const c = s.charCodeAt(i++);
      if (c === QUOTE) {
        this.inStr = true;
        this.strSeg = i;
        this.bsCarry = 0;
      } else if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        if (--depth === 0) {
          this.depth = 0;
          this.finish(s, i);
          return i;
        }
      } else if (c === NL) this.line++;
    }
    this.depth = depth;
    return n;
  }

  /** Index of the quote closing the current string, or -1 if it does not close in this chunk. */
  private stringEnd(s: string, from: number): number {
    const seg = this.strSeg;
    for (;;) {
      const q = s.indexOf('"', from);
      if (q < 0) {
        let k = s.length - 1;
        let run = 0;
        while (k >= seg && s.charCodeAt(k) === BACKSLASH) {
          run++;
          k--;
        }
        this.bsCarry = k < seg ? run + this.bsCarry : run;
        return -1;
      }
      let k = q - 1;
      let run = 0;
      while (k >= seg && s.charCodeAt(k) === BACKSLASH) {
        run++;
        k--;
      }
      if (k < seg) run += this.bsCarry;
      if ((run & 1) === 0) {
        this.bsCarry = 0;
        return q;
      }
      from = q + 1;
    }
  }

  /** The chunk ends inside the captured value: keep its piece (or only count it, past the limit). */
  private savePart(s: string): void {
    const piece = this.capStart === 0 ? s : s.slice(this.capStart);
    this.capChars += piece.length;
    if (this.overflow) return;
    if (this.capChars > MAX_RECORD_CHARS) {
      this.overflow = true;
      this.parts = [];
    } else this.parts.push(piece);
  }

  private finish(s: string, end: number): void {
    const total = this.capChars + (end - this.capStart);
    if (this.overflow || total > MAX_RECORD_CHARS) {
      const line = this.capLine;
      this.cap = Cap.None;
      this.parts = [];
      const inObject = this.target === Target.Member || this.target === Target.Key;
      this.afterValue();
      this.h.tooLarge(line, total, inObject);
      return;
    }
    const tail = s.slice(this.capStart, end);
    const text = this.parts.length === 0 ? tail : this.parts.join('') + tail;
    this.deliver(text);
  }

  private afterValue(): void {
    switch (this.target) {
      case Target.Element:
        this.state = S.ArrNext;
        break;
      case Target.Member:
        this.state = S.ObjNext;
        break;
      case Target.Key:
        this.state = S.ObjColon;
        break;
      case Target.TopScalar:
        this.state = S.Top;
        break;
    }
  }

  private deliver(text: string): void {
    this.cap = Cap.None;
    this.parts = [];
    const line = this.capLine;
    this.afterValue();
    switch (this.target) {
      case Target.Element:
        this.h.element(text, line, this.streamKey);
        break;
      case Target.Member:
        this.h.member(this.key, text, line);
        break;
      case Target.Key:
        try {
          this.key = JSON.parse(text) as string;
        } catch {
          this.fail('unreadable member name');
        }
        break;
      case Target.TopScalar:
        this.h.scalar(text, line);
        break;
    }
  }
}
