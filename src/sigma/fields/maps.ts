// Loads the field-map data files (src/sigma/field-maps/*.yaml): which shapes exist, how to recognise
// them, and per Sigma log source how rule field names reach each shape's values.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { compilePath, type CompiledPath } from './path.ts';
import { TRANSFORMS, type Transform } from './transforms.ts';

export const FIELD_MAP_DIR = fileURLToPath(new URL('../field-maps/', import.meta.url));

export interface Shape {
  id: string;
  sources: readonly string[];
  has: readonly string[];
  root?: CompiledPath;
  suffixes: readonly string[];
  /** lower-case top-level key → the keys this shape uses for it */
  rename: ReadonlyMap<string, readonly string[]>;
  focus?: { array: CompiledPath; key: string };
}

/** Where a rule field's values come from in one shape. */
export interface PathSpec {
  /** Identity for comparisons (the discriminator test): the spec as written, in lower case. */
  key: string;
  /** No transform or value mapping: what the path finds is the value. */
  plain?: boolean;
  base: 'root' | 'focus' | 'event';
  path?: CompiledPath;
  transform?: Transform;
  map?: ReadonlyMap<string, string>;
  otherwise?: string;
  also?: ReadonlyMap<string, string>;
  template?: string;
  constant?: string;
}

export interface LogsourceKey {
  product?: string;
  service?: string;
  category?: string;
}

export interface View {
  file: string;
  logsources: readonly LogsourceKey[];
  shapes: ReadonlySet<string>;
  /** Event sources this view is limited to (in addition to its shapes). */
  sources?: readonly string[];
  when?: { spec: PathSpec; equals: ReadonlySet<string> };
  discriminator?: PathSpec;
  /** lower-case rule field → specs (any of them) */
  fields: ReadonlyMap<string, readonly PathSpec[]>;
  fallbackPaths: readonly string[];
  strip: readonly string[];
}

export interface FieldMaps {
  shapes: readonly Shape[];
  views: readonly View[];
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strList(v: unknown, what: string): string[] {
  if (v === undefined) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
  throw new Error(`${what}: expected a string or a list of strings`);
}

function strMap(v: unknown, what: string): Map<string, string> | undefined {
  if (v === undefined) return undefined;
  if (!isObj(v)) throw new Error(`${what}: expected a map`);
  const m = new Map<string, string>();
  for (const [k, val] of Object.entries(v)) m.set(k.toLowerCase(), scalar(val, `${what}.${k}`));
  return m;
}

function scalar(v: unknown, what: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new Error(`${what}: expected a single value`);
}

export function parseSpec(v: unknown, what: string): PathSpec {
  const o: Obj = typeof v === 'string' ? { path: v } : isObj(v) ? v : {};
  if (typeof v !== 'string' && !isObj(v)) throw new Error(`${what}: expected a path or a path spec`);
  const spec: PathSpec = { key: JSON.stringify(o).toLowerCase(), base: 'root' };
  if (o.const !== undefined) {
    spec.constant = scalar(o.const, `${what}.const`);
    return spec;
  }
  if (typeof o.path !== 'string') throw new Error(`${what}: a path spec needs 'path' or 'const'`);
  let text = o.path;
  if (text.startsWith('@focus.')) {
    spec.base = 'focus';
    text = text.slice(7);
  } else if (text.startsWith('@event.')) {
    spec.base = 'event';
    text = text.slice(7);
  }
  spec.path = compilePath(text);
  if (o.transform !== undefined) {
    const name = scalar(o.transform, `${what}.transform`);
    const t = TRANSFORMS[name];
    if (t === undefined) throw new Error(`${what}: unknown transform '${name}'`);
    spec.transform = t;
  }
  const map = strMap(o.map, `${what}.map`);
  if (map) spec.map = map;
  if (o.else !== undefined) spec.otherwise = scalar(o.else, `${what}.else`);
  const also = strMap(o.also, `${what}.also`);
  if (also) spec.also = also;
  if (typeof o.template === 'string') spec.template = o.template;
  spec.plain = spec.transform === undefined && spec.map === undefined && spec.otherwise === undefined && spec.also === undefined && spec.template === undefined;
  return spec;
}

function parseShape(o: Obj, i: number): Shape {
  const what = `shapes.yaml shape ${i + 1}`;
  if (typeof o.id !== 'string') throw new Error(`${what}: id missing`);
  const rename = new Map<string, string[]>();
  if (o.rename !== undefined) {
    if (!isObj(o.rename)) throw new Error(`${what}: rename must be a map`);
    for (const [k, v] of Object.entries(o.rename)) rename.set(k.toLowerCase(), strList(v, `${what}.rename.${k}`));
  }
  const shape: Shape = { id: o.id, sources: strList(o.sources, `${what}.sources`), has: strList(o.has, `${what}.has`), suffixes: strList(o.suffixes, `${what}.suffixes`), rename };
  if (typeof o.root === 'string') shape.root = compilePath(o.root);
  if (isObj(o.focus)) {
    if (typeof o.focus.array !== 'string' || typeof o.focus.key !== 'string') throw new Error(`${what}: focus needs array and key`);
    shape.focus = { array: compilePath(o.focus.array), key: o.focus.key };
  }
  return shape;
}

function parseLogsource(v: unknown, what: string): LogsourceKey {
  if (!isObj(v)) throw new Error(`${what}: logsource must be a map`);
  const k: LogsourceKey = {};
  for (const f of ['product', 'service', 'category'] as const) if (typeof v[f] === 'string') k[f] = v[f].toLowerCase();
  return k;
}

function parseView(file: string, logsources: LogsourceKey[], o: Obj, i: number, shapeIds: ReadonlySet<string>): View {
  const what = `${file} view ${i + 1}`;
  const shapes = strList(o.shapes, `${what}.shapes`);
  for (const s of shapes) if (!shapeIds.has(s)) throw new Error(`${what}: unknown shape '${s}'`);
  const fields = new Map<string, PathSpec[]>();
  if (o.fields !== undefined) {
    if (!isObj(o.fields)) throw new Error(`${what}: fields must be a map`);
    for (const [name, v] of Object.entries(o.fields)) {
      const list = Array.isArray(v) ? v : [v];
      fields.set(
        name.toLowerCase(),
        list.map((x, k) => parseSpec(x, `${what}.fields.${name}[${k}]`)),
      );
    }
  }
  const fallback = isObj(o.fallback) ? o.fallback : {};
  const view: View = {
    file,
    logsources,
    shapes: new Set(shapes),
    fields,
    fallbackPaths: strList(fallback.paths ?? '{}', `${what}.fallback.paths`),
    strip: strList(fallback.strip, `${what}.fallback.strip`).map((s) => s.toLowerCase()),
  };
  if (o.sources !== undefined) view.sources = strList(o.sources, `${what}.sources`);
  if (o.discriminator !== undefined) view.discriminator = parseSpec(o.discriminator, `${what}.discriminator`);
  if (isObj(o.when)) {
    view.when = {
      spec: parseSpec(o.when.path, `${what}.when`),
      equals: new Set(strList(o.when.equals, `${what}.when.equals`).map((s) => s.toLowerCase())),
    };
  }
  return view;
}

/** Reads every field-map file of a directory (the shipped one by default). */
export function loadFieldMaps(dir: string = FIELD_MAP_DIR): FieldMaps {
  const shapesDoc: unknown = parse(readFileSync(join(dir, 'shapes.yaml'), 'utf8'));
  if (!isObj(shapesDoc) || !Array.isArray(shapesDoc.shapes)) throw new Error('shapes.yaml: a list `shapes` is needed');
  const shapes = shapesDoc.shapes.map((s, i) => parseShape(isObj(s) ? s : {}, i));
  const ids = new Set(shapes.map((s) => s.id));
  const views: View[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.yaml') || name === 'shapes.yaml') continue;
    const doc: unknown = parse(readFileSync(join(dir, name), 'utf8'));
    if (!isObj(doc) || !Array.isArray(doc.views)) throw new Error(`${name}: a list \`views\` is needed`);
    const logsources = doc.logsources !== undefined ? (Array.isArray(doc.logsources) ? doc.logsources : []).map((l, i) => parseLogsource(l, `${name} logsources[${i}]`)) : [parseLogsource(doc.logsource, name)];
    doc.views.forEach((v, i) => views.push(parseView(name, logsources, isObj(v) ? v : {}, i, ids)));
  }
  return { shapes, views };
}

export function sourceMatches(patterns: readonly string[], source: string): boolean {
  for (const p of patterns) {
    if (p.endsWith('*') ? source.startsWith(p.slice(0, -1)) : source === p) return true;
  }
  return false;
}

/** Whether a rule's log source is served by a field map's: every key the rule names must agree. */
export function logsourceCovers(map: LogsourceKey, rule: LogsourceKey): boolean {
  if (rule.product === undefined && rule.service === undefined && rule.category === undefined) return false;
  for (const f of ['product', 'service', 'category'] as const) {
    const want = rule[f];
    if (want !== undefined && map[f] !== want) return false;
  }
  return true;
}
