// Dotted paths into raw records. A path reaches into arrays with any-element semantics, parses JSON
// text it meets on the way (Log Analytics exports keep dynamic columns as JSON strings), and finds keys
// whatever their case, because the same field is `targetResources` in Graph and `TargetResources` in
// Log Analytics. `key[name=value]` picks array elements, as in Google's `parameters[name=NEW_VALUE]`.

/** One value a field has in an event: text, or null when the field is present with a null value. */
export type FieldValue = string | null;

interface Step {
  key: string;
  lower: string;
  /** `[k=v]` filter on the elements found under `key`. */
  where: { key: string; lower: string; value: string } | undefined;
  /** The rest of the path from this step as one literal key, for records with flattened keys. */
  rest: string | undefined;
  /** How the key was spelled where it was last found (an inline cache). */
  seen: string | undefined;
  /** The key with the shape's column suffixes, built on the first miss. */
  sfx: SuffixCache | undefined;
}

export interface CompiledPath {
  readonly text: string;
  readonly steps: readonly Step[];
}

export function compilePath(text: string): CompiledPath {
  const steps: Step[] = [];
  // Split on dots outside [...] so `parameters[name=a.b]` stays one step.
  let depth = 0;
  let start = 0;
  const parts: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (ch === '.' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  for (const part of parts) {
    const m = /^([^[\]]*)\[([^=\]]+)=([^\]]*)\]$/.exec(part);
    // Every step has the same properties in the same order, so the walkers stay monomorphic.
    if (m) {
      steps.push({ key: m[1]!, lower: m[1]!.toLowerCase(), where: { key: m[2]!, lower: m[2]!.toLowerCase(), value: m[3]!.toLowerCase() }, rest: undefined, seen: undefined, sfx: undefined });
    } else {
      if (part === '' || part.includes('[') || part.includes(']')) throw new Error(`bad field path '${text}'`);
      steps.push({ key: part, lower: part.toLowerCase(), where: undefined, rest: undefined, seen: undefined, sfx: undefined });
    }
  }
  for (let i = 0; i < steps.length - 1; i++) {
    const tail = steps.slice(i);
    if (tail.every((s) => s.where === undefined)) steps[i]!.rest = tail.map((s) => s.key).join('.');
  }
  return { text, steps };
}

/** Per-event memo of JSON text already parsed, so several fields can walk the same column cheaply. */
export type ParseCache = Map<string, unknown>;

function parseJsonText(s: string, cache: ParseCache): unknown {
  const c = s.charCodeAt(0);
  if (c !== 123 && c !== 91) return undefined; // '{' '['
  const hit = cache.get(s);
  if (hit !== undefined || cache.has(s)) return hit;
  let v: unknown;
  try {
    v = JSON.parse(s);
  } catch {
    v = undefined;
  }
  cache.set(s, v);
  return v;
}

export const MISSING = Symbol('missing');
/** walkOne's answer when the path meets an array or a filter: the full walk is needed. */
export const MANY = Symbol('many');

/** `key.toLowerCase() === lower` for a key of the same length, without allocating while it is ASCII. */
function sameIgnoringCase(key: string, lower: string): boolean {
  for (let i = 0; i < lower.length; i++) {
    const c = key.charCodeAt(i);
    const d = lower.charCodeAt(i);
    if (c === d) continue;
    // Outside ASCII, lower-casing is not one character for one: let toLowerCase decide.
    if (c >= 128) return key.toLowerCase() === lower;
    if (c < 65 || c > 90 || c + 32 !== d) return false;
  }
  return true;
}

/** `key` + each suffix, built once per suffix list (the shape's) rather than on every miss. */
interface SuffixCache {
  suffixes: readonly string[];
  keys: string[];
  lower: string[];
}

/**
 * A key of `obj`: exact, then as spelled the last time this step found it (records of one shape spell
 * keys alike), then with one of the shape's column suffixes, then ignoring case.
 */
export function lookupKey(obj: Record<string, unknown>, key: string, lower: string, suffixes: readonly string[], step?: { seen?: string; sfx?: SuffixCache }): unknown {
  const v = obj[key];
  // The exact key is the common case; spellings, suffixes and the scan are kept out of line.
  return v !== undefined ? v : lookupMissing(obj, key, lower, suffixes, step);
}

/** lookupKey when `obj[key]` is undefined: the key holding undefined, or any other spelling. */
function lookupMissing(obj: Record<string, unknown>, key: string, lower: string, suffixes: readonly string[], step?: { seen?: string; sfx?: SuffixCache }): unknown {
  if (Object.hasOwn(obj, key)) return undefined;
  const seen = step?.seen;
  if (seen !== undefined) {
    const w = obj[seen];
    if (w !== undefined || Object.hasOwn(obj, seen)) return w;
  }
  let sfx: SuffixCache | undefined;
  if (suffixes.length > 0) {
    sfx = step?.sfx;
    if (sfx === undefined || sfx.suffixes !== suffixes) {
      sfx = { suffixes, keys: suffixes.map((s) => key + s), lower: suffixes.map((s) => lower + s.toLowerCase()) };
      if (step !== undefined) step.sfx = sfx;
    }
    for (const k of sfx.keys) {
      const w = obj[k];
      if (w !== undefined) return w;
    }
  }
  // Only keys of the right length are compared, so a missing key costs little.
  const n = lower.length;
  for (const k in obj) {
    const len = k.length;
    if (len === n) {
      if (sameIgnoringCase(k, lower)) {
        if (step !== undefined) step.seen = k;
        return obj[k];
      }
    } else if (sfx !== undefined && len > n) {
      for (let j = 0; j < suffixes.length; j++) {
        if (len !== n + suffixes[j]!.length) continue;
        const want = sfx.lower[j]!;
        if (want.length === len ? sameIgnoringCase(k, want) : k.toLowerCase() === want) return obj[k];
      }
    }
  }
  return MISSING;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A leaf as text: arrays give their elements, objects their JSON text, an empty array `[]`. */
export function pushLeaf(v: unknown, out: FieldValue[]): void {
  if (v === undefined) return;
  if (v === null) out.push(null);
  else if (typeof v === 'string') out.push(v);
  else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') out.push(String(v));
  else if (Array.isArray(v)) {
    if (v.length === 0) out.push('[]');
    else for (const e of v) pushLeaf(e, out);
  } else out.push(JSON.stringify(v));
}

export interface Found {
  /** Whether the path exists at least once (a null value counts as present). */
  present: boolean;
  /** The objects or scalars found at the end of the path, before they are turned into text. */
  nodes: unknown[];
}

/** Walks `path` from `root`; the nodes at its end are collected in `found`. */
export function walk(root: unknown, path: CompiledPath, suffixes: readonly string[], cache: ParseCache, found: Found, from = 0): void {
  let node = root;
  const steps = path.steps;
  for (let i = from; i < steps.length; i++) {
    if (typeof node === 'string') node = parseJsonText(node, cache);
    if (Array.isArray(node)) {
      for (const e of node) walk(e, path, suffixes, cache, found, i);
      return;
    }
    if (!isRecord(node)) return;
    const step = steps[i]!;
    const next = lookupKey(node, step.key, step.lower, suffixes, step);
    if (next === MISSING) {
      // A flattened key that holds the rest of the path literally ("DeviceDetail.isCompliant").
      if (step.rest !== undefined) {
        const flat = node[step.rest];
        if (flat !== undefined) {
          found.present = true;
          found.nodes.push(flat);
        }
      }
      return;
    }
    node = next;
    if (step.where !== undefined) {
      node = selectWhere(node, step.where, cache);
      if (node === MISSING) return;
    }
  }
  found.present = true;
  found.nodes.push(node);
}

function selectWhere(node: unknown, where: NonNullable<Step['where']>, cache: ParseCache): unknown {
  if (typeof node === 'string') node = parseJsonText(node, cache);
  if (!Array.isArray(node)) return MISSING;
  const picked = node.filter((e) => {
    if (!isRecord(e)) return false;
    const v = lookupKey(e, where.key, where.lower, []);
    return typeof v === 'string' && v.toLowerCase() === where.value;
  });
  return picked.length === 0 ? MISSING : picked;
}

/**
 * The common case of `walk`, without allocating: a path through objects only, to one node. Returns
 * MISSING when the path does not exist and MANY when it reaches arrays (then `walk` must run).
 */
export function walkOne(root: unknown, path: CompiledPath, suffixes: readonly string[], cache: ParseCache): unknown {
  let node = root;
  const steps = path.steps;
  for (let i = 0; i < steps.length; i++) {
    if (typeof node === 'string') node = parseJsonText(node, cache);
    if (typeof node !== 'object' || node === null) return MISSING;
    if (Array.isArray(node)) return MANY;
    const step = steps[i]!;
    if (step.where !== undefined) return MANY;
    const next = lookupKey(node as Record<string, unknown>, step.key, step.lower, suffixes, step);
    if (next === MISSING) return step.rest !== undefined && (node as Record<string, unknown>)[step.rest] !== undefined ? MANY : MISSING;
    node = next;
  }
  return node;
}
