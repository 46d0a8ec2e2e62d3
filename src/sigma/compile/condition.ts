// The detection condition: `and`, `or`, `not`, parentheses, `1 of x*`, `all of x*`, `them`.
// Precedence from loose to tight: or, and, not, x of, ( ).
import { RuleError } from './item.ts';
import { t } from '../../core/i18n.ts';

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

/** Deepest nesting of parentheses and `not` accepted: real conditions use a handful, and the parser recurses. */
export const MAX_CONDITION_NESTING = 100;

/** A condition as a refusal quotes it: a rule's condition can be thousands of characters long. */
function quoted(text: string): string {
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

export function parseCondition(text: string): Cond {
  if (/(^|\s)\|/.test(text) || text.includes(' | ')) {
    throw new RuleError('condition_pipe', { condition: quoted(text) });
  }
  const toks = tokenize(text);
  let i = 0;
  const peek = (): string | undefined => toks[i]?.toLowerCase();
  const fail = (code: string, params: Record<string, string> = {}): never => {
    throw new RuleError('condition_syntax', { condition: quoted(text), detail: t(`sigma.condition.${code}`, params) });
  };
  let depth = 0;
  const nested = (parse: () => Cond): Cond => {
    if (++depth > MAX_CONDITION_NESTING) fail('too_deep', { limit: String(MAX_CONDITION_NESTING) });
    try {
      return parse();
    } finally {
      depth--;
    }
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
      return { t: 'not', x: nested(notExpr) };
    }
    return atom();
  };
  const atom = (): Cond => {
    const tok = toks[i];
    if (tok === undefined) return fail('ends_early');
    const low = tok.toLowerCase();
    if (tok === '(') {
      i++;
      const x = nested(orExpr);
      if (toks[i] !== ')') fail('missing_paren');
      i++;
      return x;
    }
    if (tok === ')') return fail('unexpected', { token: ')' });
    if (low === '1' || low === 'all') {
      if (toks[i + 1]?.toLowerCase() !== 'of') return fail('needs_of', { token: tok });
      const pattern = toks[i + 2];
      if (pattern === undefined || pattern === '(' || pattern === ')') return fail('needs_pattern', { token: tok });
      i += 3;
      return { t: 'of', all: low === 'all', pattern: pattern.toLowerCase() === 'them' ? 'them' : pattern };
    }
    if (/^\d+$/.test(low) && toks[i + 1]?.toLowerCase() === 'of') return fail('count_of', { token: tok });
    if (['and', 'or', 'not', 'of', 'them', 'near'].includes(low)) return fail('unexpected', { token: tok });
    if (!/^[A-Za-z0-9_.\-*]+$/.test(tok)) return fail('not_identifier', { token: tok });
    if (tok.includes('*')) return fail('wildcard', { token: tok });
    i++;
    return { t: 'id', name: tok };
  };
  if (toks.length === 0) fail('empty');
  const c = orExpr();
  if (i < toks.length) fail('unexpected', { token: toks[i]! });
  return c;
}

/** Search identifiers a `1 of` / `all of` pattern names (`them`: all but those starting with `_`). */
export function expandPattern(pattern: string, ids: readonly string[]): string[] {
  if (pattern === 'them') return ids.filter((id) => !id.startsWith('_'));
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\-]/g, '\\$&')).join('.*')}$`);
  return ids.filter((id) => re.test(id));
}
