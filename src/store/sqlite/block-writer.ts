// Writes blocks and links them onto their tenant's chain. Each tenant has at most one open block,
// which takes the records of successive appends until it holds BLOCK_RECORDS or the group commits;
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
  parts: Buffer[];
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
          target = { id: block, tenant, n: head.assigned + 1, ids: [], parts: [] };
          this.open.set(tenant, target);
        }
        head.assigned += count;
        target.ids.push(...ids);
        target.parts.push(packed.bytes);
        if (target.ids.length >= BLOCK_RECORDS) this.seal(target);
      },
    };
  }

  /** The id of the event at a position of a block not written yet; undefined if the block is written. */
  pendingId(block: number, pos: number): string | undefined {
    for (const b of this.open.values()) if (b.id === block) return b.ids[pos];
    return undefined;
  }

  /** Compresses a block, links it after its tenant's last block, and writes it. */
  private seal(block: OpenBlock): void {
    this.open.delete(block.tenant);
    const data = compressBlock(Buffer.concat(block.parts));
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
