// Named value transforms that field maps (data) may apply to what a path finds. Each says which rule
// literals it could ever produce, so the rule index stays exact when a field has several sources.
import { pushLeaf, type FieldValue } from './path.ts';

export interface Transform {
  /** Turns the nodes a path found into field values. */
  apply(nodes: readonly unknown[], out: FieldValue[]): void;
  /** False when no value this transform yields can equal `literal` (lower-case). */
  canProduce(literal: string): boolean;
  /** Relative cost per read (ordering tests cheap-first): 1 for a string operation. */
  cost: number;
  /**
   * Whether any value `apply` would yield contains `needle` (in lower case unless `cased`), answered
   * without making the values. Only called for needles that `searchable` accepts.
   */
  search?(nodes: readonly unknown[], needle: string, cased: boolean): boolean;
  searchable?(needle: string): boolean;
}

/** The nodes' leaves appended to `out`, each non-null one through `f` (in place: no array per read). */
function mapLeaves(nodes: readonly unknown[], out: FieldValue[], f: (s: string) => string): void {
  const start = out.length;
  for (const n of nodes) pushLeaf(n, out);
  for (let i = start; i < out.length; i++) {
    const v = out[i];
    if (v !== null && v !== undefined) out[i] = f(v);
  }
}

/** Operation names: trimmed, and one trailing "." dropped (UAL writes `Add member to role.`). */
export function activityName(s: string): string {
  let t = s.trim();
  if (t.endsWith('.')) t = t.slice(0, -1).trimEnd();
  return t;
}

function membersText(node: unknown): string | undefined {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  const text = JSON.stringify(node);
  return text.slice(1, -1);
}

/** Characters JSON text uses as structure or escapes: a needle without them lies inside one token. */
const UNSAFE_NEEDLE = /["\\,:{}[\]\u0000-\u001f\ud800-\udfff]/;
/** Characters JSON.stringify writes as an escape whose tail is a letter or digit (`\n`, `\u001b`, `\udc00`). */
const LETTER_ESCAPE = /[\u0000-\u001f\ud800-\udfff]/;

/** One string (key or value) of the JSON text contains the needle. */
function textHas(s: string, needle: string, cased: boolean): boolean {
  // Escapes of `"` and `\` add only a backslash, which a safe needle cannot hold; other escapes end in
  // letters or digits that a needle could start with, so the escaped text itself is searched.
  const t = LETTER_ESCAPE.test(s) ? JSON.stringify(s) : s;
  return (cased ? t : t.toLowerCase()).includes(needle);
}

const UNKNOWN = 2;

/**
 * Searches the JSON text `JSON.stringify(v)` would give, token by token: 1 found, 0 not found, UNKNOWN
 * when the value holds anything but plain data (then the text itself must be made, or fail to be).
 * A find does not end the walk: a value further on that JSON.stringify cannot write (a BigInt, a
 * cycle) must still make the search fail as the text would.
 */
function searchJson(v: unknown, needle: string, cased: boolean, depth: number): number {
  switch (typeof v) {
    case 'string':
      return textHas(v, needle, cased) ? 1 : 0;
    case 'number':
      // Scalars are their own text, never touched by lower-casing: digits, `-`, `.`, `e`, `+`, `null`.
      return (Number.isFinite(v) ? String(v) : 'null').includes(needle) ? 1 : 0;
    case 'boolean':
      return (v ? 'true' : 'false').includes(needle) ? 1 : 0;
    case 'object': {
      if (v === null) return 'null'.includes(needle) ? 1 : 0;
      if (depth > 64 || typeof (v as { toJSON?: unknown }).toJSON === 'function') return UNKNOWN;
      const proto: unknown = Object.getPrototypeOf(v);
      let found = 0;
      if (Array.isArray(v)) {
        if (proto !== Array.prototype) return UNKNOWN;
        for (let i = 0; i < v.length; i++) {
          const e: unknown = v[i];
          // What JSON.stringify writes as `null` in an array.
          const r = e === undefined || typeof e === 'function' || typeof e === 'symbol' ? ('null'.includes(needle) ? 1 : 0) : searchJson(e, needle, cased, depth + 1);
          if (r === UNKNOWN) return UNKNOWN;
          found |= r;
        }
        return found;
      }
      if (proto !== Object.prototype && proto !== null) return UNKNOWN;
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        const e = o[k];
        // Members JSON.stringify leaves out, key and all.
        if (e === undefined || typeof e === 'function' || typeof e === 'symbol') continue;
        if (found === 0 && textHas(k, needle, cased)) found = 1;
        const r = searchJson(e, needle, cased, depth + 1);
        if (r === UNKNOWN) return UNKNOWN;
        found |= r;
      }
      return found;
    }
    default:
      // bigint (JSON.stringify throws: the text path says so), undefined, functions, symbols.
      return UNKNOWN;
  }
}

/** membersText(node) contains the needle (a needle `searchable` accepts); throws where it throws. */
function membersHas(node: unknown, needle: string, cased: boolean): boolean {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return false;
  const r = searchJson(node, needle, cased, 0);
  if (r !== UNKNOWN) return r === 1;
  const text = membersText(node)!;
  return (cased ? text : text.toLowerCase()).includes(needle);
}

function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) {
    try {
      const v: unknown = JSON.parse(t);
      if (typeof v === 'string') return v;
    } catch {
      // not JSON: keep as written
    }
  }
  return s;
}

export const TRANSFORMS: Readonly<Record<string, Transform>> = {
  activity: {
    apply: (nodes, out) => mapLeaves(nodes, out, activityName),
    canProduce: () => true,
    cost: 1,
  },
  trim: {
    apply: (nodes, out) => mapLeaves(nodes, out, (v) => v.trim()),
    canProduce: () => true,
    cost: 1,
  },
  'json-members': {
    apply(nodes, out) {
      for (const n of nodes) {
        if (Array.isArray(n)) {
          for (const e of n) {
            const t = membersText(e);
            if (t !== undefined) out.push(t);
          }
        } else {
          const t = membersText(n);
          if (t !== undefined) out.push(t);
        }
      }
    },
    // JSON members always start with a quoted key.
    canProduce: (literal) => literal.startsWith('"'),
    // JSON.stringify of every object found.
    cost: 8,
    // An occurrence of a needle without quotes, backslashes, JSON punctuation or control characters
    // lies inside one key, one string or one scalar of the text: those are searched one by one.
    // Every node is searched even after a find, so that one JSON.stringify cannot write still throws.
    search(nodes, needle, cased) {
      let found = false;
      for (const n of nodes) {
        if (Array.isArray(n)) {
          for (const e of n) if (membersHas(e, needle, cased)) found = true;
        } else if (membersHas(n, needle, cased)) found = true;
      }
      return found;
    },
    searchable: (needle) => needle !== '' && !UNSAFE_NEEDLE.test(needle),
  },
  'json-unquote': {
    apply: (nodes, out) => mapLeaves(nodes, out, unquote),
    canProduce: () => true,
    cost: 1,
  },
};
