// equalText and containsText describe exactly the tests compileSigmaString builds, where they apply.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileSigmaString, containsText, equalText, literal, parseSigmaString, STAR, withStar, type SigmaString } from './sigma-string.ts';

const PATTERNS: SigmaString[] = [
  ...['', 'Add user', 'ADD*', '*user', '*Add user*', '**x**', 'a?c', '*a?c*', 'a*b', '*a*b*', '\\*lit\\*', 'Σ', '*İ*', '\\\\'].map(parseSigmaString),
  withStar(parseSigmaString('Add member to role'), true, true),
  withStar(parseSigmaString('x'), true, false),
  literal('*not a wildcard*'),
];
const VALUES = ['', 'add user', 'Add user', 'ADD USER', 'xadd userx', 'add', 'user', 'abc', 'aXc', 'a*b', '*lit*', 'σ', 'Σ', 'i̇', 'İ', '\\', 'x', 'xx', 'add member to role', '*not a wildcard*', 'a not a wildcard b'];

describe('Sigma string tests as plain text', () => {
  it('equalText is the text the test compares whole, containsText the text it looks for inside', () => {
    let equals = 0;
    let contains = 0;
    for (const p of PATTERNS) {
      for (const cased of [false, true]) {
        const test = compileSigmaString(p, cased);
        const eq = equalText(p, cased);
        const inc = containsText(p, cased);
        assert.ok(eq === undefined || inc === undefined, 'not both');
        if (eq !== undefined) equals++;
        if (inc !== undefined) contains++;
        for (const v of VALUES) {
          const side = cased ? v : v.toLowerCase();
          if (eq !== undefined) assert.equal(side === eq, test(side), `${JSON.stringify(p)} = ${v}`);
          if (inc !== undefined) assert.equal(side.includes(inc), test(side), `${JSON.stringify(p)} in ${v}`);
        }
      }
    }
    assert.ok(equals >= 8 && contains >= 6, `${equals} equalities, ${contains} contains`);
  });

  it('matches values with several * wildcards exactly as the wildcards mean, on random patterns', () => {
    let seed = 11;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const word = (max: number): string => Array.from({ length: rand(max + 1) }, () => 'ab'[rand(2)]).join('');
    // The meaning of a pattern of texts and stars, as a regular expression.
    const meaning = (parts: SigmaString): RegExp => new RegExp(`^${parts.map((p) => (p === STAR ? '[\\s\\S]*' : (p as string))).join('')}$`);
    let checked = 0;
    for (let i = 0; i < 2000; i++) {
      const parts: SigmaString = [];
      const n = 2 + rand(4);
      for (let k = 0; k < n; k++) parts.push(k % 2 === (rand(2) ? 0 : 1) ? STAR : word(3) || 'a');
      const test = compileSigmaString(parts, true);
      const re = meaning(parts);
      for (let k = 0; k < 10; k++) {
        const v = word(8);
        assert.equal(test(v), re.test(v), `${JSON.stringify(parts.map((p) => (p === STAR ? '*' : p)))} on ${v}`);
        checked++;
      }
    }
    assert.ok(checked === 20000);
  });
});
