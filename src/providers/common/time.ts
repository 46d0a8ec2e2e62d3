// Timestamps as the vendors' exports write them → ISO 8601 UTC with millisecond precision.
//
// Accepted (surrounding whitespace is ignored, as in Purview's `"2026-01-24T06:54:24.0000000Z "`):
//   ISO 8601 with `T` or a space, 0–9 fraction digits, `Z` / `±hh:mm` / `±hhmm` / `±hh` / ` UTC`, or no zone;
//   US locale `9/20/2023 4:05:03 AM`, Log Analytics `4/19/2021, 12:13:19.483 PM` (month first unless the
//   first number cannot be a month);
//   year first `2023/09/20 4:05:03` (Excel on a Japanese PC); day first with dots `20.09.2023 04:05:03`.
// A time without a zone is UTC: UAL `CreationTime`, Purview `CreationDate` and Log Analytics `[UTC]`
// columns are all written in UTC. Fractions are truncated to milliseconds (never rounded), so the same
// record written with 7 digits by Graph and with 3 by Log Analytics gets the same time.

const D0 = 48;

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - D0;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Reads a run of digits starting at `i`; returns [value, end] or undefined when there is none. */
function run(s: string, i: number, max: number): [number, number] | undefined {
  let n = 0;
  let j = i;
  while (j < s.length && j - i < max) {
    const d = s.charCodeAt(j) - D0;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
    j++;
  }
  return j === i ? undefined : [n, j];
}

const P2: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));
const P3: readonly string[] = Array.from({ length: 1000 }, (_, i) => (i < 10 ? `00${i}` : i < 100 ? `0${i}` : `${i}`));

function daysIn(y: number, mo: number): number {
  if (mo === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
}

function build(y: number, mo: number, d: number, h: number, mi: number, sec: number, ms: number, offsetMin: number): string | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 24 || mi > 59 || sec > 60 || y < 1000 || y > 9999) return undefined;
  if (h === 24 && (mi !== 0 || sec !== 0 || ms !== 0)) return undefined;
  // The common case needs no Date: UTC already, fields in range.
  if (offsetMin === 0 && h < 24 && sec < 60) return `${y}-${P2[mo]!}-${P2[d]!}T${P2[h]!}:${P2[mi]!}:${P2[sec]!}.${P3[ms]!}Z`;
  const t = Date.UTC(y, mo - 1, d, h, mi, sec, ms) - offsetMin * 60_000;
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** Fraction digits after a `.` or `,` at `i` (the separator itself): returns [ms, end]. */
function fraction(s: string, i: number): [number, number] {
  let j = i + 1;
  let ms = 0;
  let k = 0;
  while (j < s.length) {
    const d = s.charCodeAt(j) - D0;
    if (d < 0 || d > 9) break;
    if (k < 3) ms = ms * 10 + d;
    k++;
    j++;
  }
  if (k === 0) return [-1, i];
  while (k < 3) {
    ms *= 10;
    k++;
  }
  return [ms, j];
}

/** Zone suffix at `i`: returns offset minutes (east positive) or undefined if the rest is not a zone. */
function zone(s: string, i: number): number | undefined {
  if (i >= s.length) return 0;
  const c = s[i];
  if (c === 'Z' || c === 'z') return i + 1 === s.length ? 0 : undefined;
  if (c === ' ' && s.slice(i + 1).toUpperCase() === 'UTC') return 0;
  if (c === '+' || c === '-') {
    const sign = c === '+' ? 1 : -1;
    const rest = s.slice(i + 1);
    let h: number;
    let m = 0;
    if (rest.length === 2) h = digits(rest, 0, 2);
    else if (rest.length === 4) {
      h = digits(rest, 0, 2);
      m = digits(rest, 2, 4);
    } else if (rest.length === 5 && rest[2] === ':') {
      h = digits(rest, 0, 2);
      m = digits(rest, 3, 5);
    } else return undefined;
    if (h < 0 || m < 0 || h > 23 || m > 59) return undefined;
    return sign * (h * 60 + m);
  }
  return undefined;
}

function iso(s: string): string | undefined {
  // YYYY-MM-DD
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (y < 0 || mo < 0 || d < 0 || s[7] !== '-') return undefined;
  if (s.length === 10) return build(y, mo, d, 0, 0, 0, 0, 0);
  const sep = s[10];
  if (sep !== 'T' && sep !== 't' && sep !== ' ') return undefined;
  const h = digits(s, 11, 13);
  const mi = digits(s, 14, 16);
  if (h < 0 || mi < 0 || s[13] !== ':') return undefined;
  let i = 16;
  let sec = 0;
  let ms = 0;
  if (s[i] === ':') {
    sec = digits(s, 17, 19);
    if (sec < 0) return undefined;
    i = 19;
    if (s[i] === '.' || s[i] === ',') {
      const [f, end] = fraction(s, i);
      if (f < 0) return undefined;
      ms = f;
      i = end;
    }
  }
  const off = zone(s, i);
  if (off === undefined) return undefined;
  return build(y, mo, d, h, mi, sec, ms, off);
}

/** `9/20/2023 4:05:03 AM`, `4/19/2021, 12:13:19.483 PM`, `2023/09/20 4:05:03`, `20.09.2023 04:05:03`. */
function locale(s: string): string | undefined {
  const a = run(s, 0, 4);
  if (!a) return undefined;
  const sep = s[a[1]];
  if (sep !== '/' && sep !== '.' && sep !== '-') return undefined;
  const b = run(s, a[1] + 1, 2);
  if (!b || s[b[1]] !== sep) return undefined;
  const c = run(s, b[1] + 1, 4);
  if (!c) return undefined;
  let y: number;
  let mo: number;
  let d: number;
  if (a[1] === 4) {
    // year first
    [y, mo, d] = [a[0], b[0], c[0]];
  } else {
    if (c[1] - b[1] - 1 !== 4) return undefined;
    y = c[0];
    // Month first (US, Log Analytics, Purview) unless the first number cannot be a month or the
    // separator is a dot (day-first locales).
    if (sep === '.' || a[0] > 12) [d, mo] = [a[0], b[0]];
    else [mo, d] = [a[0], b[0]];
  }
  let i = c[1];
  if (s[i] === ',') i++;
  if (i >= s.length) return build(y, mo, d, 0, 0, 0, 0, 0);
  if (s[i] !== ' ' && s[i] !== 'T') return undefined;
  while (s[i] === ' ' || s[i] === 'T') i++;
  const h = run(s, i, 2);
  if (!h || s[h[1]] !== ':') return undefined;
  const mi = run(s, h[1] + 1, 2);
  if (!mi) return undefined;
  i = mi[1];
  let sec = 0;
  let ms = 0;
  if (s[i] === ':') {
    const sv = run(s, i + 1, 2);
    if (!sv) return undefined;
    sec = sv[0];
    i = sv[1];
    if (s[i] === '.' || s[i] === ',') {
      const [f, end] = fraction(s, i);
      if (f < 0) return undefined;
      ms = f;
      i = end;
    }
  }
  let hour = h[0];
  const rest = s.slice(i).trim().toUpperCase();
  let off = 0;
  if (rest === 'AM' || rest === 'PM') {
    if (hour < 1 || hour > 12) return undefined;
    if (rest === 'AM' && hour === 12) hour = 0;
    else if (rest === 'PM' && hour !== 12) hour += 12;
  } else if (rest !== '' && rest !== 'UTC' && rest !== 'Z') {
    const z = zone(s.trimEnd(), i);
    if (z === undefined) return undefined;
    off = z;
  }
  return build(y, mo, d, hour, mi[0], sec, ms, off);
}

/**
 * A vendor timestamp (string, epoch milliseconds or Date) as `YYYY-MM-DDTHH:MM:SS.mmmZ`, or undefined if
 * the value is not a time this module understands.
 */
export function toUtcIso(value: unknown): string | undefined {
  if (typeof value === 'string') {
    // Fast path: already canonical (Graph with 3 digits, our own output).
    if (value.length === 24 && value.charCodeAt(23) === 90 /* Z */ && value.charCodeAt(19) === 46 /* . */ && value.charCodeAt(10) === 84 /* T */) {
      return iso(value);
    }
    const s = value.trim();
    if (s.length < 8) return undefined;
    if (s.charCodeAt(4) === 45 /* - */) return iso(s);
    return locale(s);
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  return undefined;
}
