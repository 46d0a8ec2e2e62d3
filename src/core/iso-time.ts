// Event times as numbers. Canonical times are `YYYY-MM-DDTHH:MM:SS.mmmZ`; reading the digits directly
// costs a fraction of `Date.parse`, which detection and the Sigma hunter would otherwise call for
// most of a million events. Anything else (or a day a month may not have) goes to `Date.parse`, so
// the result is always the same.

const ZERO = 48;

function digits(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const d = s.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

// The fields of the last canonical time read: filled by readCanonical, no array per call.
const F = new Int32Array(7);

/**
 * Reads a canonical `YYYY-MM-DDTHH:MM:SS.mmmZ` into F (year, month, day, hour, minute, second,
 * milliseconds). False for any other text, and for a canonical-looking time that is not a real date
 * and time of year 100 or later (Date.parse decides those).
 */
function readCanonical(iso: string): boolean {
  if (
    iso.length !== 24 ||
    iso.charCodeAt(4) !== 45 /* - */ ||
    iso.charCodeAt(7) !== 45 ||
    iso.charCodeAt(10) !== 84 /* T */ ||
    iso.charCodeAt(13) !== 58 /* : */ ||
    iso.charCodeAt(16) !== 58 ||
    iso.charCodeAt(19) !== 46 /* . */ ||
    iso.charCodeAt(23) !== 90 /* Z */
  ) {
    return false;
  }
  const year = (F[0] = digits(iso, 0, 4));
  const month = (F[1] = digits(iso, 5, 2));
  const day = (F[2] = digits(iso, 8, 2));
  const hour = (F[3] = digits(iso, 11, 2));
  const minute = (F[4] = digits(iso, 14, 2));
  const second = (F[5] = digits(iso, 17, 2));
  const milli = (F[6] = digits(iso, 20, 3));
  return year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && milli >= 0;
}

/**
 * Whether a time is canonical (`YYYY-MM-DDTHH:MM:SS.mmmZ`, a real date and time, year 100 or later).
 * Canonical times compare as text in the order of their instants, so a min or max needs no number.
 */
export function isCanonicalIso(iso: string): boolean {
  return readCanonical(iso);
}

/** Milliseconds since the epoch of an ISO time, exactly as `Date.parse` gives them. */
export function isoMs(iso: string): number {
  if (!readCanonical(iso)) return Date.parse(iso);
  return (((daysFromCivil(F[0]!, F[1]!, F[2]!) * 24 + F[3]!) * 60 + F[4]!) * 60 + F[5]!) * 1000 + F[6]!;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (year >= 1), in integers only. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shifted = month > 2 ? month - 3 : month + 9; // March = 0: the leap day ends the year
  const dayOfYear = Math.floor((153 * shifted + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
