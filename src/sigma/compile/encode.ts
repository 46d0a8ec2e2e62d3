// The encoding modifiers: utf16le/utf16be/utf16/wide turn text into bytes, base64 and base64offset
// turn bytes into the text a log would show. A value keeps its bytes until something encodes them.
import { t } from '../../core/i18n.ts';

export type Encoded = { kind: 'text'; text: string } | { kind: 'bytes'; bytes: Buffer };

export function toBytes(v: Encoded): Buffer {
  return v.kind === 'bytes' ? v.bytes : Buffer.from(v.text, 'utf8');
}

export function utf16(v: Encoded, mode: 'le' | 'be' | 'bom'): Encoded {
  if (v.kind === 'bytes') throw new Error(t('sigma.error.utf16_twice'));
  const le = Buffer.from(v.text, 'utf16le');
  if (mode === 'le') return { kind: 'bytes', bytes: le };
  if (mode === 'bom') return { kind: 'bytes', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), le]) };
  const be = Buffer.from(le);
  be.swap16();
  return { kind: 'bytes', bytes: be };
}

export function base64(v: Encoded): string {
  return toBytes(v).toString('base64');
}

/**
 * The three texts a value shows inside a longer base64 string, whatever its byte offset: the value is
 * encoded behind 0, 1 and 2 filler bytes and the characters that depend on its neighbours are cut.
 */
export function base64Offsets(v: Encoded): string[] {
  const bytes = toBytes(v);
  const out: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    const start = [0, 2, 3][shift]!;
    const cut = [0, 3, 2][(bytes.length + shift) % 3]!;
    out.push(encoded.slice(start, encoded.length - cut));
  }
  return out;
}

/** Bytes that were never base64-encoded are matched as the characters they are (one per byte). */
export function finalText(v: Encoded): string {
  return v.kind === 'text' ? v.text : v.bytes.toString('latin1');
}
