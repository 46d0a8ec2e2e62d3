// Sigma string values: text with `*` and `?` wildcards, where `\` escapes a wildcard or a backslash
// and is literal before anything else. Compiled to plain string tests when the wildcards allow it,
// to ordered native searches when every wildcard is `*`, else to a glob matcher that runs in
// O(text × pattern) at worst.

export type Part = string | typeof STAR | typeof ONE;
export const STAR = Symbol('*');
export const ONE = Symbol('?');

/** A value as parts; adjacent literal text is merged. */
export type SigmaString = Part[];

export function parseSigmaString(text: string): SigmaString {
  const parts: SigmaString = [];
  let lit = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === '*' || next === '?' || next === '\\') {
        lit += next;
        i++;
      } else {
        lit += ch;
      }
    } else if (ch === '*' || ch === '?') {
      if (lit !== '') parts.push(lit);
      lit = '';
      parts.push(ch === '*' ? STAR : ONE);
    } else {
      lit += ch;
    }
  }
  if (lit !== '') parts.push(lit);
  return parts;
}

export function literal(text: string): SigmaString {
  return text === '' ? [] : [text];
}

export function hasWildcards(s: SigmaString): boolean {
  return s.some((p) => typeof p !== 'string');
}

/** The text of a value without wildcards. */
export function plainText(s: SigmaString): string {
  return s.filter((p): p is string => typeof p === 'string').join('');
}

export function mapText(s: SigmaString, f: (t: string) => string): SigmaString {
  return s.map((p) => (typeof p === 'string' ? f(p) : p));
}

export function withStar(s: SigmaString, before: boolean, after: boolean): SigmaString {
  const out = [...s];
  if (before && out[0] !== STAR) out.unshift(STAR);
  if (after && out[out.length - 1] !== STAR) out.push(STAR);
  return out;
}

export type StringTest = (value: string) => boolean;

function normalise(s: SigmaString, cased: boolean): Part[] {
  return s.map((p) => (typeof p === 'string' && !cased ? p.toLowerCase() : p));
}

/**
 * The text a value's test looks for anywhere in a value (`*text*`, as `contains` makes), in lower case
 * unless `cased`: compileSigmaString's test is then `value.includes(text)` on the value compared in
 * that case. Undefined for any other kind of test.
 */
export function containsText(s: SigmaString, cased: boolean): string | undefined {
  const parts = normalise(s, cased);
  if (parts.includes(ONE)) return undefined;
  const texts = parts.filter((p): p is string => typeof p === 'string');
  if (texts.length !== 1 || parts[0] !== STAR || parts[parts.length - 1] !== STAR) return undefined;
  return texts[0];
}

/** The text a value without wildcards must equal (lower case unless `cased`), as its test compares. */
export function equalText(s: SigmaString, cased: boolean): string | undefined {
  if (hasWildcards(s)) return undefined;
  return (normalise(s, cased) as string[]).join('');
}

/** A test for one value; `cased` false means both sides are compared in lower case. */
export function compileSigmaString(s: SigmaString, cased: boolean): StringTest {
  const parts = normalise(s, cased);
  if (!parts.includes(ONE)) {
    const stars = parts.filter((p) => p === STAR).length;
    const texts = parts.filter((p): p is string => typeof p === 'string');
    if (stars === 0) {
      const t = texts.join('');
      return (v) => v === t;
    }
    const lead = parts[0] === STAR;
    const trail = parts[parts.length - 1] === STAR;
    if (texts.length === 1) {
      const t = texts[0]!;
      if (lead && trail) return (v) => v.includes(t);
      if (lead && stars === 1) return (v) => v.endsWith(t);
      if (trail && stars === 1) return (v) => v.startsWith(t);
    }
    if (texts.length === 0) return () => true;
    return starTest(segments(parts), lead, trail);
  }
  return globTest(parts);
}

/** The texts between stars (adjacent texts joined, repeated stars as one), for starTest. */
function segments(parts: readonly Part[]): string[] {
  const out: string[] = [];
  let text: string | undefined;
  for (const p of parts) {
    if (typeof p === 'string') text = (text ?? '') + p;
    else if (text !== undefined) {
      out.push(text);
      text = undefined;
    }
  }
  if (text !== undefined) out.push(text);
  return out;
}

/**
 * Texts joined by `*` only (`a*b*c`, with or without a star at either end): the first must start the
 * value unless a star leads, the last must end it unless a star trails, and the others follow in
 * order, each found by `indexOf` at its leftmost place after the one before (leftmost is always
 * right when every wildcard is `*`). A native search instead of a character-by-character walk: 1,000
 * such keywords over a 2 MB value took 28 s.
 */
function starTest(texts: readonly string[], lead: boolean, trail: boolean): StringTest {
  const first = lead ? 0 : 1;
  const last = trail ? texts.length : texts.length - 1;
  const prefix = texts[0]!;
  const suffix = texts[texts.length - 1]!;
  return (v) => {
    let from = 0;
    let end = v.length;
    if (!lead) {
      if (!v.startsWith(prefix)) return false;
      from = prefix.length;
    }
    if (!trail) {
      if (!v.endsWith(suffix)) return false;
      end = v.length - suffix.length;
      if (end < from) return false;
    }
    for (let k = first; k < last; k++) {
      const t = texts[k]!;
      const at = v.indexOf(t, from);
      if (at < 0 || at + t.length > end) return false;
      from = at + t.length;
    }
    return true;
  };
}

/** Wildcard matching by the classic two-pointer method with one backtrack point (no recursion). */
function globTest(parts: Part[]): StringTest {
  // Flatten to one symbol per character: string code units, ONE or STAR.
  const pat: Array<number | typeof STAR | typeof ONE> = [];
  for (const p of parts) {
    if (typeof p === 'string') for (let i = 0; i < p.length; i++) pat.push(p.charCodeAt(i));
    else if (!(p === STAR && pat[pat.length - 1] === STAR)) pat.push(p);
  }
  return (v) => {
    let i = 0;
    let j = 0;
    let starJ = -1;
    let starI = 0;
    while (i < v.length) {
      const p = pat[j];
      if (j < pat.length && (p === ONE || p === v.charCodeAt(i))) {
        i++;
        j++;
      } else if (p === STAR) {
        starJ = j++;
        starI = i;
      } else if (starJ >= 0) {
        j = starJ + 1;
        i = ++starI;
      } else {
        return false;
      }
    }
    while (pat[j] === STAR) j++;
    return j === pat.length;
  };
}

/** The lower-case text of a wildcard-free value, for the rule index. */
export function exactText(s: SigmaString): string | undefined {
  return hasWildcards(s) ? undefined : plainText(s).toLowerCase();
}
