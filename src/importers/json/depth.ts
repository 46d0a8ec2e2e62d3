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

/**
 * Whether JSON text can nest deeper than `limit`: only if it holds more than `limit` opening brackets
 * (brackets inside strings count too, which only errs towards looking). A few native searches over
 * the text instead of a walk over every object of every record: the walk cost ~2 µs per UAL record.
 */
export function textMayNestDeeperThan(text: string, limit: number): boolean {
  if (text.length <= 2 * limit) return false;
  let opened = 0;
  for (const bracket of ['{', '[']) {
    for (let at = text.indexOf(bracket); at >= 0; at = text.indexOf(bracket, at + 1)) if (++opened > limit) return true;
  }
  return false;
}

/** nestsDeeperThan for a record, skipping the walk when its JSON text (if known) shows it cannot be that deep. */
export function recordNestsDeeperThan(v: unknown, text: string | undefined, limit: number): boolean {
  return (text === undefined || textMayNestDeeperThan(text, limit)) && nestsDeeperThan(v, limit);
}
