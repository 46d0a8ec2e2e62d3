// The detection condition: `and`, `or`, `not`, parentheses, `1 of x*`, `all of x*`, `them`.
// Precedence from loose to tight: or, and, not, x of, ( ).
import { RuleError } from './item.ts';

export type Cond =
  | { t: 'id'; name: string }
  | { t: 'and' | 'or'; xs: Cond[] }
  | { t: 'not'; x: Cond }
  | { t: 'of'; all: boolean; pattern: string };

function tokenize(text: string): string[] {
  const out: string[] = [];
  const re = /\s*(\(|\)|[^\s()]+)/y;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < text.length) {
    re.lastIndex = pos;
    m = re.exec(text);
    if (m === null) break;
    out.push(m[1]!);
    pos = re.lastIndex;
    if (/^\s*$/.test(text.slice(pos))) break;
  }
  return out;
}

export function parseCondition(text: string): Cond {
  if (/(^|\s)\|/.test(text) || text.includes(' | ')) {
    throw new RuleError(`condition '${text}' uses a pipe aggregation (count/near), which Sigma v2 replaced with correlation rules`);
  }
  const toks = tokenize(text);
  let i = 0;
  const peek = (): string | undefined => toks[i]?.toLowerCase();
  const fail = (msg: string): never => {
    throw new RuleError(`condition '${text}': ${msg}`);
  };
  const orExpr = (): Cond => {
    const xs = [andExpr()];
    while (peek() === 'or') {
      i++;
      xs.push(andExpr());
    }
    return xs.length === 1 ? xs[0]! : { t: 'or', xs };
  };
  const andExpr = (): Cond => {
    const xs = [notExpr()];
    while (peek() === 'and') {
      i++;
      xs.push(notExpr());
    }
    return xs.length === 1 ? xs[0]! : { t: 'and', xs };
  };
  const notExpr = (): Cond => {
    if (peek() === 'not') {
      i++;
      return { t: 'not', x: notExpr() };
    }
    return atom();
  };
  const atom = (): Cond => {
    const tok = toks[i];
    if (tok === undefined) return fail('ends too early');
    const low = tok.toLowerCase();
    if (tok === '(') {
      i++;
      const x = orExpr();
      if (toks[i] !== ')') fail('missing )');
      i++;
      return x;
    }
    if (tok === ')') return fail('unexpected )');
    if (low === '1' || low === 'all') {
      if (toks[i + 1]?.toLowerCase() !== 'of') return fail(`'${tok}' must be followed by 'of'`);
      const pattern = toks[i + 2];
      if (pattern === undefined || pattern === '(' || pattern === ')') return fail(`'${tok} of' needs a search identifier pattern or 'them'`);
      i += 3;
      return { t: 'of', all: low === 'all', pattern: pattern.toLowerCase() === 'them' ? 'them' : pattern };
    }
    if (/^\d+$/.test(low) && toks[i + 1]?.toLowerCase() === 'of') return fail(`'${tok} of' is not Sigma: only '1 of' and 'all of' exist`);
    if (['and', 'or', 'not', 'of', 'them', 'near'].includes(low)) return fail(`unexpected '${tok}'`);
    if (!/^[A-Za-z0-9_.\-*]+$/.test(tok)) return fail(`'${tok}' is not a search identifier`);
    if (tok.includes('*')) return fail(`'${tok}': wildcards are only allowed after '1 of' or 'all of'`);
    i++;
    return { t: 'id', name: tok };
  };
  if (toks.length === 0) fail('is empty');
  const c = orExpr();
  if (i < toks.length) fail(`unexpected '${toks[i]!}'`);
  return c;
}

/** Search identifiers a `1 of` / `all of` pattern names (`them`: all but those starting with `_`). */
export function expandPattern(pattern: string, ids: readonly string[]): string[] {
  if (pattern === 'them') return ids.filter((id) => !id.startsWith('_'));
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\-]/g, '\\$&')).join('.*')}$`);
  return ids.filter((id) => re.test(id));
}
