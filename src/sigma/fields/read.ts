// A path spec compiled, once per shape, into a reader: a function that appends the spec's values for
// one event to an array the caller owns. Everything that depends only on the spec and the shape (which
// node to start from, the renamed alternatives, whether a transform or value mapping applies) is
// decided here, so a read does no planning and allocates nothing in the common case.
import type { CanonicalEvent } from '../../core/event.ts';
import { compilePath, MANY, MISSING, pushLeaf, walk, walkOne, type CompiledPath, type FieldValue, type Found, type ParseCache } from './path.ts';
import type { PathSpec, Shape } from './maps.ts';

/** One event seen through one shape: the record the field maps talk about, and its focused element. */
export interface EventView {
  event: CanonicalEvent;
  root: unknown;
  focus: unknown;
  parse: ParseCache;
}

/** Appends a field's values in one event to `out`; false (and nothing appended) when it is absent. */
export type Reader = (ev: EventView, out: FieldValue[]) => boolean;

/** The paths to try for a spec in a shape: as written, then with the shape's renamed top-level key. */
export function alternatives(path: CompiledPath, shape: Shape): CompiledPath[] {
  const first = path.steps[0];
  const renamed = first === undefined ? undefined : shape.rename.get(first.lower);
  if (renamed === undefined) return [path];
  const rest = path.text.slice(first!.key.length);
  return [path, ...renamed.map((k) => compilePath(k + rest))];
}

type Start = (ev: EventView) => unknown;
const fromRoot: Start = (ev) => ev.root;
const fromFocus: Start = (ev) => ev.focus;
const fromEvent: Start = (ev) => ev.event;

/** Turns the nodes found at the end of the path into values, appended to `out`. */
type Finish = (nodes: readonly unknown[], out: FieldValue[]) => void;

function pushLeaves(nodes: readonly unknown[], out: FieldValue[]): void {
  for (let i = 0; i < nodes.length; i++) pushLeaf(nodes[i], out);
}

/** Value mapping after the transform: `map`/`else` replace, `template` wraps, `also` adds a spelling. */
function finisher(spec: PathSpec): Finish {
  if (spec.plain === true) return pushLeaves;
  const transform = spec.transform;
  const leaves: Finish = transform !== undefined ? (nodes, out) => transform.apply(nodes, out) : pushLeaves;
  if (spec.map === undefined && spec.otherwise === undefined && spec.also === undefined && spec.template === undefined) return leaves;
  const { map, otherwise, also, template } = spec;
  return (nodes, out) => {
    // A fresh array: a transform may itself read through a scratch array.
    const raw: FieldValue[] = [];
    leaves(nodes, raw);
    for (const v of raw) {
      if (v === null) {
        out.push(null);
        continue;
      }
      let w: string = v;
      const mapped = map?.get(v.toLowerCase());
      if (mapped !== undefined) w = mapped;
      else if (otherwise !== undefined) w = otherwise;
      if (template !== undefined) w = template.replace('{}', w);
      out.push(w);
      const extra = also?.get(v.toLowerCase());
      if (extra !== undefined) out.push(extra);
    }
  };
}

/**
 * Whether any value of a spec in one event contains `needle` (lower case unless `cased`): what a
 * `contains` test asks, answered by the transform's own search when it has one (JSON text is then
 * searched without being made), else by reading the values.
 */
export type Search = (ev: EventView, needle: string, cased: boolean) => boolean;

export function compileSearch(spec: PathSpec, shape: Shape): Search {
  const transform = spec.transform;
  if (transform?.search === undefined || spec.constant !== undefined || spec.path === undefined || spec.map !== undefined || spec.otherwise !== undefined || spec.also !== undefined || spec.template !== undefined) {
    const read = compileSpec(spec, shape);
    return (ev, needle, cased) => {
      const values: FieldValue[] = [];
      read(ev, values);
      for (let i = 0; i < values.length; i++) {
        const v = values[i]!;
        if (v !== null && (cased ? v : v.toLowerCase()).includes(needle)) return true;
      }
      return false;
    };
  }
  // The nodes the reader would hand to the transform: the first alternative path present (walkOne
  // and walk find the same nodes; the general walk will do here).
  const paths = alternatives(spec.path, shape);
  const start = spec.base === 'focus' ? fromFocus : spec.base === 'event' ? fromEvent : fromRoot;
  const suffixes = shape.suffixes;
  return (ev, needle, cased) => {
    const node = start(ev);
    for (const path of paths) {
      const found: Found = { present: false, nodes: [] };
      walk(node, path, suffixes, ev.parse, found);
      if (found.present) return transform.search!(found.nodes, needle, cased);
    }
    return false;
  };
}

/** A one-node list for the fast path, emptied after each use so it holds no record alive. */
const ONE: unknown[] = [undefined];

export function compileSpec(spec: PathSpec, shape: Shape): Reader {
  const constant = spec.constant;
  if (constant !== undefined) {
    return (_ev, out) => {
      out.push(constant);
      return true;
    };
  }
  const paths = spec.path ? alternatives(spec.path, shape) : [];
  const start = spec.base === 'focus' ? fromFocus : spec.base === 'event' ? fromEvent : fromRoot;
  const finish = finisher(spec);
  const plain = spec.plain === true;
  const suffixes = shape.suffixes;
  const walkAll = (node: unknown, ev: EventView, out: FieldValue[]): boolean => {
    for (const path of paths) {
      const found: Found = { present: false, nodes: [] };
      walk(node, path, suffixes, ev.parse, found);
      if (!found.present) continue;
      finish(found.nodes, out);
      return true;
    }
    return false;
  };
  if (paths.length !== 1) return (ev, out) => walkAll(start(ev), ev, out);
  // One path: most records reach one node through objects only, without the general walk.
  const path = paths[0]!;
  return (ev, out) => {
    const node = start(ev);
    const n = walkOne(node, path, suffixes, ev.parse);
    if (n === MISSING) return false;
    if (n === MANY) return walkAll(node, ev, out);
    if (plain) pushLeaf(n, out);
    else {
      ONE[0] = n;
      finish(ONE, out);
      ONE[0] = undefined;
    }
    return true;
  };
}
