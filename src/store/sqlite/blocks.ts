// Compressed blocks: many events' full JSON (raw record included) compressed together, because
// records of one log share most of their text and compress far better side by side than alone.
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

export const CODEC_BROTLI = 1;

/** Quality 4 with a 1 MiB window: about 11-13 µs per 2 KiB event on one core (see bench/README.md). */
export const BROTLI_PARAMS: Readonly<Record<number, number>> = {
  [constants.BROTLI_PARAM_QUALITY]: 4,
  [constants.BROTLI_PARAM_LGWIN]: 20,
  [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
};

export function compressBytes(bytes: Uint8Array): Buffer {
  return brotliCompressSync(bytes, { params: BROTLI_PARAMS });
}

/** Documents are JSON texts; JSON never contains a raw newline, so one joins them safely. */
export function encodeBlock(docs: readonly string[]): Buffer {
  return compressBytes(Buffer.from(docs.join('\n'), 'utf8'));
}

/**
 * The block's bytes before compression, exactly as encodeBlock joins them, written into `scratch`
 * (replaced when too small). `ends[i]` is where document i ends, so each can be hashed in place.
 */
export function packDocs(docs: readonly string[], scratch: Buffer | undefined): { buffer: Buffer; length: number; ends: number[] } {
  let length = docs.length - 1;
  for (const doc of docs) length += Buffer.byteLength(doc, 'utf8');
  const buffer = scratch && scratch.length >= length ? scratch : Buffer.allocUnsafeSlow(Math.max(length, 1) + (length >> 2));
  const ends: number[] = [];
  let at = 0;
  docs.forEach((doc, i) => {
    if (i > 0) buffer[at++] = 10;
    at += buffer.write(doc, at, 'utf8');
    ends.push(at);
  });
  return { buffer, length, ends };
}

export function decodeBlock(codec: number, data: Buffer): string[] {
  if (codec !== CODEC_BROTLI) throw new Error(`unknown block codec ${codec}`);
  return brotliDecompressSync(data).toString('utf8').split('\n');
}

/** Keeps the last few decoded blocks: queries and verification read blocks in order. */
export class BlockCache {
  private readonly entries = new Map<number, string[] | Error>();

  constructor(
    private readonly load: (id: number) => { codec: number; data: Buffer } | undefined,
    private readonly capacity = 4,
  ) {}

  get(id: number): string[] | Error {
    const hit = this.entries.get(id);
    if (hit) return hit;
    let value: string[] | Error;
    const row = this.load(id);
    if (!row) value = new Error('block missing');
    else {
      try {
        value = decodeBlock(row.codec, row.data);
      } catch (e) {
        value = e instanceof Error ? e : new Error(String(e));
      }
    }
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(id, value);
    return value;
  }
}
