// Parses the regular expressions Sigma's `re` modifier allows (a PCRE subset) into a small syntax tree.
// Only constructs that describe regular languages are accepted, so the tree always compiles to an
// automaton that matches in linear time; everything else is refused with the reason.
import { t } from '../../core/i18n.ts';

export type CharPred = (c: number) => boolean;

export type Node =
  | { t: 'empty' }
  | { t: 'char'; pred: CharPred }
  | { t: 'cat'; items: Node[] }
  | { t: 'alt'; items: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'assert'; kind: AssertKind };

export type AssertKind = 'bol' | 'eol' | 'bot' | 'eot' | 'wb' | 'nwb';

export interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
}

export class RegexSyntaxError extends Error {}

/** Repetition counts above this are refused: each one copies the repeated part into the automaton. */
const MAX_COUNT = 1000;
/** Deepest syntax tree accepted (groups, repetitions, alternatives): the parser and the automaton compiler recurse once per level. */
const MAX_DEPTH = 100;

type Range = readonly [number, number];

const DIGIT: Range[] = [[48, 57]];
const WORD: Range[] = [
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122],
];
const SPACE: Range[] = [
  [9, 13],
  [32, 32],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

export function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95 || (c >= 97 && c <= 122);
}

function inRanges(ranges: readonly Range[], c: number): boolean {
  for (const [lo, hi] of ranges) if (c >= lo && c <= hi) return true;
  return false;
}

function foldVariants(c: number): number[] {
  const ch = String.fromCharCode(c);
  const out = [c];
  for (const v of [ch.toLowerCase(), ch.toUpperCase()]) {
    if (v.length === 1) {
      const code = v.charCodeAt(0);
      if (!out.includes(code)) out.push(code);
    }
  }
  return out;
}

/** A predicate over ranges, with an ASCII table for speed; case-folded when `i` is set. */
function rangePred(ranges: readonly Range[], negate: boolean, ci: boolean): CharPred {
  const base = (c: number): boolean => {
    if (inRanges(ranges, c)) return true;
    if (!ci) return false;
    for (const v of foldVariants(c)) if (v !== c && inRanges(ranges, v)) return true;
    return false;
  };
  const ascii = new Uint8Array(128);
  for (let c = 0; c < 128; c++) ascii[c] = base(c) !== negate ? 1 : 0;
  return (c) => (c < 128 ? ascii[c] === 1 : base(c) !== negate);
}

interface ClassItem {
  ranges: Range[];
  negated?: Range[];
}

/** The depth of a syntax tree, found without recursion (stacked quantifiers `a***` nest too). */
function depthOf(root: Node): number {
  let max = 0;
  const stack: Array<[Node, number]> = [[root, 1]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [n, d] = top;
    if (d > max) max = d;
    if (n.t === 'cat' || n.t === 'alt') for (const x of n.items) stack.push([x, d + 1]);
    else if (n.t === 'rep') stack.push([n.node, d + 1]);
  }
  return max;
}

export function parseRegex(source: string, initial: Flags): Node {
  return new Parser(source, initial).parse();
}

class Parser {
  private pos = 0;
  constructor(
    private readonly src: string,
    private readonly initial: Flags,
  ) {}

  parse(): Node {
    const node = this.alternation({ ...this.initial });
    if (this.pos < this.src.length) throw this.fail('unbalanced', { position: this.pos + 1 });
    if (depthOf(node) > MAX_DEPTH) throw this.fail('too_deep', { limit: MAX_DEPTH });
    return node;
  }

  private fail(code: string, params: Record<string, string | number> = {}): RegexSyntaxError {
    return new RegexSyntaxError(t(`sigma.regex.${code}`, params));
  }

  private peek(offset = 0): string | undefined {
    return this.src[this.pos + offset];
  }

  private alternation(flags: Flags): Node {
    const items = [this.sequence(flags)];
    while (this.peek() === '|') {
      this.pos++;
      items.push(this.sequence(flags));
    }
    return items.length === 1 ? items[0]! : { t: 'alt', items };
  }

  /** A run of atoms up to `|` or `)`. Inline flags `(?i)` change `flags` for the rest of the group. */
  private sequence(flags: Flags): Node {
    const items: Node[] = [];
    for (;;) {
      const ch = this.peek();
      if (ch === undefined || ch === '|' || ch === ')') break;
      const atom = this.atom(flags);
      if (atom === null) continue;
      items.push(this.quantified(atom));
    }
    if (items.length === 0) return { t: 'empty' };
    return items.length === 1 ? items[0]! : { t: 'cat', items };
  }

  private quantified(atom: Node): Node {
    for (;;) {
      const ch = this.peek();
      let min: number;
      let max: number;
      if (ch === '*') {
        min = 0;
        max = Infinity;
        this.pos++;
      } else if (ch === '+') {
        min = 1;
        max = Infinity;
        this.pos++;
      } else if (ch === '?') {
        min = 0;
        max = 1;
        this.pos++;
      } else if (ch === '{') {
        const counted = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
        if (counted === null) return atom; // a literal '{', as in PCRE
        min = Number(counted[1]);
        max = counted[2] === undefined ? min : counted[3] === '' ? Infinity : Number(counted[3]);
        if (max < min) throw this.fail('bounds_order', { range: `{${min},${max}}` });
        if (min > MAX_COUNT || (max !== Infinity && max > MAX_COUNT)) throw this.fail('count_limit', { limit: MAX_COUNT });
        this.pos += counted[0].length;
      } else {
        return atom;
      }
      if (atom.t === 'assert' || atom.t === 'empty') throw this.fail('nothing_to_repeat', { position: this.pos });
      // Lazy quantifiers match the same strings; possessive ones are not regular.
      if (this.peek() === '?') this.pos++;
      else if (this.peek() === '+') throw this.fail('possessive');
      atom = { t: 'rep', node: atom, min, max };
    }
  }

  private atom(flags: Flags): Node | null {
    const ch = this.src[this.pos++]!;
    switch (ch) {
      case '.':
        return { t: 'char', pred: flags.s ? () => true : (c) => c !== 10 };
      case '^':
        return { t: 'assert', kind: flags.m ? 'bol' : 'bot' };
      case '$':
        return { t: 'assert', kind: flags.m ? 'eol' : 'eot' };
      case '[':
        return this.charClass(flags);
      case '(':
        return this.group(flags);
      case '\\':
        return this.escape(flags);
      case '*':
      case '+':
      case '?':
        throw this.fail('nothing_to_repeat', { position: this.pos });
      default:
        return this.literal(ch.charCodeAt(0), flags);
    }
  }

  private literal(code: number, flags: Flags): Node {
    if (!flags.i) return { t: 'char', pred: (c) => c === code };
    const variants = foldVariants(code);
    if (variants.length === 1) return { t: 'char', pred: (c) => c === code };
    return { t: 'char', pred: (c) => variants.includes(c) };
  }

  private group(outer: Flags): Node | null {
    if (this.peek() !== '?') return this.groupBody({ ...outer });
    this.pos++;
    const next = this.peek();
    if (next === ':') {
      this.pos++;
      return this.groupBody({ ...outer });
    }
    if (next === '=' || next === '!') throw this.fail('lookahead');
    if (next === '>') throw this.fail('atomic');
    if (next === '<' && (this.peek(1) === '=' || this.peek(1) === '!')) throw this.fail('lookbehind');
    if (next === '<' || next === 'P' || next === "'") {
      // Named groups: the name does not matter for matching.
      const m = /^(?:P?<([A-Za-z_][A-Za-z0-9_]*)>|'([A-Za-z_][A-Za-z0-9_]*)')/.exec(this.src.slice(this.pos));
      if (m === null) throw this.fail('group_name', { position: this.pos });
      this.pos += m[0].length;
      return this.groupBody({ ...outer });
    }
    // Flag groups: (?i) (?-i) (?i:...) (?im-s:...)
    const m = /^([ims]*)(?:-([ims]*))?([:)])/.exec(this.src.slice(this.pos));
    if (m === null) throw this.fail('group_construct', { construct: `(?${next ?? ''}`, position: this.pos });
    this.pos += m[0].length;
    const scoped: Flags = m[3] === ':' ? { ...outer } : outer;
    for (const f of m[1] ?? '') scoped[f as keyof Flags] = true;
    for (const f of m[2] ?? '') scoped[f as keyof Flags] = false;
    if (m[3] === ')') return null; // changes `outer` for the rest of the enclosing group
    return this.groupBody(scoped);
  }

  private depth = 0;

  private groupBody(flags: Flags): Node {
    if (++this.depth > MAX_DEPTH) throw this.fail('too_deep', { limit: MAX_DEPTH });
    const node = this.alternation(flags);
    if (this.peek() !== ')') throw this.fail('missing_paren');
    this.pos++;
    this.depth--;
    return node;
  }

  private escape(flags: Flags): Node {
    const ch = this.src[this.pos++];
    if (ch === undefined) throw this.fail('lone_backslash');
    switch (ch) {
      case 'b':
        return { t: 'assert', kind: 'wb' };
      case 'B':
        return { t: 'assert', kind: 'nwb' };
      case 'A':
        return { t: 'assert', kind: 'bot' };
      case 'z':
        return { t: 'assert', kind: 'eot' };
    }
    const cls = this.classEscape(ch);
    if (cls !== undefined) return { t: 'char', pred: rangePred(cls.ranges.length > 0 ? cls.ranges : cls.negated!, cls.negated !== undefined, flags.i) };
    return this.literal(this.escapedCode(ch), flags);
  }

  /** `\d \w \s` and their negations, as ranges. */
  private classEscape(ch: string): ClassItem | undefined {
    switch (ch) {
      case 'd':
        return { ranges: DIGIT };
      case 'D':
        return { ranges: [], negated: DIGIT };
      case 'w':
        return { ranges: WORD };
      case 'W':
        return { ranges: [], negated: WORD };
      case 's':
        return { ranges: SPACE };
      case 'S':
        return { ranges: [], negated: SPACE };
      default:
        return undefined;
    }
  }

  /** The code unit a single-character escape stands for. */
  private escapedCode(ch: string): number {
    switch (ch) {
      case 't':
        return 9;
      case 'n':
        return 10;
      case 'r':
        return 13;
      case 'f':
        return 12;
      case 'v':
        return 11;
      case '0':
        return 0;
      case 'x': {
        const m = /^(?:([0-9A-Fa-f]{2})|\{([0-9A-Fa-f]{1,4})\})/.exec(this.src.slice(this.pos));
        if (m === null) throw this.fail('hex_x');
        this.pos += m[0].length;
        return parseInt(m[1] ?? m[2]!, 16);
      }
      case 'u': {
        const m = /^[0-9A-Fa-f]{4}/.exec(this.src.slice(this.pos));
        if (m === null) throw this.fail('hex_u');
        this.pos += 4;
        return parseInt(m[0], 16);
      }
    }
    if (/[1-9]/.test(ch) || ch === 'k') throw this.fail('backreference');
    if (/[A-Za-z0-9]/.test(ch)) throw this.fail('escape', { escape: `\\${ch}` });
    return ch.charCodeAt(0);
  }

  private charClass(flags: Flags): Node {
    let negate = false;
    if (this.peek() === '^') {
      negate = true;
      this.pos++;
    }
    const ranges: Range[] = [];
    const negatedSets: Range[][] = [];
    let first = true;
    for (;;) {
      const ch = this.src[this.pos];
      if (ch === undefined) throw this.fail('missing_bracket');
      if (ch === ']' && !first) {
        this.pos++;
        break;
      }
      first = false;
      if (ch === '[' && this.peek(1) === ':') {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(this.src.slice(this.pos));
        if (m === null) throw this.fail('posix_bad');
        const set = posixClass(m[2]!);
        if (set === undefined) throw this.fail('posix_unknown', { name: `[:${m[2]!}:]` });
        this.pos += m[0].length;
        if (m[1] === '^') negatedSets.push(set);
        else ranges.push(...set);
        continue;
      }
      const lo = this.classAtom();
      if (typeof lo !== 'number') {
        if (lo.negated !== undefined) negatedSets.push(lo.negated);
        else ranges.push(...lo.ranges);
        continue;
      }
      if (this.peek() === '-' && this.peek(1) !== undefined && this.peek(1) !== ']') {
        this.pos++;
        const hi = this.classAtom();
        if (typeof hi !== 'number') throw this.fail('range_class_end');
        if (hi < lo) throw this.fail('range_order');
        ranges.push([lo, hi]);
      } else {
        ranges.push([lo, lo]);
      }
    }
    const positive = rangePred(ranges, false, flags.i);
    const negs = negatedSets.map((s) => rangePred(s, true, flags.i));
    const member: CharPred = negs.length === 0 ? positive : (c) => positive(c) || negs.some((p) => p(c));
    return { t: 'char', pred: negate ? (c) => !member(c) : member };
  }

  private classAtom(): number | ClassItem {
    const ch = this.src[this.pos++]!;
    if (ch !== '\\') return ch.charCodeAt(0);
    const e = this.src[this.pos++];
    if (e === undefined) throw this.fail('lone_backslash');
    if (e === 'b') return 8;
    const cls = this.classEscape(e);
    if (cls !== undefined) return cls;
    return this.escapedCode(e);
  }
}

function posixClass(name: string): Range[] | undefined {
  switch (name) {
    case 'alpha':
      return [
        [65, 90],
        [97, 122],
      ];
    case 'digit':
      return DIGIT;
    case 'alnum':
      return [
        [48, 57],
        [65, 90],
        [97, 122],
      ];
    case 'upper':
      return [[65, 90]];
    case 'lower':
      return [[97, 122]];
    case 'space':
      return SPACE;
    case 'xdigit':
      return [
        [48, 57],
        [65, 70],
        [97, 102],
      ];
    case 'word':
      return WORD;
    case 'punct':
      return [
        [33, 47],
        [58, 64],
        [91, 96],
        [123, 126],
      ];
    default:
      return undefined;
  }
}
