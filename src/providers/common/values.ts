// Small, allocation-free accessors for loosely typed vendor records.

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A non-empty string (numbers become their text); undefined otherwise. */
export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** The first non-empty string among the arguments. */
export function firstStr(...vs: unknown[]): string | undefined {
  for (const v of vs) {
    const s = str(v);
    if (s !== undefined) return s;
  }
  return undefined;
}

/** Value as text for `Change.old/new`: strings as written, other scalars as text, structures as JSON. */
export function text(v: unknown): string | null | undefined {
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

const NIL_GUID = '00000000-0000-0000-0000-000000000000';

/** A GUID-shaped string (8-4-4-4-12 hex), excluding the nil GUID. */
export function isGuid(s: string): boolean {
  if (s.length !== 36 || s.charCodeAt(8) !== 45 || s.charCodeAt(13) !== 45 || s.charCodeAt(18) !== 45 || s.charCodeAt(23) !== 45) return false;
  if (s === NIL_GUID) return false;
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) continue;
    const c = s.charCodeAt(i) | 0x20; // lower-case hex letters; digits unaffected
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

export function isNilGuid(s: string | undefined): boolean {
  return s === NIL_GUID;
}

/**
 * An IP address without the port the UAL sometimes appends: `1.2.3.4:5678` → `1.2.3.4`,
 * `[2a01::1]:443` → `2a01::1`. Empty → undefined.
 */
export function cleanIp(v: unknown): string | undefined {
  const s = str(v)?.trim();
  if (!s) return undefined;
  if (s.charCodeAt(0) === 91 /* [ */) {
    const end = s.indexOf(']');
    return end > 1 ? s.slice(1, end) : s;
  }
  const colon = s.indexOf(':');
  if (colon > 0 && colon === s.lastIndexOf(':') && s.indexOf('.') > 0) return s.slice(0, colon);
  return s;
}

/** A value shown in a message: strings as written, anything else as JSON, cut to `max` characters. */
export function shown(v: unknown, max = 80): string {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? 'undefined');
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
