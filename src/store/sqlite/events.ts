// Events: append-only, deduplicated by the event's stable id, chained per tenant by SHA-256.
// A row holds what filters need (as term ids); the full event lives in a compressed block.
import { createHash } from 'node:crypto';
import type { CanonicalEvent } from '../../core/event.ts';
import type { AppendResult, EventFilter, VerifyProblem, VerifyResult } from '../store.ts';
import { BlockCache, CODEC_BROTLI, compressBytes, packDocs } from './blocks.ts';
import type { Db } from './db.ts';
import { Terms } from './terms.ts';

interface EventRow {
  seq: number;
  uid: Buffer;
  tenant: number;
  n: number;
  time: number;
  action: number;
  actor: string;
  ip: number | null;
  targets: string;
  block: number;
  pos: number;
  hash: Buffer;
}

/** Group commit bounds: see SqliteEvents.append. */
const GROUP_COMMIT_EVENTS = 20_000;
const GROUP_COMMIT_MS = 1000;

interface ChainHead {
  count: number;
  lastSeq: number;
  hash: Buffer;
}

export function genesisHash(tenant: string): Buffer {
  return createHash('sha256').update(`takeback-chain-v1\u0000${tenant}`).digest();
}

export function chainHash(prev: Buffer, doc: string): Buffer {
  return createHash('sha256').update(prev).update(doc, 'utf8').digest();
}

/** chainHash over the document's UTF-8 bytes, as they sit in the block being written. */
function chainHashBytes(prev: Buffer, doc: Uint8Array): Buffer {
  return createHash('sha256').update(prev).update(doc).digest();
}

/** Event ids are 32 hex characters; anything else (a foreign id) is hashed to the same width. */
export function uidOf(id: string): Buffer {
  if (/^[0-9a-f]{32}$/.test(id)) return Buffer.from(id, 'hex');
  return createHash('sha256').update(id).digest().subarray(0, 16);
}

/** Term ids joined as `,1,5,`: lets a filter match any of several values with one LIKE. */
function termList(ids: Iterable<number>): string {
  const unique = [...new Set(ids)];
  return unique.length === 0 ? ',' : `,${unique.join(',')},`;
}

/** The row's filter columns, derived from the event alone, so verify can recompute them. */
function rowFieldsWith(event: CanonicalEvent, term: (value: string) => number) {
  const actorTerms = [event.actor.name, event.actor.id].filter((v): v is string => !!v).map(term);
  const targetTerms: number[] = [];
  for (const target of event.targets) {
    if (target.name) targetTerms.push(term(target.name));
    if (target.id) targetTerms.push(term(target.id));
  }
  return {
    tenant: term(event.tenant),
    time: Date.parse(event.time),
    action: term(event.action),
    actor: termList(actorTerms),
    ip: event.actor.ip ? term(event.actor.ip) : null,
    targets: termList(targetTerms),
  };
}

export class SqliteEvents {
  private readonly terms: Terms;
  private readonly heads = new Map<number, ChainHead>();
  /** Reused between appends for the block's uncompressed bytes. */
  private scratch: Buffer | undefined;
  /** Events appended since the open group transaction began, and when it began. */
  private grouped = 0;
  private groupStarted = 0;
  private timer: NodeJS.Timeout | undefined;
  private deferred: Error | undefined;
  private readonly stmt;

  constructor(private readonly db: Db) {
    this.terms = new Terms(db);
    this.stmt = {
      exists: db.prepare<[Buffer], number>('SELECT 1 FROM events WHERE uid = ?').pluck(),
      insertBlock: db.prepare<[number, Buffer]>('INSERT INTO blocks (codec, data) VALUES (?, ?)'),
      insertEvent: db.prepare(
        'INSERT INTO events (uid, tenant, n, time, action, actor, ip, targets, block, pos, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
      ),
      head: db.prepare<[number], { count: number; last_seq: number; hash: Buffer }>(
        'SELECT count, last_seq, hash FROM chain_heads WHERE tenant = ?',
      ),
      upsertHead: db.prepare(
        'INSERT INTO chain_heads (tenant, count, last_seq, hash) VALUES (?,?,?,?) ON CONFLICT(tenant) DO UPDATE SET count = excluded.count, last_seq = excluded.last_seq, hash = excluded.hash',
      ),
      block: db.prepare<[number], { codec: number; data: Buffer }>('SELECT codec, data FROM blocks WHERE id = ?'),
    };
  }

  private headOf(tenantTerm: number, tenant: string): ChainHead {
    let head = this.heads.get(tenantTerm);
    if (!head) {
      const row = this.stmt.head.get(tenantTerm);
      head = row
        ? { count: row.count, lastSeq: row.last_seq, hash: row.hash }
        : { count: 0, lastSeq: 0, hash: genesisHash(tenant) };
      this.heads.set(tenantTerm, head);
    }
    return head;
  }

  /**
   * Appends run in a savepoint of a write transaction that stays open across appends ("group
   * commit"): it commits after GROUP_COMMIT_EVENTS events or GROUP_COMMIT_MS, whichever comes first,
   * and on commit() (recordImport, close). One commit per batch would rewrite the random pages of
   * the uid index every 1,000 events: about 8 KB written per event at 1M events (bench/README.md).
   * A killed process loses at most the uncommitted group; re-importing restores it without duplicates.
   */
  append(events: readonly CanonicalEvent[]): AppendResult {
    this.throwDeferred();
    if (!this.db.inTransaction) {
      // IMMEDIATE: the duplicate check and the inserts see the same file, even with another writer.
      this.db.exec('BEGIN IMMEDIATE');
      this.groupStarted = Date.now();
    }
    this.db.exec('SAVEPOINT append');
    let inserted: number;
    let duplicates = 0;
    try {
      const seen = new Set<string>();
      const fresh: Array<{ event: CanonicalEvent; uid: Buffer }> = [];
      const docs: string[] = [];
      for (const event of events) {
        const uid = uidOf(event.id);
        const key = uid.toString('latin1');
        if (seen.has(key) || this.stmt.exists.get(uid) !== undefined) {
          duplicates++;
          continue;
        }
        seen.add(key);
        fresh.push({ event, uid });
        docs.push(JSON.stringify(event));
      }
      if (fresh.length > 0) this.insert(fresh, docs);
      this.db.exec('RELEASE append');
      inserted = fresh.length;
    } catch (e) {
      if (this.db.inTransaction) {
        this.db.exec('ROLLBACK TO append');
        this.db.exec('RELEASE append');
      }
      // Forget cached heads and terms so they are re-read from the file.
      this.heads.clear();
      this.terms.forgetUncommitted();
      throw e;
    }
    this.grouped += inserted;
    if (this.grouped >= GROUP_COMMIT_EVENTS || Date.now() - this.groupStarted >= GROUP_COMMIT_MS) this.commit();
    else this.commitLater();
    return { inserted, duplicates };
  }

  /** One block for the batch, then its rows, each hashed onto its tenant's chain. */
  private insert(fresh: ReadonlyArray<{ event: CanonicalEvent; uid: Buffer }>, docs: readonly string[]): void {
    // The block's bytes, written once: compressed as a whole, and hashed document by document.
    const packed = packDocs(docs, this.scratch);
    this.scratch = packed.buffer;
    const bytes = packed.buffer.subarray(0, packed.length);
    const blockId = Number(this.stmt.insertBlock.run(CODEC_BROTLI, compressBytes(bytes)).lastInsertRowid);
    const touched = new Set<number>();
    fresh.forEach(({ event, uid }, pos) => {
      const row = this.rowFields(event);
      const head = this.headOf(row.tenant, event.tenant);
      const hash = chainHashBytes(head.hash, bytes.subarray(pos === 0 ? 0 : packed.ends[pos - 1]! + 1, packed.ends[pos]));
      const info = this.stmt.insertEvent.run(uid, row.tenant, head.count + 1, row.time, row.action, row.actor, row.ip, row.targets, blockId, pos, hash);
      head.count++;
      head.lastSeq = Number(info.lastInsertRowid);
      head.hash = hash;
      touched.add(row.tenant);
    });
    for (const tenant of touched) {
      const h = this.heads.get(tenant)!;
      this.stmt.upsertHead.run(tenant, h.count, h.lastSeq, h.hash);
    }
  }

  /** Commits the open group, if any. */
  commit(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.throwDeferred();
    if (!this.db.inTransaction) return;
    try {
      this.db.exec('COMMIT');
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      // The whole group is gone: terms cached since it began may name rows that no longer exist.
      this.heads.clear();
      this.terms.forgetAll();
      throw e;
    }
    this.grouped = 0;
    this.terms.commit();
  }

  /** A group left open by a last append commits on its own shortly after, so other readers see it. */
  private commitLater(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        if (this.db.open) this.commit();
      } catch (e) {
        // Reported by the next append or commit, where the caller can handle it.
        this.deferred = e instanceof Error ? e : new Error(String(e));
      }
    }, GROUP_COMMIT_MS);
    this.timer.unref();
  }

  private throwDeferred(): void {
    const e = this.deferred;
    if (e === undefined) return;
    this.deferred = undefined;
    throw e;
  }

  /** Filter columns for a new row: unknown strings become new terms. */
  private rowFields(event: CanonicalEvent) {
    return rowFieldsWith(event, (v) => this.terms.id(v));
  }

  *query(filter: EventFilter): Generator<CanonicalEvent> {
    const where: string[] = [];
    const params: Array<string | number> = [];
    const t = this.terms;
    if (filter.tenant !== undefined) {
      const id = t.find(filter.tenant);
      if (id === undefined) return;
      where.push('tenant = ?');
      params.push(id);
    }
    if (filter.actions?.length) {
      const ids = filter.actions.flatMap((a) => (a.endsWith('*') ? t.matchingPrefix(a.slice(0, -1)) : (t.find(a) ?? [])));
      if (ids.length === 0) return;
      where.push(`action IN (${ids.map(() => '?').join(',')})`);
      params.push(...ids);
    }
    for (const [column, needle] of [
      ['actor', filter.actor],
      ['targets', filter.target],
    ] as const) {
      if (needle === undefined) continue;
      const ids = t.matchingSubstring(needle);
      if (ids.length === 0) return;
      where.push(`(${ids.map(() => `${column} LIKE ?`).join(' OR ')})`);
      params.push(...ids.map((id) => `%,${id},%`));
    }
    if (filter.ip !== undefined) {
      const id = t.find(filter.ip);
      if (id === undefined) return;
      where.push('ip = ?');
      params.push(id);
    }
    if (filter.since !== undefined) {
      where.push('time >= ?');
      params.push(Date.parse(filter.since));
    }
    if (filter.until !== undefined) {
      where.push('time <= ?');
      params.push(Date.parse(filter.until));
    }
    const limit = filter.limit ?? Infinity;
    const sqlLimit = filter.text === undefined && Number.isFinite(limit) ? ` LIMIT ${Math.max(0, Math.floor(limit))}` : '';
    const sql = `SELECT block, pos FROM events${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY time, seq${sqlLimit}`;
    const cache = new BlockCache((id) => this.stmt.block.get(id));
    const needle = filter.text?.toLowerCase();
    let emitted = 0;
    for (const row of this.db.prepare<unknown[], { block: number; pos: number }>(sql).iterate(...params)) {
      const docs = cache.get(row.block);
      if (docs instanceof Error) continue;
      const doc = docs[row.pos];
      if (doc === undefined) continue;
      if (needle !== undefined && !doc.toLowerCase().includes(needle)) continue;
      yield JSON.parse(doc) as CanonicalEvent;
      if (++emitted >= limit) return;
    }
  }

  verify(): VerifyResult {
    const problems: VerifyProblem[] = [];
    const cache = new BlockCache((id) => this.stmt.block.get(id), 2);
    const state = new Map<number, { name: string; n: number; hash: Buffer }>();
    const referenced = new Map<number, Set<number>>();
    const gaps = new Map<string, VerifyProblem[]>();
    const rows = this.db.prepare<[], EventRow>('SELECT * FROM events ORDER BY seq').iterate();
    for (const row of rows) {
      const name = this.terms.value(row.tenant) ?? `#${row.tenant}`;
      let st = state.get(row.tenant);
      if (!st) {
        st = { name, n: 0, hash: genesisHash(name) };
        state.set(row.tenant, st);
      }
      let refs = referenced.get(row.block);
      if (!refs) referenced.set(row.block, (refs = new Set()));
      refs.add(row.pos);

      if (row.n <= st.n) {
        problems.push({ kind: 'inserted', tenant: name, position: row.n, detail: `row ${row.seq} repeats chain position ${row.n}` });
        continue;
      }
      if (row.n > st.n + 1) {
        for (let missing = st.n + 1; missing < row.n; missing++) {
          const p: VerifyProblem = { kind: 'deleted', tenant: name, position: missing, detail: `chain position ${missing} is missing` };
          problems.push(p);
          gaps.set(name, [...(gaps.get(name) ?? []), p]);
        }
        // Without the deleted event its successor cannot be checked: resume the chain from its stored hash.
        st.n = row.n;
        st.hash = row.hash;
        continue;
      }
      st.n = row.n;
      const docs = cache.get(row.block);
      const doc = docs instanceof Error ? undefined : docs[row.pos];
      if (doc === undefined) {
        problems.push({ kind: 'unreadable', tenant: name, position: row.n, detail: `stored record for row ${row.seq} cannot be read` });
        st.hash = row.hash;
        continue;
      }
      const expected = chainHash(st.hash, doc);
      const event = JSON.parse(doc) as CanonicalEvent;
      const fields = this.rowFieldsReadOnly(event);
      const columnsMatch =
        uidOf(event.id).equals(row.uid) &&
        fields.tenant === row.tenant &&
        fields.time === row.time &&
        fields.action === row.action &&
        fields.actor === row.actor &&
        fields.ip === row.ip &&
        fields.targets === row.targets;
      if (!expected.equals(row.hash) || !columnsMatch) {
        problems.push({
          kind: 'edited',
          tenant: name,
          position: row.n,
          eventId: event.id,
          time: event.time,
          action: event.action,
          detail: !expected.equals(row.hash) ? 'content does not match its hash' : 'indexed columns do not match the stored record',
        });
      }
      st.hash = row.hash;
    }

    // Events deleted at the end of a chain leave no gap: the chain head still remembers them.
    const heads = this.db.prepare<[], { tenant: number; count: number; hash: Buffer }>('SELECT tenant, count, hash FROM chain_heads').all();
    for (const head of heads) {
      const name = this.terms.value(head.tenant) ?? `#${head.tenant}`;
      const st = state.get(head.tenant) ?? { name, n: 0, hash: genesisHash(name) };
      for (let missing = st.n + 1; missing <= head.count; missing++) {
        const p: VerifyProblem = { kind: 'deleted', tenant: name, position: missing, detail: `chain position ${missing} is missing` };
        problems.push(p);
        gaps.set(name, [...(gaps.get(name) ?? []), p]);
      }
      if (st.n === head.count && !st.hash.equals(head.hash)) {
        problems.push({ kind: 'edited', tenant: name, position: head.count, detail: 'chain head does not match the last event' });
      }
    }

    this.nameDeletedEvents(referenced, gaps);
    const tenants = [...state.values()].map((s) => ({ tenant: s.name, events: s.n, head: s.hash.toString('hex') }));
    return { ok: problems.length === 0, tenants, problems };
  }

  /** A deleted row leaves its record in its block: use it to say which event was removed. */
  private nameDeletedEvents(referenced: Map<number, Set<number>>, gaps: Map<string, VerifyProblem[]>): void {
    if (gaps.size === 0) return;
    const cache = new BlockCache((id) => this.stmt.block.get(id), 1);
    const blockIds = this.db.prepare<[], number>('SELECT id FROM blocks ORDER BY id').pluck().all();
    for (const id of blockIds) {
      const docs = cache.get(id);
      if (docs instanceof Error) continue;
      const refs = referenced.get(id);
      docs.forEach((doc, pos) => {
        if (refs?.has(pos)) return;
        const event = JSON.parse(doc) as CanonicalEvent;
        const gap = gaps.get(event.tenant)?.find((p) => p.eventId === undefined);
        if (!gap) return;
        gap.eventId = event.id;
        gap.time = event.time;
        gap.action = event.action;
      });
    }
  }

  /** Filter columns as they should be for a stored event, without adding terms. */
  private rowFieldsReadOnly(event: CanonicalEvent) {
    return rowFieldsWith(event, (v) => this.terms.find(v) ?? -1);
  }
}
