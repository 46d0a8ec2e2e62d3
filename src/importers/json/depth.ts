// How deep a parsed JSON value nests, found without recursion (the value may be 100,000 levels deep).

/**
 * Records nested deeper than this are refused: audit records nest a few levels, and JSON.stringify,
 * field paths and renderers recurse, so a record 100,000 levels deep once stopped `events --json`
 * with 'Maximum call stack size exceeded'.
 */
export const MAX_NESTING = 500;

/** Whether `v` has arrays or objects nested more than `limit` levels deep. */
export function nestsDeeperThan(v: unknown, limit: number): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const stack: Array<[object, number]> = [[v, 1]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [value, depth] = top;
    if (depth > limit) return true;
    const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
    for (const c of children) if (typeof c === 'object' && c !== null) stack.push([c, depth + 1]);
  }
  return false;
}
