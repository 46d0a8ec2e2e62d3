// A rule's predicate with its cheapest tests first. `and`/`or` stop at the first test that decides,
// and every test is pure (field reads are memoised per event), so their order changes only how much
// is read: an equality on a plain field goes before a `contains` on JSON text, a regular expression
// or a keyword search over the whole record. The cost of a test depends on where its field lives in
// the shape, so the hunter builds one predicate per rule and (view, shape).
import type { Expr } from './detection.ts';
import type { ItemCost, MatchCtx, Pred } from './item.ts';

/** The relative cost of evaluating one item in one shape. */
export type LeafCost = (cost: ItemCost | undefined) => number;

/** The predicate a leaf uses in this shape (an equivalent of `leaf.pred` that costs less there). */
export type LeafPred = (leaf: Extract<Expr, { t: 'leaf' }>) => Pred;

const asWritten: LeafPred = (leaf) => leaf.pred;

interface Built {
  pred: Pred;
  cost: number;
}

function build(e: Expr, leafCost: LeafCost, leafPred: LeafPred): Built {
  switch (e.t) {
    case 'leaf':
      return { pred: leafPred(e), cost: leafCost(e.cost) };
    case 'const':
      return { pred: e.value ? () => true : () => false, cost: 0 };
    case 'not': {
      const x = build(e.x, leafCost, leafPred);
      const p = x.pred;
      return { pred: (ctx) => !p(ctx), cost: x.cost };
    }
    case 'and':
    case 'or': {
      // Array.prototype.sort is stable: equal costs keep the order the rule wrote.
      const xs = e.xs.map((x) => build(x, leafCost, leafPred)).sort((a, b) => a.cost - b.cost);
      const cost = xs.reduce((sum, x) => sum + x.cost, 0);
      const ps = xs.map((x) => x.pred);
      if (e.t === 'and') {
        if (ps.length === 2) {
          const [a, b] = ps as [Pred, Pred];
          return { pred: (ctx) => a(ctx) && b(ctx), cost };
        }
        return {
          pred: (ctx: MatchCtx) => {
            for (const p of ps) if (!p(ctx)) return false;
            return true;
          },
          cost,
        };
      }
      if (ps.length === 2) {
        const [a, b] = ps as [Pred, Pred];
        return { pred: (ctx) => a(ctx) || b(ctx), cost };
      }
      return {
        pred: (ctx: MatchCtx) => {
          for (const p of ps) if (p(ctx)) return true;
          return false;
        },
        cost,
      };
    }
  }
}

/** `e` as a predicate that evaluates cheaper branches of every `and` and `or` first. */
export function cheapFirst(e: Expr, leafCost: LeafCost, leafPred: LeafPred = asWritten): Pred {
  return build(e, leafCost, leafPred).pred;
}
