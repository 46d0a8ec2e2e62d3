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
  },
  'json-unquote': {
    apply: (nodes, out) => mapLeaves(nodes, out, unquote),
    canProduce: () => true,
    cost: 1,
  },
};
