// The tamper-evident chain. Each tenant's blocks are chained by SHA-256 over their stored (compressed)
// bytes, which is as strong as hashing what they decompress to, at a tenth of the bytes to hash. Each
// record's row keeps a 32-bit check of the record, so that verification can name the event that was
// changed inside a block whose link no longer matches.
import { hash } from 'node:crypto';

export function genesisHash(tenant: string): Buffer {
  return hash('sha256', `takeback-chain-v2\u0000${tenant}`, 'buffer');
}

/** A block's link: SHA-256 of the previous link of its tenant's chain and the block's stored bytes. */
export function linkHash(prev: Uint8Array, data: Uint8Array): Buffer {
  const joined = Buffer.allocUnsafe(prev.length + data.length);
  joined.set(prev, 0);
  joined.set(data, prev.length);
  return hash('sha256', joined, 'buffer');
}

let scratch = new Int32Array(1 << 14);

/**
 * MurmurHash3 (x86, 32-bit, seed 0) of a record's bytes, as a signed integer. Not a security
 * measure (the chain is): it only says which record of a block changed, and costs a fraction of a
 * SHA-256 per record.
 */
export function recordCheck(bytes: Uint8Array): number {
  const n = bytes.length;
  const words = n >>> 2;
  if (scratch.length < words + 1) scratch = new Int32Array(words + 1 + (words >>> 1));
  // Copied to an aligned scratch to read whole words; little-endian, as MurmurHash3 reads them.
  new Uint8Array(scratch.buffer, 0, n).set(bytes);
  let h = 0;
  for (let i = 0; i < words; i++) h = mixWord(h, scratch[i]!);
  let k = 0;
  const tail = words << 2;
  for (let i = n - 1; i >= tail; i--) k = (k << 8) | bytes[i]!;
  if (n & 3) {
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
  }
  h ^= n;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

function mixWord(h: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
