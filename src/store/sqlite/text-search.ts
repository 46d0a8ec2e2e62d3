// The text filter of queryEvents: an event matches when its JSON (JSON.stringify of the decoded event)
// holds the needle, ignoring case. Decoding and re-serialising every row costs far more than looking
// at the stored record's text, so a record is first searched as it is stored, and only a record that
// may match is decoded. The shortcut never drops a match:
//
// - The needle holds none of `"`, `\`, `:`, `,`, `{`, `}`, `[`, `]` or a control character, so where it
//   occurs in the event's JSON it lies inside one key, one string, or one number or literal.
// - A string is written in the stored text exactly as JSON.stringify writes it when that text has no
//   `\u` and no `\/` escape: its other escapes (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`) are the ones
//   JSON.stringify uses for those characters, and JSON text cannot hold a raw control character. Around
//   strings the stored text may differ (spaces, a key written twice), which a needle cannot span.
// - Numbers may be written differently (`1.0`, `1E3`) and the event id is left out of a record whose
//   raw record gives it (`idFrom`): a needle made only of characters of hexadecimal ids and numbers
//   (0-9, a-f, `.`, `+`, `-`) is always checked on the decoded event.
// - Lower-casing the whole text and lower-casing the event's JSON agree inside strings: the only
//   context-dependent mapping (final sigma) looks past case-ignorable characters, and `"` is not one.

/** A needle the stored text can answer for: none of JSON's structure, not a possible id or number. */
export function searchableInRecord(needle: string): boolean {
  return !/["\\:,{}[\]\u0000-\u001f]/.test(needle) && !/^[0-9a-f.+-]*$/.test(needle);
}

/** Whether the record's stored text is written as JSON.stringify writes strings (no `\u`, no `\/`). */
function plainEscapes(record: string): boolean {
  let at = record.indexOf('\\');
  while (at >= 0) {
    const next = record.charCodeAt(at + 1);
    if (next === 0x75 /* u */ || next === 0x2f /* / */) return false;
    at = record.indexOf('\\', at + 2);
  }
  return true;
}

/**
 * False only when the event stored as `record` cannot hold `needle` (already lower case) in its JSON;
 * true means it may, and the decoded event must be checked.
 */
export function recordMayHold(record: string, needle: string, searchable: boolean): boolean {
  if (!searchable) return true;
  if (record.toLowerCase().includes(needle)) return true;
  return !plainEscapes(record);
}
