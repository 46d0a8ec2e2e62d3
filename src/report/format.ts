// Small formatting shared by the report model: times as the detections word them, and change values
// as a person reads them (the logs wrap them in JSON with Windows line breaks).

/** `2026-10-05 01:12 UTC`, the same shape as the detections' `when` parameter. */
export function formatTime(iso: string | undefined): string {
  if (iso === undefined) return '';
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const s = new Date(ms).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)} UTC`;
}

/** Milliseconds since the epoch, or undefined for a missing or unreadable time. */
export function timeMs(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : undefined;
}

/** Longest value shown in full; longer ones are cut and say by how much. */
export const MAX_VALUE_CHARS = 400;

function scalarText(v: unknown): string | undefined {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/**
 * A change value as plain text: JSON arrays of plain values become a comma list (`["a","b"]` → `a, b`),
 * other JSON is shown compact, anything else as written. Empty values give ''.
 */
export function displayValue(value: string | null | undefined): string {
  if (value === undefined || value === null) return '';
  const text = value.trim();
  if (text === '') return '';
  if (text.startsWith('[') || text.startsWith('{') || text.startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(text);
      const plain = scalarText(parsed);
      if (plain !== undefined) return plain;
      if (Array.isArray(parsed)) {
        const items = parsed.map(scalarText);
        if (items.every((i) => i !== undefined)) return items.filter((i) => i !== '').join(', ');
      }
      return JSON.stringify(parsed);
    } catch {
      // Not JSON after all: show it as written.
    }
  }
  return text.replace(/\r\n?/g, '\n');
}

/** Cuts a value to MAX_VALUE_CHARS; `rest` is how many characters were left out. */
export function clip(text: string, max = MAX_VALUE_CHARS): { text: string; rest: number } {
  const chars = [...text];
  if (chars.length <= max) return { text, rest: 0 };
  return { text: chars.slice(0, max).join(''), rest: chars.length - max };
}
