// Cheap-first predicates: the same truth value as the tree as written, with cheaper branches tried first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toPredicate, type Expr } from './detection.ts';
import type { MatchCtx } from './item.ts';
import { cheapFirst } from './order.ts';

const ctx = {} as MatchCtx;

/** A leaf that records its name when evaluated. */
function leaf(name: string, value: boolean, test: number, log: string[]): Expr {
  return { t: 'leaf', pred: () => (log.push(name), value), cost: { field: name, test } };
}

describe('cheapFirst', () => {
  it('evaluates the cheaper test of an and first and stops there', () => {
    const log: string[] = [];
    const e: Expr = { t: 'and', xs: [leaf('regex', true, 4, log), leaf('equals', false, 0.5, log)] };
    assert.equal(cheapFirst(e, (c) => c!.test)(ctx), false);
    assert.deepEqual(log, ['equals']);
  });

  it('keeps the written order between equal costs', () => {
    const log: string[] = [];
    const e: Expr = { t: 'or', xs: [leaf('a', false, 1, log), leaf('b', false, 1, log), leaf('c', true, 1, log)] };
    assert.equal(cheapFirst(e, (c) => c!.test)(ctx), true);
    assert.deepEqual(log, ['a', 'b', 'c']);
  });

  it('gives the truth value of the tree as written for every assignment', () => {
    const log: string[] = [];
    for (let bits = 0; bits < 32; bits++) {
      const v = (i: number): boolean => ((bits >> i) & 1) === 1;
      const e: Expr = {
        t: 'or',
        xs: [
          { t: 'and', xs: [leaf('a', v(0), 3, log), { t: 'not', x: leaf('b', v(1), 1, log) }, leaf('c', v(2), 0.5, log)] },
          { t: 'and', xs: [leaf('d', v(3), 2, log), { t: 'or', xs: [leaf('e', v(4), 5, log), { t: 'const', value: false }] }] },
        ],
      };
      assert.equal(cheapFirst(e, (c) => c?.test ?? 1)(ctx), toPredicate(e)(ctx), `assignment ${bits}`);
    }
  });
});
