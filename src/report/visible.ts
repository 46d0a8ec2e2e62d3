// Control characters made visible for documents (HTML, CSV): an ANSI escape or a right-to-left
// override in a display name shows as `\x1b` / `\u202e` text instead of acting on the viewer, the
// same way terminalSafe shows them in a terminal. Tab and line breaks stay: values may be multi-line.
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export function visibleControls(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(HIDDEN, escapeChar);
}
