// The helpers work on arrays far past the size at which spreading them into a call throws.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appendAll, minMax } from './arrays.ts';

describe('array helpers', () => {
  const big = Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);

  it('append a million items, where push(...items) throws', () => {
    assert.throws(() => [].push(...(big as never[])), RangeError);
    const out = appendAll([-1], big);
    assert.equal(out.length, 1_000_001);
    assert.equal(out[0], -1);
    assert.equal(out[1_000_000], big[999_999]);
  });

  it('find the least and greatest of a million values', () => {
    assert.deepEqual(minMax(big), [big.reduce((a, b) => Math.min(a, b)), big.reduce((a, b) => Math.max(a, b))]);
    assert.deepEqual(minMax([3, -2, 5]), [-2, 5]);
    assert.deepEqual(minMax([]), [Infinity, -Infinity]);
  });
});
