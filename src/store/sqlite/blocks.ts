// Compressed blocks: many records (records.ts) compressed together, because records of one log share
// most of their text and compress far better side by side than alone. Records are joined by newlines,
// which no record contains.
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

export const CODEC_BROTLI = 1;

/**
 * Quality 4 with an 8 MiB window: about 200 bytes per 2 KB UAL record in blocks of 4,000
 * (bench/README.md, "import"). Compressed on the main thread: on libuv's thread pool it cost 60-80 MB
 * more peak RSS (each pool thread's malloc arena keeps an encoder's worth).
 */
const BROTLI_PARAMS: Readonly<Record<number, number>> = {
  [constants.BROTLI_PARAM_QUALITY]: 4,
  [constants.BROTLI_PARAM_LGWIN]: 23,
  [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
};

export function compressBlock(text: Uint8Array): Buffer {
  return brotliCompressSync(text, { params: BROTLI_PARAMS });
}

export function encodeBlock(records: readonly string[]): Buffer {
  return compressBlock(Buffer.from(records.join('\n'), 'utf8'));
}

/** The block's text: its records' UTF-8 bytes joined by newlines. */
export function decodeBlockBytes(codec: number, data: Buffer): Buffer {
  if (codec !== CODEC_BROTLI) throw new Error(`unknown block codec ${codec}`);
  return brotliDecompressSync(data);
}

/** Each record's bytes in a block's text. */
export function splitRecords(text: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let from = 0;
  for (let nl = text.indexOf(10); nl >= 0; nl = text.indexOf(10, from)) {
    out.push(text.subarray(from, nl));
    from = nl + 1;
  }
  out.push(text.subarray(from));
  return out;
}

export function decodeBlock(codec: number, data: Buffer): string[] {
  return decodeBlockBytes(codec, data).toString('utf8').split('\n');
}

/** Keeps the last few decoded blocks: queries, duplicate checks and verification read blocks in order. */
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

  clear(): void {
    this.entries.clear();
  }
}
