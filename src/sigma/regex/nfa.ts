// A Thompson automaton for a parsed pattern, run by keeping the set of live states (no backtracking):
// time is O(text length × automaton size) whatever the pattern, so a rule cannot hang the process.
import { isWordChar, type AssertKind, type CharPred, type Node } from './parse.ts';
import { t } from '../../core/i18n.ts';

const CHAR = 0;
const SPLIT = 1;
const ASSERT = 2;
const MATCH = 3;

/** Automata larger than this are refused at load (counted repetitions copy their body). */
export const MAX_STATES = 20_000;

export class RegexTooLargeError extends Error {}

interface Frag {
  start: number;
  /** States whose `out1` still points nowhere (-1) and must be patched to the next fragment. */
  holes: number[];
}

class Builder {
  kind: number[] = [];
  out1: number[] = [];
  out2: number[] = [];
  preds: Array<CharPred | undefined> = [];
  asserts: Array<AssertKind | undefined> = [];

  add(kind: number, pred?: CharPred, assert?: AssertKind): number {
    if (this.kind.length >= MAX_STATES) throw new RegexTooLargeError(t('sigma.regex.states', { limit: MAX_STATES }));
    this.kind.push(kind);
    this.out1.push(-1);
    this.out2.push(-1);
    this.preds.push(pred);
    this.asserts.push(assert);
    return this.kind.length - 1;
  }

  patch(holes: number[], target: number): void {
    for (const h of holes) {
      if (this.out1[h] === -1) this.out1[h] = target;
      else this.out2[h] = target;
    }
  }

  build(n: Node): Frag {
    switch (n.t) {
      case 'empty': {
        const s = this.add(SPLIT);
        this.out2[s] = -2; // a split with a single exit
        return { start: s, holes: [s] };
      }
      case 'char': {
        const s = this.add(CHAR, n.pred);
        return { start: s, holes: [s] };
      }
      case 'assert': {
        const s = this.add(ASSERT, undefined, n.kind);
        return { start: s, holes: [s] };
      }
      case 'cat': {
        let first: Frag | undefined;
        let prev: Frag | undefined;
        for (const item of n.items) {
          const f = this.build(item);
          if (prev) this.patch(prev.holes, f.start);
          else first = f;
          prev = f;
        }
        return { start: first!.start, holes: prev!.holes };
      }
      case 'alt': {
        const frags = n.items.map((i) => this.build(i));
        let start = frags[frags.length - 1]!.start;
        for (let i = frags.length - 2; i >= 0; i--) {
          const s = this.add(SPLIT);
          this.out1[s] = frags[i]!.start;
          this.out2[s] = start;
          start = s;
        }
        return { start, holes: frags.flatMap((f) => f.holes) };
      }
      case 'rep':
        return this.repeat(n.node, n.min, n.max);
    }
  }

  private optional(node: Node): Frag {
    const f = this.build(node);
    const s = this.add(SPLIT);
    this.out1[s] = f.start;
    return { start: s, holes: [...f.holes, s] };
  }

  private star(node: Node): Frag {
    const s = this.add(SPLIT);
    const f = this.build(node);
    this.out1[s] = f.start;
    this.patch(f.holes, s);
    return { start: s, holes: [s] };
  }

  private repeat(node: Node, min: number, max: number): Frag {
    const parts: Frag[] = [];
    for (let i = 0; i < min; i++) parts.push(this.build(node));
    if (max === Infinity) parts.push(this.star(node));
    else for (let i = min; i < max; i++) parts.push(this.optional(node));
    if (parts.length === 0) return this.build({ t: 'empty' });
    for (let i = 1; i < parts.length; i++) this.patch(parts[i - 1]!.holes, parts[i]!.start);
    return { start: parts[0]!.start, holes: parts[parts.length - 1]!.holes };
  }
}

export interface Automaton {
  test(text: string): boolean;
  readonly size: number;
}

export function compileAutomaton(root: Node): Automaton {
  const b = new Builder();
  const f = b.build(root);
  const match = b.add(MATCH);
  b.patch(f.holes, match);
  return new Runner(b, f.start);
}

class Runner implements Automaton {
  private readonly kind: Int8Array;
  private readonly out1: Int32Array;
  private readonly out2: Int32Array;
  private readonly preds: Array<CharPred | undefined>;
  private readonly asserts: Array<AssertKind | undefined>;
  private readonly seen: Uint32Array;
  private gen = 0;
  private cur: Int32Array;
  private next: Int32Array;
  private stack: Int32Array;
  readonly size: number;

  constructor(
    b: Builder,
    private readonly start: number,
  ) {
    const n = b.kind.length;
    this.size = n;
    this.kind = Int8Array.from(b.kind);
    this.out1 = Int32Array.from(b.out1);
    this.out2 = Int32Array.from(b.out2);
    this.preds = b.preds;
    this.asserts = b.asserts;
    this.seen = new Uint32Array(n);
    this.cur = new Int32Array(n);
    this.next = new Int32Array(n);
    this.stack = new Int32Array(n * 2 + 2);
  }

  private holds(kind: AssertKind, text: string, i: number): boolean {
    switch (kind) {
      case 'bot':
        return i === 0;
      case 'eot':
        return i === text.length;
      case 'bol':
        return i === 0 || text.charCodeAt(i - 1) === 10;
      case 'eol':
        return i === text.length || text.charCodeAt(i) === 10;
      case 'wb':
      case 'nwb': {
        const before = i > 0 && isWordChar(text.charCodeAt(i - 1));
        const after = i < text.length && isWordChar(text.charCodeAt(i));
        return (before !== after) === (kind === 'wb');
      }
    }
  }

  /** Adds `state` and everything reachable from it without reading a character; true on MATCH. */
  private close(state: number, list: Int32Array, count: { n: number }, text: string, i: number): boolean {
    const stack = this.stack;
    let sp = 0;
    stack[sp++] = state;
    while (sp > 0) {
      const s = stack[--sp]!;
      if (s < 0 || this.seen[s] === this.gen) continue;
      this.seen[s] = this.gen;
      switch (this.kind[s]) {
        case MATCH:
          return true;
        case SPLIT:
          stack[sp++] = this.out2[s]!;
          stack[sp++] = this.out1[s]!;
          break;
        case ASSERT:
          if (this.holds(this.asserts[s]!, text, i)) stack[sp++] = this.out1[s]!;
          break;
        default:
          list[count.n++] = s;
      }
    }
    return false;
  }

  test(text: string): boolean {
    let cur = this.cur;
    let next = this.next;
    const curCount = { n: 0 };
    const nextCount = { n: 0 };
    this.bump();
    for (let i = 0; ; i++) {
      // Unanchored search: a match may start at every position.
      if (this.close(this.start, cur, curCount, text, i)) return true;
      if (i === text.length) return false;
      const c = text.charCodeAt(i);
      this.bump();
      nextCount.n = 0;
      for (let k = 0; k < curCount.n; k++) {
        const s = cur[k]!;
        if (this.preds[s]!(c) && this.close(this.out1[s]!, next, nextCount, text, i + 1)) return true;
      }
      const t = cur;
      cur = next;
      next = t;
      curCount.n = nextCount.n;
    }
  }

  private bump(): void {
    this.gen++;
    if (this.gen === 0xffffffff) {
      this.seen.fill(0);
      this.gen = 1;
    }
  }
}
