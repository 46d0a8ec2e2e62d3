// Attacker-controlled text (display names, UPNs, app names, rule fields) is data. These functions
// make it inert for each place it is shown.

// C0 controls except tab/newline handling below, DEL, C1 controls, and the Unicode bidi and
// invisible-formatting characters used to disguise names (e.g. U+202E RIGHT-TO-LEFT OVERRIDE, U+061C
// ARABIC LETTER MARK, U+2060 WORD JOINER and the invisible operators after it, the deprecated
// formatting characters U+206A–U+206F, interlinear annotation marks).
export const INVISIBLE_FORMATTING = '\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb';
const UNSAFE_TERMINAL = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${INVISIBLE_FORMATTING}]`, 'g');

/** Any value as display text: objects as JSON, absent values as empty. */
function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}

/** A character as visible escape text: `\\x1b`, `\\u202e`. */
export function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text for a terminal: escape sequences and other control characters are shown as visible escapes
 * (`\x1b[31m`), so the responder sees that they were there but the terminal does not obey them.
 */
export function terminalSafe(value: unknown): string {
  return asText(value).replace(UNSAFE_TERMINAL, escapeChar);
}

/**
 * Lines of a file format (CSV) shown on a terminal instead of written to a file: each line through
 * terminalSafe, so a cell holding an escape sequence is shown, not obeyed. Line ends become `\n`.
 */
export function terminalSafeLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => terminalSafe(line))
    .join('\n');
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180 quoting), with spreadsheet formulas neutralised: a cell that starts with
 * `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe, so Excel and LibreOffice
 * show it as text instead of evaluating it (OWASP CSV injection guidance).
 */
export function csvCell(value: unknown): string {
  let text = asText(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(',');
}

const UNSAFE_JSON = new RegExp(`[\\u007f-\\u009f${INVISIBLE_FORMATTING}]`, 'g');

/**
 * JSON text that is safe to print: JSON.stringify already escapes C0 controls; this also escapes
 * DEL, C1 controls and bidi/invisible characters (they can only occur inside strings, where a
 * `\uXXXX` escape means the same thing).
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    UNSAFE_JSON,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Escapes text for HTML element content and attribute values. */
export function htmlEscape(value: unknown): string {
  return asText(value).replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
