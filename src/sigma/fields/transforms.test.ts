// json-members' search must say exactly what searching the JSON text it makes would say.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FieldValue } from './path.ts';
import { TRANSFORMS } from './transforms.ts';
import { Prng } from '../../sim/m365/util/prng.ts';

const members = TRANSFORMS['json-members']!;

/** The reference: make the values, then look for the needle in each (as a `contains` test does). */
function byText(nodes: readonly unknown[], needle: string, cased: boolean): boolean {
  const out: FieldValue[] = [];
  members.apply(nodes, out);
  return out.some((v) => v !== null && (cased ? v : v.toLowerCase()).includes(needle));
}

function agree(nodes: readonly unknown[], needle: string, cased = false): void {
  const n = cased ? needle : needle.toLowerCase();
  if (!members.searchable!(n)) return;
  assert.equal(members.search!(nodes, n, cased), byText(nodes, n, cased), `${JSON.stringify(n)} cased=${cased} in ${JSON.stringify(nodes)}`);
}

/** A seeded generator (the simulator's), as a function. */
function rng(seed: number): () => number {
  const p = new Prng(seed);
  return () => p.next();
}

// Characters chosen to stress escaping and lower-casing: escape tails (n, t, b, f, r, u, hex digits),
// quotes and backslashes, control characters, lone and paired surrogates, the final sigma, the dotted
// capital I (lower-cases to two code units), the Kelvin sign, Latin-1, JSON punctuation and digits.
const ALPHABET = ['a', 'd', 'u', 'n', 't', 'b', 'f', 'r', 'e', 'l', 's', '0', '1', '2', 'A', 'D', 'U', 'N', 'E', ' ', '"', '\\', '\n', '\t', '\u001a', '\u001b', '\u001f', '\u0000', 'Σ', 'σ', 'ς', 'Α', 'İ', 'i', '\u0307', '\u212a', 'k', 'K', 'É', 'é', 'ß', ':', ',', '.', "'", '{', '}', '[', ']', '-', '+', '\ud800', '\udc00', '\ud83d\ude00', '\u00ad', '\u2028'];
const NUMBERS = [0, -0, 1, -1, 12, 1.5, -2.25e-7, 1e21, 1e-7, 123456789012, NaN, Infinity, -Infinity, 26];

function randomString(r: () => number, max: number): string {
  let s = '';
  const n = Math.floor(r() * max);
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(r() * ALPHABET.length)]!;
  return s;
}

function randomValue(r: () => number, depth: number): unknown {
  const k = Math.floor(r() * (depth > 3 ? 6 : 9));
  switch (k) {
    case 0:
    case 1:
      return randomString(r, 8);
    case 2:
      return NUMBERS[Math.floor(r() * NUMBERS.length)];
    case 3:
      return r() < 0.5;
    case 4:
      return null;
    case 5:
      return r() < 0.5 ? undefined : () => 1;
    case 6:
    case 7:
      return randomObject(r, depth + 1);
    default:
      return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
  }
}

function randomObject(r: () => number, depth: number): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  const n = Math.floor(r() * 4);
  for (let i = 0; i < n; i++) o[randomString(r, 6)] = randomValue(r, depth);
  return o;
}

describe('json-members search', () => {
  it('accepts only needles that cannot span two tokens of the JSON text', () => {
    for (const n of ['add user', 'add member to role', 'σας', 'true', '1e+21', 'null', 'é', "o'k", 'a.b', 'x-y']) assert.equal(members.searchable!(n), true, n);
    for (const n of ['', '"a', 'a\\b', 'a:b', 'a,b', '{', '}', '[', ']', 'a\nb', '\u0000', '\ud800', '😀']) assert.equal(members.searchable!(n), false, JSON.stringify(n));
  });

  it('agrees with the JSON text on chosen records', () => {
    const nodes: unknown[][] = [
      [[{ displayName: 'Role.DisplayName', oldValue: null, newValue: '"Directory Readers"' }, { displayName: 'AccountEnabled', oldValue: '[true]', newValue: '[false]' }]],
      // An escape's tail followed by the rest of the needle: `\u001add user` holds "add user".
      [{ v: '\u001add user' }, { v: '\nadd user' }, { v: 'x\u001b' }],
      [{ k: '\u001aΣ' }, { k: 'AΣ\u001b' }, { k: 'ΑΣ"' }, { k: 'ΑΣ' }],
      [{ İ: 'İstanbul', K: '\u212aelvin' }],
      [{ n: 1e21, m: -0, o: NaN, p: [undefined, () => 1, null], q: true, r: false, s: undefined, t: () => 2 }],
      [{ nested: { deeper: [{ key: 'Add User' }] } }],
      [{ when: new Date(0) }, new Date(0), 'not an object', 42, null, [[{ inner: 'array in array' }]]],
      [Object.assign(Object.create(null) as object, { a: 'null-prototype object' })],
      [{ toJSON: 'a string, not a method' }, { toJSON: () => ({ made: 'by toJSON' }) }],
      [{ '\ud800': 'lone surrogate key', '\ud83d\ude00': 'pair' }],
      [{}],
    ];
    const needles = ['add user', 'Add member to role', 'dd user', 'u001a', '001a', 'add', 'σ', 'ς', 'ας', 'i̇', 'i̇stanbul', 'k', 'kelvin', '1e+21', 'e+2', 'null', 'true', 'false', 'rue', 'nan', 'infinity', '0', 'made', 'by tojson', 'tojson', 'a string', 'null-prototype', 'array in array', 'lone', 'pair', 'display', 'directory readers', '1970-01-01', 'not an object', 'dd', 'n'];
    for (const n of nodes) for (const needle of needles) for (const cased of [false, true]) agree(n, needle, cased);
  });

  it('agrees with the JSON text on random records and needles', () => {
    const r = rng(20261127);
    for (let i = 0; i < 3000; i++) {
      const nodes = [Array.from({ length: 1 + Math.floor(r() * 3) }, () => randomObject(r, 0)), randomObject(r, 0)];
      // Needles from the text itself (so that many are found) and random ones.
      const out: FieldValue[] = [];
      members.apply(nodes, out);
      const text = out.join('\u0001');
      for (let j = 0; j < 6; j++) {
        const cased = r() < 0.3;
        const from = cased ? text : text.toLowerCase();
        const at = Math.floor(r() * from.length);
        agree(nodes, from.slice(at, at + 1 + Math.floor(r() * 6)), cased);
        agree(nodes, randomString(r, 4), cased);
      }
    }
  });

  it('makes JSON.stringify fail the same way (BigInt, cycles)', () => {
    const cyclic: Record<string, unknown> = { a: 'x' };
    cyclic.self = cyclic;
    for (const node of [{ b: 1n }, cyclic]) {
      assert.throws(() => members.apply([node], []));
      assert.throws(() => members.search!([node], 'zzz', false));
    }
  });
});
