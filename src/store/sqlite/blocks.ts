// Compressed blocks: many events' full JSON (raw record included) compressed together, because
// records of one log share most of their text and compress far better side by side than alone.
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

export const CODEC_BROTLI = 1;

/** Documents are JSON texts; JSON never contains a raw newline, so one joins them safely. */
export function encodeBlock(docs: readonly string[]): Buffer {
  return brotliCompressSync(Buffer.from(docs.join('\n'), 'utf8'), {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 4,
      [constants.BROTLI_PARAM_LGWIN]: 22,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
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
