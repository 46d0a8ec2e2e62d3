// Array helpers for sizes the data decides. `push(...items)` and `Math.max(...items)` pass every
// item as an argument on the stack, and throw "Maximum call stack size exceeded" past about 120,000
// items: a million-event hunt or a long password spray from one address gets there.

/** Appends every item of `items` to `target`, however many there are. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The smallest and largest of `values` ([Infinity, -Infinity] when there are none), in one pass. */
export function minMax(values: Iterable<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}
