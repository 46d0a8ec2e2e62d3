// Evaluates a parsed $filter against a record, and pulls time bounds out of it so a log can jump
// straight to the requested window instead of scanning everything.
import type { FilterNode, Literal } from './filter-parse.ts';

function resolve(record: unknown, path: string[], scope: Map<string, unknown>): unknown {
  let value: unknown = record;
  let parts = path;
  const head = path[0];
  if (head !== undefined && scope.has(head)) {
    value = scope.get(head);
    parts = path.slice(1);
  }
  for (const part of parts) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function comparable(value: unknown, literal: Literal): [unknown, unknown] {
  if (literal !== null && typeof literal === 'object') {
    if ('datetime' in literal) return [typeof value === 'string' ? Date.parse(value) : value, literal.datetime];
    return [typeof value === 'string' ? value.toLowerCase() : value, literal.guid];
  }
  if (typeof literal === 'string' && typeof value === 'string') return [value.toLowerCase(), literal.toLowerCase()];
  return [value, literal];
}

function compare(op: string, a: unknown, b: unknown): boolean {
  if (op === 'eq') return a === b || (a === undefined && b === null);
  if (op === 'ne') return !(a === b || (a === undefined && b === null));
  if (a === null || a === undefined || b === null) return false;
  const x = a as number | string;
  const y = b as number | string;
  switch (op) {
    case 'gt':
      return x > y;
    case 'ge':
      return x >= y;
    case 'lt':
      return x < y;
    default:
      return x <= y;
  }
}

export function evaluate(node: FilterNode, record: unknown, scope = new Map<string, unknown>()): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, record, scope) && evaluate(node.right, record, scope);
    case 'or':
      return evaluate(node.left, record, scope) || evaluate(node.right, record, scope);
    case 'not':
      return !evaluate(node.operand, record, scope);
    case 'compare': {
      const [a, b] = comparable(resolve(record, node.path, scope), node.value);
      return compare(node.op, a, b);
    }
    case 'call': {
      const value = resolve(record, node.path, scope);
      if (typeof value !== 'string') return false;
      const v = value.toLowerCase();
      const s = node.value.toLowerCase();
      return node.fn === 'startswith' ? v.startsWith(s) : node.fn === 'endswith' ? v.endsWith(s) : v.includes(s);
    }
    case 'lambda': {
      const items = resolve(record, node.path, scope);
      if (!Array.isArray(items)) return false;
      const test = (item: unknown): boolean => evaluate(node.body, record, new Map(scope).set(node.variable, item));
      return node.quantifier === 'any' ? items.some(test) : items.every(test);
    }
  }
}

/** Every property path a filter touches (lambda bodies as "collection/variable-path"). */
export function pathsOf(node: FilterNode, prefix: string[] = [], variable?: string): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...pathsOf(node.left, prefix, variable), ...pathsOf(node.right, prefix, variable)];
    case 'not':
      return pathsOf(node.operand, prefix, variable);
    case 'compare':
    case 'call': {
      const path = variable !== undefined && node.path[0] === variable ? [...prefix, ...node.path.slice(1)] : node.path;
      return [path.join('/')];
    }
    case 'lambda':
      return pathsOf(node.body, node.path, node.variable);
  }
}

/** Lower and upper bounds (inclusive, epoch ms) that a top-level "and" chain puts on one property. */
export function timeBounds(node: FilterNode | undefined, property: string): { from: number; to: number } {
  const bounds = { from: -Infinity, to: Infinity };
  const visit = (n: FilterNode): void => {
    if (n.kind === 'and') {
      visit(n.left);
      visit(n.right);
      return;
    }
    if (n.kind !== 'compare' || n.path.join('/') !== property) return;
    const v = n.value;
    if (v === null || typeof v !== 'object' || !('datetime' in v)) return;
    const t = v.datetime;
    if (n.op === 'ge' || n.op === 'eq') bounds.from = Math.max(bounds.from, t);
    if (n.op === 'gt') bounds.from = Math.max(bounds.from, t + 1);
    if (n.op === 'le' || n.op === 'eq') bounds.to = Math.min(bounds.to, t);
    if (n.op === 'lt') bounds.to = Math.min(bounds.to, t - 1);
  };
  if (node) visit(node);
  return bounds;
}
