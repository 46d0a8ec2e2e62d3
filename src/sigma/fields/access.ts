// Turns a rule's field name into a function that reads that field from one event of one shape, using
// the field maps. A (view, shape) pair is a Binding; its readers are built once per field name.
import { compilePath, type CompiledPath, type FieldValue } from './path.ts';
import type { PathSpec, Shape, View } from './maps.ts';
import { compileSearch, compileSpec, type EventView, type Reader, type Search } from './read.ts';

export type { EventView, Reader, Search } from './read.ts';

export interface Resolved {
  /** The field exists in the event (possibly with a null value). */
  present: boolean;
  values: FieldValue[];
  /** `values` in lower case, filled on first use. */
  lower?: FieldValue[];
}

export type Accessor = (ev: EventView) => Resolved;

const NONE: Resolved = { present: false, values: [], lower: [] };

/** A reader as a function that returns what it read (tests, and reads off the hot path). */
export function asAccessor(read: Reader): Accessor {
  return (ev) => {
    const values: FieldValue[] = [];
    return read(ev, values) ? { present: true, values } : NONE;
  };
}

function specCost(spec: PathSpec): number {
  if (spec.constant !== undefined) return 0;
  let cost = 1;
  for (const step of spec.path?.steps ?? []) cost += step.where === undefined ? 0.5 : 4;
  if (spec.transform !== undefined) cost += spec.transform.cost;
  if (spec.plain !== true) cost += 0.5;
  return cost;
}

export class Binding {
  private readonly readers = new Map<string, Reader>();

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

  /** Reads a field in this shape: the reader is built once per field name. */
  reader(field: string): Reader {
    const lower = field.toLowerCase();
    let r = this.readers.get(lower);
    if (r === undefined) {
      r = this.build(field);
      this.readers.set(lower, r);
    }
    return r;
  }

  /**
   * A search for `contains` needles that the field's transforms can answer without making the values
   * (JSON text), or undefined when no source of the field has such a transform or one of the needles
   * could span more than one token there.
   */
  searcher(field: string, needles: readonly string[]): Search | undefined {
    const mapped = this.mapped(field);
    if (mapped === undefined) return undefined;
    let any = false;
    for (const spec of mapped) {
      const t = spec.transform;
      if (t?.search === undefined) continue;
      if (t.searchable === undefined || !needles.every((n) => t.searchable!(n))) return undefined;
      any = true;
    }
    if (!any) return undefined;
    const searches = mapped.map((spec) => compileSearch(spec, this.shape));
    if (searches.length === 1) return searches[0]!;
    // Every source is searched, as every source is read: a record a read would fail on fails the same.
    return (ev, needle, cased) => {
      let found = false;
      for (const s of searches) if (s(ev, needle, cased)) found = true;
      return found;
    };
  }

  accessor(field: string): Accessor {
    return asAccessor(this.reader(field));
  }

  /** Reads one spec (a view's discriminator or `when`) in this shape. */
  specReader(spec: PathSpec): Reader {
    return compileSpec(spec, this.shape);
  }

  /**
   * The relative cost of reading a field in this shape, to put cheap tests first. An unmapped field
   * is looked up by name and is usually missing, which costs a scan of the record's keys.
   */
  readCost(field: string): number {
    const mapped = this.mapped(field);
    if (mapped === undefined) return 6;
    let cost = 0;
    for (const spec of mapped) cost += specCost(spec);
    return cost;
  }

  /**
   * Where a field's values can come from: its mapped specs, or its one fallback path. Undefined when
   * the fallback has several candidates (the rule index then leaves the field alone).
   */
  specsOf(field: string): readonly PathSpec[] | undefined {
    const mapped = this.mapped(field);
    if (mapped !== undefined) return mapped;
    const plan = this.fallbackPlan(field);
    return plan.length === 1 ? [plan[0]!] : undefined;
  }

  private fallbackPlan(field: string): PathSpec[] {
    const names = [field];
    const lower = field.toLowerCase();
    for (const s of this.view.strip) if (lower.startsWith(s)) names.push(field.slice(s.length));
    const plan: PathSpec[] = [];
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
        plan.push({ key: JSON.stringify({ path: written }).toLowerCase(), base, path, plain: true });
      }
    }
    return plan;
  }

  private build(field: string): Reader {
    const mapped = this.mapped(field);
    if (mapped !== undefined) {
      // Mapped: the union of every source listed.
      const specs = mapped.map((spec) => compileSpec(spec, this.shape));
      if (specs.length === 1) return specs[0]!;
      return (ev, out) => {
        let present = false;
        for (const read of specs) if (read(ev, out)) present = true;
        return present;
      };
    }
    // Not mapped: the first fallback path that exists (a reader that misses appends nothing).
    const plan = this.fallbackPlan(field).map((spec) => compileSpec(spec, this.shape));
    if (plan.length === 1) return plan[0]!;
    return (ev, out) => {
      for (const read of plan) if (read(ev, out)) return true;
      return false;
    };
  }
}
