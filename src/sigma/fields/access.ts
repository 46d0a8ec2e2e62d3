// Turns a rule's field name into a function that reads that field from one event of one shape, using
// the field maps. A (view, shape) pair is a Binding; its accessors are built once per field name.
import type { CanonicalEvent } from '../../core/event.ts';
import { compilePath, MANY, MISSING, pushLeaf, walk, walkOne, type CompiledPath, type FieldValue, type Found, type ParseCache } from './path.ts';
import type { PathSpec, Shape, View } from './maps.ts';

export interface Resolved {
  /** The field exists in the event (possibly with a null value). */
  present: boolean;
  values: FieldValue[];
  /** `values` in lower case, filled on first use. */
  lower?: FieldValue[];
}

/** One event seen through one shape: the record the field maps talk about, and its focused element. */
export interface EventView {
  event: CanonicalEvent;
  root: unknown;
  focus: unknown;
  parse: ParseCache;
}

export type Accessor = (ev: EventView) => Resolved;

const NONE: Resolved = { present: false, values: [], lower: [] };

function startNode(spec: PathSpec, ev: EventView): unknown {
  return spec.base === 'focus' ? ev.focus : spec.base === 'event' ? ev.event : ev.root;
}

/** The paths to try for a spec in a shape: as written, then with the shape's renamed top-level key. */
function alternatives(path: CompiledPath, shape: Shape): CompiledPath[] {
  const first = path.steps[0];
  const renamed = first === undefined ? undefined : shape.rename.get(first.lower);
  if (renamed === undefined) return [path];
  const rest = path.text.slice(first!.key.length);
  return [path, ...renamed.map((k) => compilePath(k + rest))];
}

function postProcess(spec: PathSpec, values: FieldValue[]): FieldValue[] {
  if (spec.map === undefined && spec.otherwise === undefined && spec.also === undefined && spec.template === undefined) return values;
  const out: FieldValue[] = [];
  for (const v of values) {
    if (v === null) {
      out.push(null);
      continue;
    }
    let w: string = v;
    const mapped = spec.map?.get(v.toLowerCase());
    if (mapped !== undefined) w = mapped;
    else if (spec.otherwise !== undefined) w = spec.otherwise;
    if (spec.template !== undefined) w = spec.template.replace('{}', w);
    out.push(w);
    const extra = spec.also?.get(v.toLowerCase());
    if (extra !== undefined) out.push(extra);
  }
  return out;
}

/** Reads one spec; returns false when none of its paths exists. */
function readSpec(spec: PathSpec, paths: readonly CompiledPath[], shape: Shape, ev: EventView, out: FieldValue[]): boolean {
  if (spec.constant !== undefined) {
    out.push(spec.constant);
    return true;
  }
  const start = startNode(spec, ev);
  if (paths.length === 1) {
    const n = walkOne(start, paths[0]!, shape.suffixes, ev.parse);
    if (n === MISSING) return false;
    if (n !== MANY) {
      if (spec.plain === true) pushLeaf(n, out);
      else {
        const raw: FieldValue[] = [];
        if (spec.transform !== undefined) spec.transform.apply([n], raw);
        else pushLeaf(n, raw);
        for (const v of postProcess(spec, raw)) out.push(v);
      }
      return true;
    }
  }
  const found = SCRATCH;
  for (const path of paths) {
    found.present = false;
    found.nodes.length = 0;
    walk(start, path, shape.suffixes, ev.parse, found);
    if (!found.present) continue;
    if (!spec.plain) {
      const raw: FieldValue[] = [];
      if (spec.transform !== undefined) spec.transform.apply(found.nodes, raw);
      else for (const n of found.nodes) pushLeaf(n, raw);
      for (const v of postProcess(spec, raw)) out.push(v);
    } else for (const n of found.nodes) pushLeaf(n, out);
    return true;
  }
  return false;
}

/** Reused by every read: reads never nest, and the nodes are turned into values before returning. */
const SCRATCH: Found = { present: false, nodes: [] };

export class Binding {
  private readonly accessors = new Map<string, Accessor>();

  constructor(
    readonly view: View,
    readonly shape: Shape,
  ) {}

  /** The specs a field name is mapped to in this view, directly or after stripping a prefix. */
  mapped(field: string): readonly PathSpec[] | undefined {
    const lower = field.toLowerCase();
    const direct = this.view.fields.get(lower);
    if (direct !== undefined) return direct;
    for (const s of this.view.strip) {
      if (lower.startsWith(s)) {
        const m = this.view.fields.get(lower.slice(s.length));
        if (m !== undefined) return m;
      }
    }
    return undefined;
  }

  accessor(field: string): Accessor {
    const lower = field.toLowerCase();
    let a = this.accessors.get(lower);
    if (a === undefined) {
      a = this.build(field);
      this.accessors.set(lower, a);
    }
    return a;
  }

  /** Reads one spec (a view's discriminator or `when`) in this shape. */
  specAccessor(spec: PathSpec): Accessor {
    const paths = spec.path ? alternatives(spec.path, this.shape) : [];
    return (ev) => {
      const values: FieldValue[] = [];
      return readSpec(spec, paths, this.shape, ev, values) ? { present: true, values } : NONE;
    };
  }

  /**
   * Where a field's values can come from: its mapped specs, or its one fallback path. Undefined when
   * the fallback has several candidates (the rule index then leaves the field alone).
   */
  specsOf(field: string): readonly PathSpec[] | undefined {
    const mapped = this.mapped(field);
    if (mapped !== undefined) return mapped;
    const plan = this.fallbackPlan(field);
    return plan.length === 1 ? [plan[0]!.spec] : undefined;
  }

  private fallbackPlan(field: string): Array<{ spec: PathSpec; paths: CompiledPath[] }> {
    const names = [field];
    const lower = field.toLowerCase();
    for (const s of this.view.strip) if (lower.startsWith(s)) names.push(field.slice(s.length));
    const plan: Array<{ spec: PathSpec; paths: CompiledPath[] }> = [];
    for (const name of names) {
      for (const t of this.view.fallbackPaths) {
        // 'properties.{}' for a name that already starts with 'properties.' would look one level too deep.
        const prefix = t.slice(0, t.indexOf('{}'));
        if (prefix !== '' && name.toLowerCase().startsWith(prefix.toLowerCase())) continue;
        const written = t.replace('{}', name);
        let text = written;
        let base: PathSpec['base'] = 'root';
        if (text.startsWith('@focus.')) {
          base = 'focus';
          text = text.slice(7);
        }
        let path: CompiledPath;
        try {
          path = compilePath(text);
        } catch {
          continue; // a field name that cannot be a path in this template
        }
        plan.push({ spec: { key: JSON.stringify({ path: written }).toLowerCase(), base, path, plain: true }, paths: alternatives(path, this.shape) });
      }
    }
    return plan;
  }

  private build(field: string): Accessor {
    const shape = this.shape;
    const mapped = this.mapped(field);
    if (mapped !== undefined) {
      // Mapped: the union of every source listed.
      const plan = mapped.map((spec) => ({ spec, paths: spec.path ? alternatives(spec.path, shape) : [] }));
      return (ev) => {
        const values: FieldValue[] = [];
        let present = false;
        for (const { spec, paths } of plan) if (readSpec(spec, paths, shape, ev, values)) present = true;
        return present ? { present, values } : NONE;
      };
    }
    // Not mapped: the first fallback path that exists.
    const plan = this.fallbackPlan(field);
    return (ev) => {
      for (const { spec, paths } of plan) {
        const values: FieldValue[] = [];
        if (readSpec(spec, paths, shape, ev, values)) return { present: true, values };
      }
      return NONE;
    };
  }
}
