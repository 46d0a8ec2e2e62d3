// Which shape an event's raw record has, and through which field-map views its fields are read.
// Both answers are cached per event source, so routing an event costs a few key lookups.
import type { CanonicalEvent } from '../core/event.ts';
import { Binding } from './fields/access.ts';
import { sourceMatches, type FieldMaps, type Shape } from './fields/maps.ts';
import { walk, type Found, type ParseCache } from './fields/path.ts';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Of the elements found (arrays flattened), the first record whose `key` is the event's action, else
 * the first element. A loop rather than flatMap and find: this runs for every multi-event record.
 */
function focusElement(nodes: readonly unknown[], key: string, action: unknown): unknown {
  let first: unknown;
  let seen = false;
  for (const n of nodes) {
    const elements = Array.isArray(n) ? (n as unknown[]) : undefined;
    const count = elements === undefined ? 1 : elements.length;
    for (let i = 0; i < count; i++) {
      if (elements !== undefined && !(i in elements)) continue; // holes, as flatMap skips them
      const e = elements === undefined ? n : elements[i];
      if (isRecord(e) && e[key] === action) return e;
      if (!seen) {
        first = e;
        seen = true;
      }
    }
  }
  return first;
}

export class Router {
  private readonly shapesBySource = new Map<string, Shape[]>();
  private readonly bindings = new Map<Shape, Map<string, Binding[]>>();

  constructor(private readonly maps: FieldMaps) {}

  shapeOf(event: CanonicalEvent): Shape | undefined {
    const raw = event.raw;
    if (!isRecord(raw)) return undefined;
    let list = this.shapesBySource.get(event.source);
    if (list === undefined) {
      list = this.maps.shapes.filter((s) => sourceMatches(s.sources, event.source));
      this.shapesBySource.set(event.source, list);
    }
    for (const s of list) {
      let ok = true;
      for (const k of s.has) {
        if (!(k in raw)) {
          ok = false;
          break;
        }
      }
      if (ok) return s;
    }
    return undefined;
  }

  /** The views that read this shape for this source, each bound to the shape. */
  bindingsFor(shape: Shape, source: string): Binding[] {
    let bySource = this.bindings.get(shape);
    if (bySource === undefined) {
      bySource = new Map();
      this.bindings.set(shape, bySource);
    }
    let list = bySource.get(source);
    if (list === undefined) {
      // One Binding per view and shape, whatever the source, so accessors are built once.
      const all = this.allBindings(shape);
      list = all.filter((b) => b.view.sources === undefined || sourceMatches(b.view.sources, source));
      bySource.set(source, list);
    }
    return list;
  }

  private readonly perShape = new Map<Shape, Binding[]>();

  private allBindings(shape: Shape): Binding[] {
    let all = this.perShape.get(shape);
    if (all === undefined) {
      all = this.maps.views.filter((v) => v.shapes.has(shape.id)).map((v) => new Binding(v, shape));
      this.perShape.set(shape, all);
    }
    return all;
  }

  /** The record the field maps talk about (the shape's root) and, for multi-event records, the event's element. */
  rootAndFocus(shape: Shape, event: CanonicalEvent, parse: ParseCache): { root: unknown; focus: unknown } {
    if (shape.root === undefined && shape.focus === undefined) return { root: event.raw, focus: undefined };
    let root: unknown = event.raw;
    if (shape.root !== undefined) {
      const found: Found = { present: false, nodes: [] };
      walk(root, shape.root, shape.suffixes, parse, found);
      root = found.nodes[0];
      if (typeof root === 'string') {
        try {
          root = JSON.parse(root);
        } catch {
          root = undefined;
        }
      }
    }
    let focus: unknown;
    if (shape.focus !== undefined) {
      const found: Found = { present: false, nodes: [] };
      walk(root, shape.focus.array, shape.suffixes, parse, found);
      focus = focusElement(found.nodes, shape.focus.key, event.nativeAction);
    }
    return { root, focus };
  }
}
