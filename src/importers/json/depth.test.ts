// The text shortcut may only skip the walk for records that cannot nest too deep.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nestsDeeperThan, recordNestsDeeperThan, textMayNestDeeperThan } from './depth.ts';

describe('nesting depth', () => {
  it('finds a record nested 100,000 levels deep, from its value or its text', () => {
    const text = `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const v: unknown = JSON.parse(text);
    assert.equal(nestsDeeperThan(v, 500), true);
    assert.equal(textMayNestDeeperThan(text, 500), true);
    assert.equal(recordNestsDeeperThan(v, text, 500), true);
    assert.equal(recordNestsDeeperThan(v, undefined, 500), true);
  });

  it('skips the walk for an ordinary record, and lets it decide when brackets are only in strings', () => {
    const ordinary = JSON.stringify({ Id: 'x', ModifiedProperties: [{ Name: 'a', NewValue: '["x"]' }], Actor: [{ ID: 'y' }] });
    assert.equal(textMayNestDeeperThan(ordinary, 500), false);
    const brackets = JSON.stringify({ note: '['.repeat(2000) });
    assert.equal(textMayNestDeeperThan(brackets, 500), true);
    assert.equal(recordNestsDeeperThan(JSON.parse(brackets), brackets, 500), false);
  });

  it('never skips a record the walk finds too deep (random shapes around the limit)', () => {
    let seed = 7;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      const depth = 1 + rand(30);
      let v: unknown = rand(2) ? 'leaf' : [];
      for (let d = 0; d < depth; d++) v = rand(2) ? [v, rand(3) ? 'x[' : 1] : { k: v, s: '{' };
      const text = JSON.stringify(v);
      const limit = 1 + rand(30);
      if (nestsDeeperThan(v, limit)) assert.equal(textMayNestDeeperThan(text, limit), true, text);
      assert.equal(recordNestsDeeperThan(v, text, limit), nestsDeeperThan(v, limit));
    }
  });
});
