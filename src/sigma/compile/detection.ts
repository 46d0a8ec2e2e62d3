// A rule's `detection` section (or a filter's) → an expression tree of compiled items. The tree is
// kept (not only a closure) so the hunter can read which operation names a rule needs.
import { expandPattern, parseCondition, type Cond } from './condition.ts';
import { compileItem, RuleError, type CompileEnv, type ContainsItem, type IndexHint, type ItemCost, type MatchCtx, type Pred } from './item.ts';

export type Expr =
  | { t: 'leaf'; pred: Pred; hint?: IndexHint; cost?: ItemCost; contains?: ContainsItem }
  | { t: 'and' | 'or'; xs: Expr[] }
  | { t: 'not'; x: Expr }
  | { t: 'const'; value: boolean };

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mapExpr(id: string, map: Obj, env: CompileEnv): Expr {
  const entries = Object.entries(map);
  if (entries.length === 0) throw new RuleError('search_empty_map', { id });
  const xs: Expr[] = entries.map(([key, value]) => {
    const item = compileItem(key, value, env);
    const leaf: Expr = { t: 'leaf', pred: item.pred, cost: item.cost };
    if (item.hint) leaf.hint = item.hint;
    if (item.contains) leaf.contains = item.contains;
    return leaf;
  });
  return xs.length === 1 ? xs[0]! : { t: 'and', xs };
}

/** One search identifier: a map (AND), a list of maps (OR of ANDs) or a list of keywords (OR). */
function identifierExpr(id: string, value: unknown, env: CompileEnv): Expr {
  if (isObj(value)) return mapExpr(id, value, env);
  if (!Array.isArray(value)) throw new RuleError('search_type', { id, type: value === null ? 'null' : typeof value });
  if (value.length === 0) throw new RuleError('search_empty_list', { id });
  if (value.every(isObj)) {
    const xs = value.map((m) => mapExpr(id, m, env));
    return xs.length === 1 ? xs[0]! : { t: 'or', xs };
  }
  if (value.some((v) => isObj(v) || Array.isArray(v))) throw new RuleError('search_mixed', { id });
  const item = compileItem('', value, env);
  return { t: 'leaf', pred: item.pred, cost: item.cost };
}

function condExpr(c: Cond, ids: ReadonlyMap<string, Expr>, names: readonly string[]): Expr {
  switch (c.t) {
    case 'id': {
      const e = ids.get(c.name);
      if (e === undefined) throw new RuleError('condition_unknown_id', { id: c.name });
      return e;
    }
    case 'and':
    case 'or':
      return { t: c.t, xs: c.xs.map((x) => condExpr(x, ids, names)) };
    case 'not':
      return { t: 'not', x: condExpr(c.x, ids, names) };
    case 'of': {
      const picked = expandPattern(c.pattern, names);
      if (picked.length === 0) throw new RuleError('condition_no_match', { quantifier: c.all ? 'all' : '1', pattern: c.pattern });
      const xs = picked.map((n) => ids.get(n)!);
      return xs.length === 1 ? xs[0]! : { t: c.all ? 'and' : 'or', xs };
    }
  }
}

/** Compiles search identifiers and condition(s); `extra` holds keys that are not identifiers. */
export function compileDetection(detection: unknown, env: CompileEnv, extra: ReadonlySet<string> = new Set(['condition', 'timeframe'])): Expr {
  if (!isObj(detection)) throw new RuleError('detection_map');
  const condition = detection.condition;
  const conditions = typeof condition === 'string' ? [condition] : Array.isArray(condition) && condition.every((c) => typeof c === 'string') ? condition : undefined;
  if (conditions === undefined || conditions.length === 0) throw new RuleError('detection_no_condition');
  const ids = new Map<string, Expr>();
  for (const [id, value] of Object.entries(detection)) {
    if (extra.has(id)) continue;
    ids.set(id, identifierExpr(id, value, env));
  }
  const names = [...ids.keys()];
  const xs = conditions.map((c) => condExpr(parseCondition(c), ids, names));
  return xs.length === 1 ? xs[0]! : { t: 'or', xs };
}

export function toPredicate(e: Expr): Pred {
  switch (e.t) {
    case 'leaf':
      return e.pred;
    case 'const':
      return e.value ? () => true : () => false;
    case 'not': {
      const p = toPredicate(e.x);
      return (ctx) => !p(ctx);
    }
    case 'and': {
      const ps = e.xs.map(toPredicate);
      if (ps.length === 2) {
        const [a, b] = ps as [Pred, Pred];
        return (ctx) => a(ctx) && b(ctx);
      }
      return (ctx: MatchCtx) => {
        for (const p of ps) if (!p(ctx)) return false;
        return true;
      };
    }
    case 'or': {
      const ps = e.xs.map(toPredicate);
      return (ctx: MatchCtx) => {
        for (const p of ps) if (p(ctx)) return true;
        return false;
      };
    }
  }
}

/**
 * The values a discriminating field must take for `e` to be true, or undefined when `e` can be true
 * whatever that field holds. `usable(hint)` says whether a hint is about the discriminator.
 */
export function requiredValues(e: Expr, usable: (h: IndexHint) => boolean): Set<string> | undefined {
  switch (e.t) {
    case 'leaf':
      return e.hint !== undefined && usable(e.hint) ? new Set(e.hint.literals) : undefined;
    case 'const':
      return e.value ? undefined : new Set();
    case 'not':
      return undefined;
    case 'and': {
      let acc: Set<string> | undefined;
      for (const x of e.xs) {
        const r = requiredValues(x, usable);
        if (r === undefined) continue;
        acc = acc === undefined ? r : new Set([...acc].filter((v) => r.has(v)));
      }
      return acc;
    }
    case 'or': {
      const acc = new Set<string>();
      for (const x of e.xs) {
        const r = requiredValues(x, usable);
        if (r === undefined) return undefined;
        for (const v of r) acc.add(v);
      }
      return acc;
    }
  }
}
