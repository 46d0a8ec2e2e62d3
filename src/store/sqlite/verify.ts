// Verification: walks every tenant's chain block by block, recomputes each link from the block's
// stored bytes, and checks every row against the record it points to. A changed record is named by
// its check (kept in its row), a changed row by its columns; a deleted row leaves its record in the
// block, which names the event that was removed.
import { createHash, type Hash } from 'node:crypto';
import type { VerifyProblem, VerifyResult } from '../store.ts';
import { decodeBlockBytes, splitRecords } from './blocks.ts';
import { genesisHash, linkHash, recordCheck } from './chain.ts';
import type { Db } from './db.ts';
import { decodeRecordFields } from './records.ts';
import { MAX_UID32_PROBES, rowFields, uid32Of } from './rows.ts';
import type { Terms } from './terms.ts';

interface BlockRow {
  id: number;
  tenant: number;
  n: number;
  count: number;
  codec: number;
  hash: Buffer;
  data: Buffer;
}

interface EventRow {
  time: number;
  uid32: number;
  tenant: number;
  action: number;
  actor: number;
  ip: number | null;
  targets: number;
  block: number;
  pos: number;
  check32: number;
}

interface ChainState {
  name: string;
  /** Chain positions walked so far. */
  n: number;
  /** The last link. */
  hash: Buffer;
  /** SHA-256 of all records in chain order: the same events in the same order give the same head. */
  head: Hash;
}

export class Verifier {
  private readonly problems: VerifyProblem[] = [];
  /** Rows whose block is gone, per block id: one problem each, its params written once all are counted. */
  private readonly orphans = new Map<number, { problem: VerifyProblem; rows: number; first: number; last: number }>();
  private readonly state = new Map<number, ChainState>();

  constructor(
    private readonly db: Db,
    private readonly terms: Terms,
    private readonly termSets: Terms,
  ) {}

  run(): VerifyResult {
    const blocks = this.db.prepare<[], BlockRow>('SELECT id, tenant, n, count, codec, hash, data FROM blocks ORDER BY id').iterate();
    const rows = this.db.prepare<[], EventRow>('SELECT * FROM events ORDER BY block, pos').iterate();
    let row = rows.next();
    for (const block of blocks) {
      const group: EventRow[] = [];
      for (; !row.done && row.value.block <= block.id; row = rows.next()) {
        if (row.value.block < block.id) this.orphan(row.value);
        else group.push(row.value);
      }
      this.block(block, group);
    }
    for (; !row.done; row = rows.next()) this.orphan(row.value);
    this.describeOrphans();
    this.heads();
    const tenants = [...this.state.values()].map((s) => ({ tenant: s.name, events: s.n, head: s.head.digest('hex') }));
    return { ok: this.problems.length === 0, tenants, problems: this.problems };
  }

  private stateOf(tenant: number): ChainState {
    let st = this.state.get(tenant);
    if (!st) {
      const name = this.terms.value(tenant) ?? `#${tenant}`;
      st = { name, n: 0, hash: genesisHash(name), head: createHash('sha256') };
      this.state.set(tenant, st);
    }
    return st;
  }

  /** Chain positions with no record: one problem for a run of them (a deleted block leaves thousands). */
  private missing(st: ChainState, from: number, to: number): void {
    if (to < from) return;
    if (to === from) this.problems.push({ kind: 'deleted', tenant: st.name, position: from, reason: 'chain_gap', params: { position: from } });
    else this.problems.push({ kind: 'deleted', tenant: st.name, position: from, reason: 'chain_gap_range', params: { from, to, count: to - from + 1 } });
  }

  /**
   * A row whose block does not exist. The block's chain positions are reported as missing by the gap
   * it leaves; its rows are told once per block (how many, and the time they span), not once each.
   */
  private orphan(row: EventRow): void {
    const seen = this.orphans.get(row.block);
    if (seen !== undefined) {
      seen.rows++;
      seen.first = Math.min(seen.first, row.time);
      seen.last = Math.max(seen.last, row.time);
      return;
    }
    const st = this.stateOf(row.tenant);
    const problem: VerifyProblem = { kind: 'unreadable', tenant: st.name, position: st.n + 1 + row.pos, reason: 'block_missing', params: {} };
    this.problems.push(problem);
    this.orphans.set(row.block, { problem, rows: 1, first: row.time, last: row.time });
  }

  private describeOrphans(): void {
    for (const [block, o] of this.orphans) {
      o.problem.params = { block, count: o.rows, first: new Date(o.first).toISOString(), last: new Date(o.last).toISOString() };
    }
  }

  private block(block: BlockRow, rows: EventRow[]): void {
    const st = this.stateOf(block.tenant);
    const name = st.name;
    if (block.n <= st.n) {
      this.problems.push({ kind: 'inserted', tenant: name, position: block.n, reason: 'block_repeats_position', params: { block: block.id, position: block.n } });
      return;
    }
    // Without the blocks before it, a block's link cannot be checked: resume the chain from it.
    const linked = block.n === st.n + 1;
    if (!linked) this.missing(st, st.n + 1, block.n - 1);
    const last = block.n + block.count - 1;
    let records: Buffer[];
    try {
      records = splitRecords(decodeBlockBytes(block.codec, block.data));
    } catch {
      for (const r of rows) {
        this.problems.push({ kind: 'unreadable', tenant: name, position: block.n + r.pos, reason: 'block_unreadable', params: { block: block.id } });
      }
      st.n = last;
      st.hash = block.hash;
      return;
    }
    for (const record of records) st.head.update(record).update('\n');
    const byPos = new Map<number, EventRow[]>();
    for (const r of rows) {
      if (r.pos >= records.length || r.pos < 0 || r.tenant !== block.tenant) {
        this.problems.push({ kind: 'inserted', tenant: name, position: block.n + r.pos, reason: 'row_outside_block', params: { record: r.pos, block: block.id } });
      } else byPos.set(r.pos, [...(byPos.get(r.pos) ?? []), r]);
    }
    let named = false;
    records.forEach((record, pos) => {
      const position = block.n + pos;
      let fields: ReturnType<typeof decodeRecordFields>;
      try {
        fields = decodeRecordFields(record.toString('utf8'));
      } catch {
        named = true;
        this.problems.push({ kind: 'unreadable', tenant: name, position, reason: 'record_unreadable', params: { record: pos, block: block.id } });
        return;
      }
      const about = { tenant: name, position, eventId: fields.id, time: fields.time, action: fields.action };
      const candidates = byPos.get(pos);
      if (candidates === undefined) {
        this.problems.push({ kind: 'deleted', ...about, reason: 'chain_gap', params: { position } });
        return;
      }
      const check = recordCheck(record);
      const expected = rowFields(fields, (v) => this.terms.find(v) ?? -1);
      const key = uid32Of(fields.id);
      const columnsMatch = (r: EventRow) =>
        r.time === expected.time &&
        r.action === expected.action &&
        r.actor === (this.termSets.find(expected.actor) ?? -1) &&
        r.ip === expected.ip &&
        r.targets === (this.termSets.find(expected.targets) ?? -1) &&
        (r.uid32 - key) >>> 0 <= MAX_UID32_PROBES;
      const genuine = candidates.find((r) => r.check32 === check && columnsMatch(r));
      for (const r of candidates) {
        if (r === genuine) continue;
        if (genuine === undefined && r === candidates[0]) {
          named = true;
          this.problems.push({ kind: 'edited', ...about, reason: r.check32 !== check ? 'content_mismatch' : 'columns_mismatch', params: {} });
        } else this.problems.push({ kind: 'inserted', tenant: name, position, reason: 'second_row', params: { position } });
      }
    });
    if (records.length !== block.count || (linked && !linkHash(st.hash, block.data).equals(block.hash))) {
      if (!named) this.problems.push({ kind: 'edited', tenant: name, position: block.n, reason: 'block_hash_mismatch', params: { block: block.id } });
    }
    st.n = last;
    st.hash = block.hash;
  }

  /**
   * Blocks deleted at the end of a chain leave no gap: the chain head still remembers them. Every
   * block is written with its tenant's head, so a chain without one had it deleted (and with it
   * what would show such a deletion).
   */
  private heads(): void {
    const heads = this.db.prepare<[], { tenant: number; count: number; hash: Buffer }>('SELECT tenant, count, hash FROM chain_heads').all();
    const headed = new Set(heads.map((h) => h.tenant));
    for (const [tenant, st] of this.state) {
      if (!headed.has(tenant) && st.n > 0) this.problems.push({ kind: 'edited', tenant: st.name, position: st.n, reason: 'head_missing', params: {} });
    }
    for (const head of heads) {
      const st = this.stateOf(head.tenant);
      this.missing(st, st.n + 1, head.count);
      if (st.n === head.count && !st.hash.equals(head.hash)) {
        this.problems.push({ kind: 'edited', tenant: st.name, position: head.count, reason: 'head_mismatch', params: {} });
      }
    }
  }
}
