// A parser for the part of OData $filter that Graph's directory and log endpoints accept:
// comparisons, and/or/not, parentheses, startswith/endswith/contains, and any/all lambdas.

export type Literal = string | number | boolean | null | { datetime: number } | { guid: string };

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; path: string[]; value: Literal }
  | { kind: 'call'; fn: 'startswith' | 'endswith' | 'contains'; path: string[]; value: string }
  | { kind: 'lambda'; quantifier: 'any' | 'all'; path: string[]; variable: string; body: FilterNode };

export class FilterSyntaxError extends Error {}

type Token =
  | { t: 'ident'; v: string }
  | { t: 'string'; v: string }
  | { t: 'number'; v: number }
  | { t: 'datetime'; v: number }
  | { t: 'guid'; v: string }
  | { t: 'punct'; v: '(' | ')' | '/' | ',' | ':' };

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if ('()/,:'.includes(c)) {
      tokens.push({ t: 'punct', v: c as '(' });
      i++;
      continue;
    }
    if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new FilterSyntaxError('unterminated string literal');
        if (text.charAt(i) === "'") {
          if (text.charAt(i + 1) === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text.charAt(i++);
      }
      tokens.push({ t: 'string', v: value });
      continue;
    }
    const rest = text.slice(i);
    const dt = DATETIME.exec(rest);
    if (dt) {
      const ms = Date.parse(dt[0]);
      if (Number.isNaN(ms)) throw new FilterSyntaxError(`bad datetime ${dt[0]}`);
      tokens.push({ t: 'datetime', v: ms });
      i += dt[0].length;
      continue;
    }
    const guid = GUID.exec(rest);
    if (guid) {
      tokens.push({ t: 'guid', v: guid[0].toLowerCase() });
      i += guid[0].length;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(rest);
    if (num) {
      tokens.push({ t: 'number', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const ident = /^[A-Za-z_@$][A-Za-z0-9_.@$]*/.exec(rest);
    if (ident) {
      tokens.push({ t: 'ident', v: ident[0] });
      i += ident[0].length;
      continue;
    }
    throw new FilterSyntaxError(`unexpected character '${c}'`);
  }
  return tokens;
}

const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    const node = this.or();
    if (this.pos < this.tokens.length) throw new FilterSyntaxError('unexpected text after the expression');
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isWord(word: string): boolean {
    const tok = this.peek();
    return tok?.t === 'ident' && tok.v.toLowerCase() === word;
  }

  private expectPunct(v: string): void {
    const tok = this.tokens[this.pos++];
    if (tok?.t !== 'punct' || tok.v !== v) throw new FilterSyntaxError(`expected '${v}'`);
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.isWord('or')) {
      this.pos++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.unary();
    while (this.isWord('and')) {
      this.pos++;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterNode {
    if (this.isWord('not')) {
      this.pos++;
      return { kind: 'not', operand: this.unary() };
    }
    const tok = this.peek();
    if (tok?.t === 'punct' && tok.v === '(') {
      this.pos++;
      const inner = this.or();
      this.expectPunct(')');
      return inner;
    }
    return this.primary();
  }

  private primary(): FilterNode {
    const tok = this.tokens[this.pos++];
    if (tok?.t !== 'ident') throw new FilterSyntaxError('expected a property name');
    const fn = tok.v.toLowerCase();
    const next = this.peek();
    if ((fn === 'startswith' || fn === 'endswith' || fn === 'contains') && next?.t === 'punct' && next.v === '(') {
      this.pos++;
      const path = this.path();
      this.expectPunct(',');
      const value = this.literal();
      if (typeof value !== 'string') throw new FilterSyntaxError(`${fn} needs a string`);
      this.expectPunct(')');
      return { kind: 'call', fn, path, value };
    }
    this.pos--;
    const path = this.path();
    const last = path[path.length - 1]?.toLowerCase();
    if ((last === 'any' || last === 'all') && this.peek()?.t === 'punct' && (this.peek() as { v: string }).v === '(') {
      this.pos++;
      const variable = this.tokens[this.pos++];
      if (variable?.t !== 'ident') throw new FilterSyntaxError('expected a lambda variable');
      this.expectPunct(':');
      const body = this.or();
      this.expectPunct(')');
      return { kind: 'lambda', quantifier: last, path: path.slice(0, -1), variable: variable.v, body };
    }
    const op = this.tokens[this.pos++];
    if (op?.t !== 'ident' || !COMPARISONS.has(op.v.toLowerCase())) throw new FilterSyntaxError('expected a comparison operator');
    return { kind: 'compare', op: op.v.toLowerCase() as 'eq', path, value: this.literal() };
  }

  private path(): string[] {
    const first = this.tokens[this.pos++];
    if (first?.t !== 'ident') throw new FilterSyntaxError('expected a property name');
    const parts = [first.v];
    while (this.peek()?.t === 'punct' && (this.peek() as { v: string }).v === '/') {
      this.pos++;
      const part = this.tokens[this.pos++];
      if (part?.t !== 'ident') throw new FilterSyntaxError('expected a property name after /');
      parts.push(part.v);
    }
    return parts;
  }

  private literal(): Literal {
    const tok = this.tokens[this.pos++];
    if (!tok) throw new FilterSyntaxError('expected a value');
    switch (tok.t) {
      case 'string':
      case 'number':
        return tok.v;
      case 'datetime':
        return { datetime: tok.v };
      case 'guid':
        return { guid: tok.v };
      case 'ident': {
        const word = tok.v.toLowerCase();
        if (word === 'true') return true;
        if (word === 'false') return false;
        if (word === 'null') return null;
        throw new FilterSyntaxError(`unexpected word '${tok.v}'`);
      }
      default:
        throw new FilterSyntaxError('expected a value');
    }
  }
}

export function parseFilter(text: string): FilterNode {
  return new Parser(tokenize(text)).parse();
}
