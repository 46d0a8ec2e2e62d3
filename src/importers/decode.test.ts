import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ChunkDecoder, sniffEncoding, utf8SafeEnd } from './decode.ts';

describe('decode', () => {
  it('utf8SafeEnd keeps a cut multi-byte character for the next chunk', () => {
    const b = Buffer.from('ab日', 'utf8'); // 日 = E6 97 A5
    assert.equal(utf8SafeEnd(b), 5);
    assert.equal(utf8SafeEnd(b.subarray(0, 4)), 2);
    assert.equal(utf8SafeEnd(b.subarray(0, 3)), 2);
    assert.equal(utf8SafeEnd(Buffer.from('abc')), 3);
  });

  it('sniffs BOMs, UTF-16 without BOM, ASCII, UTF-8, Shift_JIS and binary', () => {
    assert.deepEqual(sniffEncoding(Buffer.from('\ufeff{}', 'utf8'), true), { encoding: 'utf-8' });
    assert.deepEqual(sniffEncoding(Buffer.from('\ufeff{}', 'utf16le'), true), { encoding: 'utf-16le' });
    assert.deepEqual(sniffEncoding(Buffer.from('a,b,c\r\n1,2,3\r\n', 'utf16le'), true), { encoding: 'utf-16le' });
    assert.deepEqual(sniffEncoding(Buffer.from('a,b\n'), false), { encoding: 'auto' });
    assert.deepEqual(sniffEncoding(Buffer.from('名前,b\n'), true), { encoding: 'utf-8' });
    assert.deepEqual(sniffEncoding(Buffer.from([0x93, 0xfa, 0x96, 0x7b, 0x2c, 0x61]), true), { encoding: 'shift_jis' });
    // an ASCII head ending in the lead byte of a cut character decides nothing yet
    assert.deepEqual(sniffEncoding(Buffer.from([0x61, 0x2c, 0xe6]), false), { encoding: 'auto' });
    assert.ok('binary' in sniffEncoding(Buffer.from([0x7b, 0x00, 0x00, 0x00, 0x01, 0x7d, 0x00, 0x02]), true));
  });

  it('auto mode decides on the first non-ASCII bytes, even when a chunk ends inside a character', () => {
    const sjis = new ChunkDecoder('auto');
    // "ab" then 日 (93 FA) split across chunks, then 本 (96 7B)
    const parts = [Buffer.from([0x61, 0x62]), Buffer.from([0x93]), Buffer.from([0xfa, 0x96, 0x7b])];
    assert.equal(parts.map((p) => sjis.text(p)).join('') + sjis.text(undefined), 'ab日本');
    assert.equal(sjis.encoding, 'shift_jis');

    const utf8 = new ChunkDecoder('auto');
    const bytes = Buffer.from('ab日本', 'utf8');
    const out = [bytes.subarray(0, 3), bytes.subarray(3, 5), bytes.subarray(5)].map((p) => utf8.text(p)).join('') + utf8.text(undefined);
    assert.equal(out, 'ab日本');
    assert.equal(utf8.encoding, 'utf-8');

    // the same as UTF-8 bytes for csv-parse
    const bytesOut = new ChunkDecoder('auto');
    const joined = Buffer.concat([...parts.map((p) => bytesOut.utf8(p)), bytesOut.utf8(undefined)]);
    assert.equal(joined.toString('utf8'), 'ab日本');
  });

  it('counts broken UTF-8 sequences exactly, whatever the chunking, and not a U+FFFD the file holds', () => {
    const good = Buffer.from('名前: 山田 \ufffd literal; ', 'utf8');
    const broken = Buffer.concat([good, Buffer.from([0xe5, 0x41]), good, Buffer.from([0xff]), good, Buffer.from([0xe5, 0xb1])]);
    // Three broken sequences: E5 41 (E5 cut short), FF, and E5 B1 cut at the end of the file.
    for (const mode of ['text', 'bytes'] as const) {
      for (const size of [1, 2, 3, 5, 7, 64, broken.length]) {
        const d = new ChunkDecoder('utf-8');
        for (let at = 0; at < broken.length; at += size) {
          const chunk = broken.subarray(at, at + size);
          if (mode === 'text') d.text(chunk);
          else d.utf8(chunk);
        }
        if (mode === 'text') d.text(undefined);
        else d.utf8(undefined);
        assert.equal(d.replaced, 3, `${mode}, chunks of ${size}`);
      }
    }
    const clean = new ChunkDecoder('utf-8');
    clean.utf8(Buffer.concat([good, good]));
    clean.utf8(undefined);
    assert.equal(clean.replaced, 0, 'a literal U+FFFD is not a broken byte');
  });
});

