// One detection item (`Field|mod1|mod2: value(s)`, or keywords) → a predicate over an event.
// Every modifier of the specification (v2.1) is handled here; misuse is an error with the reason.
import { compileRegex } from '../regex/index.ts';
import type { Resolved } from '../fields/access.ts';
import type { FieldValue } from '../fields/path.ts';
import { inNetwork, parseCidr } from './cidr.ts';
import { base64, base64Offsets, finalText, utf16, type Encoded } from './encode.ts';
import { compileSigmaString, containsText, equalText, exactText, hasWildcards, literal, parseSigmaString, plainText, withStar, type SigmaString, type StringTest } from './sigma-string.ts';
import { t } from '../../core/i18n.ts';

/**
 * A document that cannot be used as written. `code` names its sentence (`sigma.error.<code>` in
 * `locales/`), `params` fill it; the message is that sentence in the language takeback runs in.
 */
export class RuleError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(t(`sigma.error.${code}`, params));
  }
}

/** What predicates read from an event: fields by slot number, and the whole event's text. */
export interface MatchCtx {
  get(slot: number): Resolved;
  lower(slot: number): FieldValue[];
  /** The event's text values for keyword search, each on its own, in lower case unless `cased`. */
  keywords(cased: boolean): readonly string[];
}

export type Pred = (ctx: MatchCtx) => boolean;

export interface CompileEnv {
  placeholders: Readonly<Record<string, readonly string[]>>;
  slot(field: string): number;
}

/** Exact values a field must take for the item to match: what the rule index is built from. */
export interface IndexHint {
  field: string;
  literals: string[];
}

/** What an item costs to evaluate, so that cheap tests can run first: the field it reads and the test. */
export interface ItemCost {
  /** The field read ('' for keywords, which search the whole record's text). */
  field: string;
  /** Relative cost of the test once the field is read (equality 0.5 … regular expression 4). */
  test: number;
}

/**
 * An item that only asks whether the field's values contain some texts (`contains`, without `neq`):
 * the hunter may answer it by searching the field's sources instead of reading its values (JSON text
 * searched without being made). Same truth value as the item's predicate.
 */
export interface ContainsItem {
  field: string;
  slot: number;
  /** The texts looked for, in lower case unless `cased`. */
  needles: string[];
  /** Every needle must occur (in any value); else any needle. */
  all: boolean;
  cased: boolean;
}

export interface CompiledItem {
  pred: Pred;
  hint?: IndexHint;
  cost: ItemCost;
  contains?: ContainsItem;
}

/** The relative cost of an item's test from its modifiers (the read is priced per shape, later). */
function testCost(field: string, mods: readonly string[]): number {
  if (field === '') return 30;
  let cost = 0.5;
  for (const m of mods) {
    if (m === 're') cost = Math.max(cost, 4);
    else if (m === 'fieldref') cost = Math.max(cost, 3);
    else if (TIME_PARTS.has(m) || m === 'cidr') cost = Math.max(cost, 2);
    else if (NUMERIC.has(m)) cost = Math.max(cost, 1.5);
    else if (STRING_MODS.has(m)) cost = Math.max(cost, 1);
  }
  return cost;
}

export function compileItem(key: string, raw: unknown, env: CompileEnv): CompiledItem {
  const item = compileItemTest(key, raw, env);
  const { field, mods } = splitKey(key);
  return { ...item, cost: { field, test: testCost(field, mods) } };
}

const STRING_MODS = new Set(['contains', 'startswith', 'endswith', 'windash', 'base64', 'base64offset', 'utf16le', 'utf16be', 'utf16', 'wide', 'expand']);
const NUMERIC = new Set(['lt', 'lte', 'gt', 'gte']);
const TIME_PARTS = new Set(['minute', 'hour', 'day', 'week', 'month', 'year']);
const RE_FLAGS = new Set(['i', 'm', 's']);
const KNOWN = new Set([...STRING_MODS, ...NUMERIC, ...TIME_PARTS, ...RE_FLAGS, 'all', 'exists', 'cased', 'neq', 're', 'cidr', 'fieldref']);

const WINDASH = ['-', '/', '\u2013', '\u2014', '\u2015'];
/** windash makes 5^n variants for n dashes; more than this many is refused. */
const MAX_VARIANTS = 4096;

function describe(v: unknown): string {
  return v === null ? 'null' : typeof v === 'string' ? `'${v}'` : JSON.stringify(v);
}

export function splitKey(key: string): { field: string; mods: string[] } {
  const parts = key.split('|');
  return { field: parts[0]!, mods: parts.slice(1) };
}

function scalarText(v: unknown, where: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new RuleError('value_type', { where, value: describe(v) });
}

function anyValue(r: Resolved, values: FieldValue[], test: StringTest): boolean {
  if (!r.present) return false;
  for (const v of values) if (v !== null && test(v)) return true;
  return false;
}

function compileItemTest(key: string, raw: unknown, env: CompileEnv): Omit<CompiledItem, 'cost'> {
  const { field, mods } = splitKey(key);
  const where = field === '' ? `keywords${key}` : key;
  for (const m of mods) if (!KNOWN.has(m)) throw new RuleError('unknown_modifier', { where, modifier: m });
  const seen = new Set<string>();
  for (const m of mods) {
    if (seen.has(m)) throw new RuleError('modifier_twice', { where, modifier: m });
    seen.add(m);
  }
  const has = (m: string): boolean => seen.has(m);
  const list: unknown[] = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) throw new RuleError('empty_values', { where });
  if (has('all') && !Array.isArray(raw)) throw new RuleError('all_needs_list', { where });
  if (has('all') && list.length < 2) throw new RuleError('all_needs_two', { where });
  for (const v of list) {
    if (Array.isArray(v) || (typeof v === 'object' && v !== null)) throw new RuleError('value_nested', { where });
  }
  if (list.includes(null) && list.length > 1) throw new RuleError('null_in_list', { where });
  for (const f of RE_FLAGS) if (has(f) && !has('re')) throw new RuleError('re_sub_modifier', { where, modifier: f });

  if (field === '') return keywordItem(where, list, mods, has, env);
  const slot = env.slot(field);

  if (has('exists')) {
    if (mods.length > 1) throw new RuleError('exists_alone', { where });
    const v = list[0];
    const want = v === true || v === 'true' ? true : v === false || v === 'false' ? false : undefined;
    if (want === undefined || list.length !== 1) throw new RuleError('exists_boolean', { where });
    return { pred: (ctx) => ctx.get(slot).present === want };
  }
  if (list[0] === null) {
    if (mods.length > 0) throw new RuleError('null_modifiers', { where });
    return {
      pred: (ctx) => {
        const r = ctx.get(slot);
        return !r.present || r.values.every((v) => v === null);
      },
    };
  }
  const neq = has('neq');
  const all = has('all');
  let tests: StringTest[];
  // One list of tests per value given: a value that becomes several (windash, base64offset, expand)
  // matches when any of its forms does, also under `all`, which asks for every value.
  let groups: StringTest[][] | undefined;
  let cased = has('cased');
  let hint: IndexHint | undefined;
  let contains: ContainsItem | undefined;
  // A single value compared whole or looked for inside: tested in place, without calling its test.
  let equal: string | undefined;
  let included: string | undefined;

  const typeMods = ['re', 'cidr', 'fieldref', ...NUMERIC, ...TIME_PARTS].filter(has);
  const timePart = typeMods.find((m) => TIME_PARTS.has(m));
  const numeric = typeMods.find((m) => NUMERIC.has(m));
  const stringMods = mods.filter((m) => STRING_MODS.has(m));
  if (typeMods.length > 1 && !(typeMods.length === 2 && timePart !== undefined && numeric !== undefined)) {
    throw new RuleError('modifiers_clash', { where, a: typeMods[0]!, b: typeMods[1]! });
  }

  if (has('re')) {
    if (stringMods.length > 0) throw new RuleError('modifier_with', { where, a: 're', b: stringMods[0]! });
    const flags = { i: has('i'), m: has('m'), s: has('s') };
    tests = list.map((v) => {
      const re = compileRegex(scalarText(v, where), flags);
      return (s: string) => re.test(s);
    });
    cased = true; // patterns see the value as written
  } else if (has('cidr')) {
    if (stringMods.length > 0) throw new RuleError('modifier_with', { where, a: 'cidr', b: stringMods[0]! });
    tests = list.map((v) => {
      let net;
      try {
        net = parseCidr(scalarText(v, where));
      } catch (e) {
        throw new RuleError('in_value', { where, detail: (e as Error).message });
      }
      return (s: string) => inNetwork(net, s);
    });
  } else if (has('fieldref')) {
    return fieldRef(where, slot, list, has, env);
  } else if (timePart !== undefined || numeric !== undefined) {
    if (stringMods.length > 0) throw new RuleError('modifier_with', { where, a: timePart ?? numeric!, b: stringMods[0]! });
    tests = list.map((v) => numberTest(where, v, numeric, timePart));
  } else {
    const perValue = list.map((v) => transformValue(where, scalarText(v, where), mods, env));
    const strings = perValue.flat();
    tests = strings.map((s) => compileSigmaString(s, cased));
    groups = perValue.map((forms) => forms.map((s) => compileSigmaString(s, cased)));
    if (!neq && !all && !cased) {
      const literals = strings.map(exactText);
      if (literals.every((l): l is string => l !== undefined)) hint = { field, literals };
    }
    const needles = strings.map((s) => containsText(s, cased));
    const oneFormEach = perValue.every((forms) => forms.length === 1);
    if (!neq && (!all || oneFormEach) && needles.every((n): n is string => n !== undefined)) contains = { field, slot, needles, all, cased };
    if (strings.length === 1) {
      equal = equalText(strings[0]!, cased);
      if (equal === undefined) included = needles[0];
    }
  }

  const lowerSide = !cased;
  const read = (ctx: MatchCtx): FieldValue[] => (lowerSide ? ctx.lower(slot) : ctx.get(slot).values);
  if (neq) {
    // Different from every value given: the field must have a value, and none may match.
    return {
      pred: (ctx) => {
        const r = ctx.get(slot);
        if (!r.present || r.values.every((v) => v === null)) return false;
        const vals = read(ctx);
        return !tests.some((t) => anyValue(r, vals, t));
      },
    };
  }
  const withContains = contains ? { contains } : {};
  if (all) {
    const each = groups ?? tests.map((t) => [t]);
    return { pred: (ctx) => each.every((forms) => forms.some((t) => anyValue(ctx.get(slot), read(ctx), t))), ...withContains };
  }
  const withHint = hint ? { hint, ...withContains } : withContains;
  if (hint !== undefined && hint.literals.length > 1) {
    // Exact values (the rule index's case): one set lookup per value instead of a test per literal.
    const set = new Set(hint.literals);
    return {
      pred: (ctx) => {
        // An absent field has no values (readers append nothing then), so no presence test is needed.
        const vals = ctx.lower(slot);
        for (let i = 0; i < vals.length; i++) {
          const v = vals[i]!;
          if (v !== null && set.has(v)) return true;
        }
        return false;
      },
      ...withHint,
    };
  }
  if (tests.length === 1 && (equal !== undefined || included !== undefined)) {
    return { pred: singleText(slot, lowerSide, equal, included), ...withHint };
  }
  if (tests.length === 1) {
    const t = tests[0]!;
    return {
      pred: (ctx) => {
        const vals = read(ctx);
        for (let i = 0; i < vals.length; i++) {
          const v = vals[i]!;
          if (v !== null && t(v)) return true;
        }
        return false;
      },
      ...withHint,
    };
  }
  return {
    pred: (ctx) => {
      const vals = read(ctx);
      for (let j = 0; j < tests.length; j++) {
        const t = tests[j]!;
        for (let i = 0; i < vals.length; i++) {
          const v = vals[i]!;
          if (v !== null && t(v)) return true;
        }
      }
      return false;
    },
    ...withHint,
  };
}

/** The predicate of one value without wildcards (`equal`) or one `*text*` (`included`). */
function singleText(slot: number, lowerSide: boolean, equal: string | undefined, included: string | undefined): Pred {
  if (equal !== undefined) {
    const lit = equal;
    return (ctx) => {
      const vals = lowerSide ? ctx.lower(slot) : ctx.get(slot).values;
      for (let i = 0; i < vals.length; i++) if (vals[i] === lit) return true;
      return false;
    };
  }
  const lit = included!;
  return (ctx) => {
    const vals = lowerSide ? ctx.lower(slot) : ctx.get(slot).values;
    for (let i = 0; i < vals.length; i++) {
      const v = vals[i]!;
      if (v !== null && v.includes(lit)) return true;
    }
    return false;
  };
}

/** Applies the string modifiers in the order written: one value can become several. */
function transformValue(where: string, text: string, mods: readonly string[], env: CompileEnv): SigmaString[] {
  type V = { s: SigmaString; enc?: Encoded };
  const expands = mods.includes('expand');
  // Placeholders are only special under `expand`; `\%` keeps a percent sign literal there.
  let values: V[] = expands ? expandPlaceholders(where, text, env).map((t) => ({ s: parseSigmaString(t) })) : [{ s: parseSigmaString(text) }];
  const encoded = (v: V, m: string): Encoded => {
    if (v.enc) return v.enc;
    if (hasWildcards(v.s)) throw new RuleError('encode_wildcards', { where, modifier: m });
    return { kind: 'text', text: plainText(v.s) };
  };
  for (const m of mods) {
    switch (m) {
      case 'contains':
      case 'startswith':
      case 'endswith':
        values = values.map((v) => {
          const s = v.enc ? literal(finalText(v.enc)) : v.s;
          return { s: withStar(s, m !== 'startswith', m !== 'endswith') };
        });
        break;
      case 'windash':
        values = values.flatMap((v) => windash(where, v.s).map((s) => ({ s })));
        break;
      case 'utf16le':
      case 'wide':
      case 'utf16be':
      case 'utf16':
        values = values.map((v) => {
          const e = utf16(encoded(v, m), m === 'utf16be' ? 'be' : m === 'utf16' ? 'bom' : 'le');
          return { s: literal(finalText(e)), enc: e };
        });
        break;
      case 'base64':
        values = values.map((v) => ({ s: literal(base64(encoded(v, m))) }));
        break;
      case 'base64offset':
        values = values.flatMap((v) => base64Offsets(encoded(v, m)).map((t) => ({ s: literal(t) })));
        break;
      default:
        break;
    }
  }
  if (values.length > MAX_VARIANTS) throw new RuleError('too_many_variants', { where, count: values.length, limit: MAX_VARIANTS });
  return values.map((v) => v.s);
}

function expandPlaceholders(where: string, text: string, env: CompileEnv): string[] {
  // Split into literal text and %name% placeholders.
  const pieces: Array<{ lit: string } | { name: string }> = [];
  let lit = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && text[i + 1] === '%') {
      lit += '%';
      i++;
    } else if (ch === '%') {
      const end = text.indexOf('%', i + 1);
      if (end < 0) {
        lit += ch;
        continue;
      }
      if (lit !== '') pieces.push({ lit });
      lit = '';
      pieces.push({ name: text.slice(i + 1, end) });
      i = end;
    } else {
      lit += ch;
    }
  }
  if (lit !== '') pieces.push({ lit });
  let out = [''];
  for (const p of pieces) {
    if ('lit' in p) {
      // Keep wildcard escapes intact: the text is parsed as a Sigma string afterwards.
      out = out.map((o) => o + p.lit);
      continue;
    }
    const values = env.placeholders[p.name];
    if (values === undefined || values.length === 0) throw new RuleError('placeholder_unset', { where, name: p.name });
    out = out.flatMap((o) => values.map((v) => o + v));
    if (out.length > MAX_VARIANTS) throw new RuleError('placeholder_variants', { where, limit: MAX_VARIANTS });
  }
  return out;
}

function windash(where: string, s: SigmaString): SigmaString[] {
  let out: SigmaString[] = [[]];
  for (const p of s) {
    if (typeof p !== 'string') {
      out = out.map((o) => [...o, p]);
      continue;
    }
    let texts = [''];
    for (const ch of p) {
      const alts = WINDASH.includes(ch) ? WINDASH : [ch];
      texts = texts.flatMap((t) => alts.map((a) => t + a));
      if (texts.length * out.length > MAX_VARIANTS) throw new RuleError('windash_variants', { where, limit: MAX_VARIANTS });
    }
    out = out.flatMap((o) => texts.map((t) => [...o, t]));
  }
  return out;
}

/** ISO week number (1–53) of a UTC date. */
function isoWeek(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7);
}

export function timePartOf(value: string, part: string): number | undefined {
  const t = value.trim();
  if (t === '') return undefined;
  const ms = /^\d+(\.\d+)?$/.test(t) ? Number(t) * (t.length <= 11 ? 1000 : 1) : Date.parse(t);
  if (!Number.isFinite(ms)) return undefined;
  const d = new Date(ms);
  switch (part) {
    case 'minute':
      return d.getUTCMinutes();
    case 'hour':
      return d.getUTCHours();
    case 'day':
      return d.getUTCDate();
    case 'week':
      return isoWeek(d);
    case 'month':
      return d.getUTCMonth() + 1;
    default:
      return d.getUTCFullYear();
  }
}

function toNumber(s: string): number | undefined {
  const t = s.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

function numberTest(where: string, v: unknown, op: string | undefined, part: string | undefined): StringTest {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? toNumber(v) : undefined;
  if (n === undefined) throw new RuleError('needs_number', { where, modifier: op ?? part!, value: describe(v) });
  const read = part === undefined ? toNumber : (s: string) => timePartOf(s, part);
  switch (op) {
    case 'lt':
      return (s) => (read(s) ?? NaN) < n;
    case 'lte':
      return (s) => (read(s) ?? NaN) <= n;
    case 'gt':
      return (s) => (read(s) ?? NaN) > n;
    case 'gte':
      return (s) => (read(s) ?? NaN) >= n;
    default:
      return (s) => read(s) === n;
  }
}

function fieldRef(where: string, slot: number, list: unknown[], has: (m: string) => boolean, env: CompileEnv): Omit<CompiledItem, 'cost'> {
  for (const m of ['windash', 'base64', 'base64offset', 'utf16le', 'utf16be', 'utf16', 'wide', 'expand']) {
    if (has(m)) throw new RuleError('modifier_with', { where, a: 'fieldref', b: m });
  }
  const cased = has('cased');
  const cmp: (a: string, b: string) => boolean = has('contains')
    ? (a, b) => a.includes(b)
    : has('startswith')
      ? (a, b) => a.startsWith(b)
      : has('endswith')
        ? (a, b) => a.endsWith(b)
        : (a, b) => a === b;
  const refs = list.map((v) => env.slot(scalarText(v, where)));
  const one = (ctx: MatchCtx, ref: number): boolean => {
    const a = ctx.get(slot);
    const b = ctx.get(ref);
    if (!a.present || !b.present) return false;
    const av = cased ? a.values : ctx.lower(slot);
    const bv = cased ? b.values : ctx.lower(ref);
    for (const x of av) {
      if (x === null) continue;
      for (const y of bv) if (y !== null && cmp(x, y)) return true;
    }
    return false;
  };
  if (has('neq')) {
    return {
      pred: (ctx) => {
        const a = ctx.get(slot);
        if (!a.present || a.values.every((v) => v === null)) return false;
        return !refs.some((r) => one(ctx, r));
      },
    };
  }
  if (has('all')) return { pred: (ctx) => refs.every((r) => one(ctx, r)) };
  return { pred: (ctx) => refs.some((r) => one(ctx, r)) };
}

/** Keywords: values searched for anywhere in the event's text. */
function keywordItem(where: string, list: unknown[], mods: readonly string[], has: (m: string) => boolean, env: CompileEnv): Omit<CompiledItem, 'cost'> {
  for (const m of mods) {
    if (m !== 'all' && m !== 'cased' && !STRING_MODS.has(m) && m !== 're' && !RE_FLAGS.has(m)) throw new RuleError('keyword_modifier', { where, modifier: m });
  }
  if (list.includes(null)) throw new RuleError('keyword_null', { where });
  // One list of tests per keyword: any of a keyword's forms (windash, base64offset, expand) will do.
  let groups: StringTest[][];
  const cased = has('cased');
  if (has('re')) {
    const flags = { i: has('i'), m: has('m'), s: has('s') };
    groups = list.map((v) => {
      const re = compileRegex(scalarText(v, where), flags);
      return [(s: string) => re.test(s)];
    });
  } else {
    groups = list.map((v) => transformValue(where, scalarText(v, where), mods, env).map((s) => compileSigmaString(withStar(s, true, true), cased)));
  }
  const tests = groups.flat();
  const exact = cased || has('re');
  // Each value on its own: `a*b` or `^admin$` must hold within one value, not across two.
  const found = (ctx: MatchCtx, t: StringTest): boolean => {
    for (const v of ctx.keywords(exact)) if (t(v)) return true;
    return false;
  };
  if (has('all')) return { pred: (ctx) => groups.every((forms) => forms.some((t) => found(ctx, t))) };
  return { pred: (ctx) => tests.some((t) => found(ctx, t)) };
}
