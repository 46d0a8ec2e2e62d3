// Named value transforms that field maps (data) may apply to what a path finds. Each says which rule
// literals it could ever produce, so the rule index stays exact when a field has several sources.
import { pushLeaf, type FieldValue } from './path.ts';

export interface Transform {
  /** Turns the nodes a path found into field values. */
  apply(nodes: readonly unknown[], out: FieldValue[]): void;
  /** False when no value this transform yields can equal `literal` (lower-case). */
  canProduce(literal: string): boolean;
}

function eachLeaf(nodes: readonly unknown[], f: (s: FieldValue) => void): void {
  const leaves: FieldValue[] = [];
  for (const n of nodes) pushLeaf(n, leaves);
  for (const v of leaves) f(v);
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
    apply: (nodes, out) => eachLeaf(nodes, (v) => out.push(v === null ? null : activityName(v))),
    canProduce: () => true,
  },
  trim: {
    apply: (nodes, out) => eachLeaf(nodes, (v) => out.push(v === null ? null : v.trim())),
    canProduce: () => true,
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
  },
  'json-unquote': {
    apply: (nodes, out) => eachLeaf(nodes, (v) => out.push(v === null ? null : unquote(v))),
    canProduce: () => true,
  },
};
