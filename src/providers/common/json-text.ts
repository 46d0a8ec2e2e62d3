// Log Analytics writes its `dynamic` columns as JSON text in CSV exports (and often in JSON exports too);
// Graph and the Management Activity API give the same data as JSON values. These helpers accept both.

/**
 * The parsed value when `value` is JSON text for an object or array, otherwise `value` itself.
 * Empty strings become undefined. Scalar-looking strings (`"123"`, `"true"`) stay strings: a column
 * value is never reinterpreted unless it is clearly a JSON structure.
 */
export function jsonOrValue(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? undefined;
  if (value === '') return undefined;
  let i = 0;
  while (i < value.length && value.charCodeAt(i) <= 32) i++;
  const c = value.charCodeAt(i);
  if (c !== 123 /* { */ && c !== 91 /* [ */) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** Like {@link jsonOrValue} but only returns arrays (anything else becomes []). */
export function jsonArray(value: unknown): unknown[] {
  const v = jsonOrValue(value);
  return Array.isArray(v) ? v : [];
}

/** Like {@link jsonOrValue} but only returns plain objects. */
export function jsonObject(value: unknown): Record<string, unknown> | undefined {
  const v = jsonOrValue(value);
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/**
 * A modified-property value as plain text: Graph writes `"\"Global Administrator\""` or
 * `"[\"62e90394-…\"]"`, the UAL often the bare text. Returns the first string inside.
 */
export function plainText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string') return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
  const s = value.trim();
  if (s === '') return undefined;
  const c = s.charCodeAt(0);
  if (c === 34 /* " */ || c === 91 /* [ */) {
    try {
      let v = JSON.parse(s) as unknown;
      while (Array.isArray(v)) v = v[0];
      if (typeof v === 'string') return v.trim() || undefined;
      if (typeof v === 'number' || typeof v === 'boolean') return String(v);
      return undefined;
    } catch {
      return s;
    }
  }
  return s;
}
