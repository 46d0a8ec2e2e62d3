// Writes blocks and links them onto their tenant's chain. Each tenant has at most one open block,
// which takes the records of successive appends until it holds BLOCK_RECORDS, or BLOCK_BYTES of them, or the group commits;
// then it is compressed, linked and written, all before the group commits.
import type { Db } from './db.ts';
import { CODEC_BROTLI, compressBlock } from './blocks.ts';
import { genesisHash, linkHash } from './chain.ts';
import type { PackedRecords } from './records.ts';

/**
 * Records per block: 4,000 UAL records compress to about 200 bytes each, 1,000 to about 218
 * (bench/README.md). An open block holds its records' bytes until then: about 9 MB of UAL.
 */
export const BLOCK_RECORDS = 4000;

/**
 * A block is also written once its records reach this many bytes, so that large records (a 1 MB
 * display name, a 30 MB ModifiedProperties value) do not make a block hold gigabytes. Ordinary
 * UAL records fill BLOCK_RECORDS first (about 9 MB).
 */
export const BLOCK_BYTES = 16 * 1024 * 1024;

interface ChainHead {
  /** Chain positions handed out, in written and open blocks alike. */
  assigned: number;
  /** The last written block's link. */
  hash: Buffer;
}

interface OpenBlock {
  id: number;
  tenant: number;
  /** Chain position of its first record. */
  n: number;
  /** Event ids by position, to confirm a duplicate key before the block is written. */
  ids: string[];
  /** The records' bytes so far: bytes[0, length). */
  bytes: Buffer;
  length: number;
}

/**
 * A block's buffer, sized for BLOCK_RECORDS records like the first `count` (`bytes` long), and a
 * little more, but never past BLOCK_BYTES (one large first record once asked for 8.8 GB).
 */
export function blockBuffer(bytes: number, count: number): Buffer {
  const estimate = Math.ceil((bytes / Math.max(count, 1)) * BLOCK_RECORDS * 1.1) + 1024;
  return Buffer.allocUnsafeSlow(Math.max(bytes, Math.min(estimate, BLOCK_BYTES + 1024)));
}

/** Where a batch of records of one tenant goes: confirm() it once its rows are in. */
export interface Placement {
  block: number;
  firstPos: number;
  confirm(packed: PackedRecords, ids: readonly string[]): void;
}

export class BlockWriter {
  private readonly heads = new Map<number, ChainHead>();
  private readonly open = new Map<number, OpenBlock>();
  /**
   * The buffer of the last written block, kept for the next one: a fresh 9 MB buffer per block cost
   * more in page faults than its records took to pack.
   */
  private readonly spare: Buffer[] = [];
  private nextBlock: number | undefined;
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = {
      head: db.prepare<[number], { count: number; hash: Buffer }>('SELECT count, hash FROM chain_heads WHERE tenant = ?'),
      lastBlock: db.prepare<[], number | null>('SELECT max(id) FROM blocks').pluck(),
      insertBlock: db.prepare('INSERT INTO blocks (id, tenant, n, count, codec, hash, data) VALUES (?,?,?,?,?,?,?)'),
      upsertHead: db.prepare(
        'INSERT INTO chain_heads (tenant, count, last_block, hash) VALUES (?,?,?,?) ON CONFLICT(tenant) DO UPDATE SET count = excluded.count, last_block = excluded.last_block, hash = excluded.hash',
      ),
    };
  }

  private headOf(tenant: number, name: string): ChainHead {
    let head = this.heads.get(tenant);
    if (!head) {
      const row = this.stmt.head.get(tenant);
      head = row ? { assigned: row.count, hash: row.hash } : { assigned: 0, hash: genesisHash(name) };
      this.heads.set(tenant, head);
    }
    return head;
  }

  /** Where `count` records of a tenant would go. Nothing changes until the placement is confirmed. */
  place(tenant: number, name: string, count: number): Placement {
    const current = this.open.get(tenant);
    // A new block's id is taken now (an unconfirmed one leaves a gap in ids, which nothing minds).
    let id = current?.id;
    if (id === undefined) {
      id = this.nextBlock ??= (this.stmt.lastBlock.get() ?? 0) + 1;
      this.nextBlock++;
    }
    const block = id;
    return {
      block,
      firstPos: current?.ids.length ?? 0,
      confirm: (packed, ids) => {
        const head = this.headOf(tenant, name);
        let target = current;
        if (!target) {
          target = { id: block, tenant, n: head.assigned + 1, ids: [], bytes: this.spare.pop() ?? blockBuffer(packed.bytes.length, count), length: 0 };
          this.open.set(tenant, target);
        }
        head.assigned += count;
        target.ids.push(...ids);
        this.append(target, packed.bytes);
        if (target.ids.length >= BLOCK_RECORDS || target.length >= BLOCK_BYTES) this.seal(target);
      },
    };
  }

  private append(block: OpenBlock, bytes: Buffer): void {
    const needed = block.length + bytes.length;
    if (needed > block.bytes.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(needed, Math.ceil(block.bytes.length * 1.25)));
      block.bytes.copy(grown, 0, 0, block.length);
      block.bytes = grown;
    }
    bytes.copy(block.bytes, block.length);
    block.length = needed;
  }

  /** The id of the event at a position of a block not written yet; undefined if the block is written. */
  pendingId(block: number, pos: number): string | undefined {
    for (const b of this.open.values()) if (b.id === block) return b.ids[pos];
    return undefined;
  }

  /** Compresses a block, links it after its tenant's last block, and writes it. */
  private seal(block: OpenBlock): void {
    this.open.delete(block.tenant);
    const data = compressBlock(block.bytes.subarray(0, block.length));
    // A buffer grown past a block's usual size for large records is not kept.
    if (this.spare.length === 0 && block.bytes.length <= BLOCK_BYTES + 1024) this.spare.push(block.bytes);
    const head = this.heads.get(block.tenant)!;
    const hash = linkHash(head.hash, data);
    const count = block.ids.length;
    this.stmt.insertBlock.run(block.id, block.tenant, block.n, count, CODEC_BROTLI, hash, data);
    this.stmt.upsertHead.run(block.tenant, block.n + count - 1, block.id, hash);
    head.hash = hash;
  }

  /** Writes every open block (before a commit, or a read that must see every event). */
  flush(): void {
    for (const block of [...this.open.values()]) this.seal(block);
  }

  /**
   * Forgets the open blocks and all cached state: at the start of a group (another process may have
   * written since), and when a group is rolled back.
   */
  reset(): void {
    this.open.clear();
    this.heads.clear();
    this.nextBlock = undefined;
  }
}
