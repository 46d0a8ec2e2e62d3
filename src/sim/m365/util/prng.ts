// A small seeded PRNG: every simulated tenant, event and fault decision must be reproducible from a
// seed, so nothing here may touch Math.random.

/** 32-bit FNV-1a over a string, finished with murmur3's avalanche so nearby inputs spread well. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform number in [0, 1) that depends only on its inputs (for per-index, order-free decisions). */
export function unitFrom(...parts: (string | number)[]): number {
  return hash32(parts.join('\u001f')) / 0x100000000;
}

/** sfc32: small, fast and good enough for test data. */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    const text = String(seed);
    this.a = hash32(`a:${text}`);
    this.b = hash32(`b:${text}`);
    this.c = hash32(`c:${text}`);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A child generator for one labelled purpose, so adding draws in one place never shifts another. */
  static for(seed: number | string, ...labels: (string | number)[]): Prng {
    return new Prng([seed, ...labels].join('\u001f'));
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 0x100000000;
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) out += this.nextUint32().toString(16).padStart(8, '0');
    return out.slice(0, length);
  }
}
