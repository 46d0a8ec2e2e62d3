// Control characters made visible for documents (HTML, CSV): an ANSI escape or a right-to-left
// override in a display name shows as `\x1b` / `\u202e` text instead of acting on the viewer, the
// same way terminalSafe shows them in a terminal. Tab and line breaks stay: values may be multi-line.
import { escapeChar, INVISIBLE_FORMATTING } from '../core/sanitize.ts';

const HIDDEN = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f${INVISIBLE_FORMATTING}]`, 'g');

export function visibleControls(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(HIDDEN, escapeChar);
}
