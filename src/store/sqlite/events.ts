// Events: append-only, deduplicated by (time, event id), chained per tenant by SHA-256 block by block.
// A row holds what filters need (as term ids); the event itself is a record in a compressed block.
import type { CanonicalEvent } from '../../core/event.ts';
import type { AppendResult, EventFilter } from '../store.ts';
import { BlockCache } from './blocks.ts';
import { BlockWriter } from './block-writer.ts';
import { recordCheck } from './chain.ts';
import type { Db } from './db.ts';
import { StringInterner } from './intern.ts';
import { decodeRecord, decodeRecordFields, packRecords, recordText, type RecordText } from './records.ts';
import { MAX_UID32_PROBES, nextUid32, rowFields, uid32Of } from './rows.ts';
import { Terms } from './terms.ts';
import { recordMayHold, searchableInRecord } from './text-search.ts';

/** Group commit bounds: see SqliteEvents.append. */
const GROUP_COMMIT_EVENTS = 20_000;
const GROUP_COMMIT_MS = 1000;

interface FreshEvent {
  event: CanonicalEvent;
  record: RecordText;
  time: number;
  uid32: number;
}

export class SqliteEvents {
  readonly terms: Terms;
  readonly termSets: Terms;
  private readonly blocks: BlockWriter;
  /** Recent blocks, decoded to confirm a duplicate key with the full event id. */
  private readonly storedBlocks: BlockCache;
  /** Events appended since the open group transaction began, and when it began. */
  private grouped = 0;
  private groupStarted = 0;
  private timer: NodeJS.Timeout | undefined;
  private deferred: Error | undefined;
  private readonly stmt;

  constructor(private readonly db: Db) {
    this.terms = new Terms(db);
    this.termSets = new Terms(db, 'term_sets');
    this.blocks = new BlockWriter(db);
    this.stmt = {
      find: db.prepare<[number, number], { block: number; pos: number }>('SELECT block, pos FROM events WHERE time = ? AND uid32 = ?'),
      insertEvent: db.prepare(
        'INSERT INTO events (time, uid32, tenant, action, actor, ip, targets, block, pos, check32) VALUES (?,?,?,?,?,?,?,?,?,?)',
      ),
      block: db.prepare<[number], { codec: number; data: Buffer }>('SELECT codec, data FROM blocks WHERE id = ?'),
    };
    this.storedBlocks = new BlockCache((id) => this.stmt.block.get(id), 2);
  }

  /**
   * Appends run in a savepoint of a write transaction that stays open across appends ("group
   * commit"): it commits after GROUP_COMMIT_EVENTS events or GROUP_COMMIT_MS, whichever comes first,
   * and on commit() (recordImport, close). A killed process loses at most the uncommitted group;
   * re-importing restores it without duplicates. Rows are written at once; records go to their
   * tenant's open block, which is compressed and written when full, and in any case before its group
   * commits.
   *
   * `rawTexts[i]`, when given, is the source's own JSON text of `events[i].raw`: stored as it is.
   */
  append(events: readonly CanonicalEvent[], rawTexts?: ReadonlyArray<string | undefined>): AppendResult {
    this.throwDeferred();
    if (!this.db.inTransaction) {
      // IMMEDIATE: the duplicate check and the inserts see the same file, even with another writer.
      this.db.exec('BEGIN IMMEDIATE');
      this.groupStarted = Date.now();
      this.blocks.reset();
    }
    this.db.exec('SAVEPOINT append');
    let confirmations: Array<() => void>;
    let inserted: number;
    try {
      const fresh = this.freshOf(events, rawTexts);
      inserted = fresh.length;
      confirmations = this.insertRows(fresh);
      this.db.exec('RELEASE append');
    } catch (e) {
      if (this.db.inTransaction) {
        this.db.exec('ROLLBACK TO append');
        this.db.exec('RELEASE append');
      }
      this.terms.forgetUncommitted();
      this.termSets.forgetUncommitted();
      throw e;
    }
    try {
      for (const confirm of confirmations) confirm();
    } catch (e) {
      // A block could not be written, and rows of this group point into it: the group is lost.
      this.rollBack();
      throw e;
    }
    this.grouped += inserted;
    if (this.grouped >= GROUP_COMMIT_EVENTS || Date.now() - this.groupStarted >= GROUP_COMMIT_MS) this.commit();
    else this.commitLater();
    return { inserted, duplicates: events.length - inserted };
  }

  /** The events not stored yet, each with its record and a free key. */
  private freshOf(events: readonly CanonicalEvent[], rawTexts: ReadonlyArray<string | undefined> | undefined): FreshEvent[] {
    const fresh: FreshEvent[] = [];
    /** Keys taken in this batch: uid32 → the times and event ids that took it. */
    const taken = new Map<number, Array<{ time: number; id: string }>>();
    events.forEach((event, i) => {
      const time = Date.parse(event.time);
      let uid32 = uid32Of(event.id);
      for (let probes = 0; ; probes++) {
        if (probes > MAX_UID32_PROBES) throw new Error(`more than ${MAX_UID32_PROBES} events at ${event.time} share a key`);
        const takers = taken.get(uid32);
        const storedId = takers?.find((t) => t.time === time)?.id ?? this.storedIdAt(time, uid32);
        if (storedId === event.id) return; // a duplicate
        if (storedId === undefined) {
          if (takers) takers.push({ time, id: event.id });
          else taken.set(uid32, [{ time, id: event.id }]);
          break;
        }
        uid32 = nextUid32(uid32);
      }
      fresh.push({ event, record: recordText(event, rawTexts?.[i]), time, uid32 });
    });
    return fresh;
  }

  /** The id of the event stored under (time, uid32), if any. */
  private storedIdAt(time: number, uid32: number): string | undefined {
    if (Number.isNaN(time)) return undefined; // the insert refuses it
    const row = this.stmt.find.get(time, uid32);
    if (row === undefined) return undefined;
    const pending = this.blocks.pendingId(row.block, row.pos);
    if (pending !== undefined) return pending;
    const records = this.storedBlocks.get(row.block);
    const record = records instanceof Error ? undefined : records[row.pos];
    // An unreadable record cannot be confirmed: treat the key as taken by another event.
    return record === undefined ? '' : decodeRecordFields(record).id;
  }

  /** The rows of the batch, pointing into each tenant's open block; returns what hands the records over. */
  private insertRows(fresh: readonly FreshEvent[]): Array<() => void> {
    const byTenant = new Map<string, FreshEvent[]>();
    for (const f of fresh) {
      const list = byTenant.get(f.event.tenant);
      if (list) list.push(f);
      else byTenant.set(f.event.tenant, [f]);
    }
    const confirmations: Array<() => void> = [];
    const term = (v: string) => this.terms.id(v);
    for (const [tenant, list] of byTenant) {
      const placement = this.blocks.place(term(tenant), tenant, list.length);
      const packed = packRecords(
        list.map((f) => f.record),
        placement.firstPos > 0,
      );
      list.forEach((f, i) => {
        const check = recordCheck(packed.bytes.subarray(packed.starts[i], packed.ends[i]));
        const row = rowFields(f.event, term);
        const actor = this.termSets.id(row.actor);
        const targets = this.termSets.id(row.targets);
        this.stmt.insertEvent.run(f.time, f.uid32, row.tenant, row.action, actor, row.ip, targets, placement.block, placement.firstPos + i, check);
      });
      confirmations.push(() => placement.confirm(packed, list.map((f) => f.event.id)));
    }
    return confirmations;
  }

  /** Writes the open blocks, so that reads on this connection see every event appended. */
  flush(): void {
    this.blocks.flush();
  }

  /** Writes the open group's blocks, then commits it, if any. */
  commit(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.throwDeferred();
    if (!this.db.inTransaction) return;
    try {
      this.blocks.flush();
      this.db.exec('COMMIT');
    } catch (e) {
      this.rollBack();
      throw e;
    }
    this.grouped = 0;
    this.terms.commit();
    this.termSets.commit();
  }

  /** Drops the whole open group: cached chain heads, blocks and terms may name rows that no longer exist. */
  private rollBack(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.blocks.reset();
    this.storedBlocks.clear();
    this.terms.forgetAll();
    this.termSets.forgetAll();
    this.grouped = 0;
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
      const sets = ids.length === 0 ? [] : this.termSets.setsContaining(ids);
      if (sets.length === 0) return;
      // One JSON parameter, however many sets match: no limit on SQL variables or expression depth.
      where.push(`${column} IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(sets));
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
    if (limit <= 0) return;
    // Filters applied after decoding (text, ids) must see every row: no LIMIT in SQL then.
    const sqlLimit = filter.text === undefined && filter.ids === undefined && Number.isFinite(limit) ? ` LIMIT ${Math.max(0, Math.floor(limit))}` : '';
    // Events of the same time come in the order they were stored (block ids and positions grow).
    const sql = `SELECT block, pos, uid32 FROM events${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY time, block, pos${sqlLimit}`;
    const cache = new BlockCache((id) => this.stmt.block.get(id));
    const needle = filter.text?.toLowerCase();
    const searchable = needle !== undefined && searchableInRecord(needle);
    const strings = new StringInterner();
    // Wanted ids: a row whose key cannot belong to one of them is skipped before its block is read.
    const keys = filter.ids !== undefined ? new Uid32Keys(filter.ids) : undefined;
    let emitted = 0;
    for (const row of this.db.prepare<unknown[], { block: number; pos: number; uid32: number }>(sql).iterate(...params)) {
      if (keys !== undefined && !keys.mayHold(row.uid32)) continue;
      const records = cache.get(row.block);
      if (records instanceof Error) continue;
      const record = records[row.pos];
      if (record === undefined) continue;
      if (needle !== undefined && !recordMayHold(record, needle, searchable)) continue;
      const event = decodeRecord(record, strings);
      if (filter.ids !== undefined && !filter.ids.has(event.id)) continue;
      // The text filter reads the event as JSON, whatever form its record is stored in.
      if (needle !== undefined && !JSON.stringify(event).toLowerCase().includes(needle)) continue;
      yield event;
      if (++emitted >= limit) return;
    }
  }
}

/**
 * The row keys the events of some ids can have: an event's key is its id's uid32, or one of the next
 * MAX_UID32_PROBES values when other events at the same time took it. Sorted, so a row's key is
 * checked by a binary search instead of a set of every possible key.
 */
class Uid32Keys {
  private readonly bases: Int32Array;

  constructor(ids: ReadonlySet<string>) {
    this.bases = Int32Array.from([...ids].map(uid32Of)).sort();
  }

  mayHold(key: number): boolean {
    const b = this.bases;
    if (b.length === 0) return false;
    let lo = 0;
    let hi = b.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (b[mid]! <= key) lo = mid + 1;
      else hi = mid;
    }
    // The nearest id key at or below this key; and the largest, since a probe can wrap past 2^31 - 1.
    return (lo > 0 && near(b[lo - 1]!, key)) || near(b[b.length - 1]!, key);
  }
}

function near(base: number, key: number): boolean {
  const gap = (key - base) | 0;
  return gap >= 0 && gap <= MAX_UID32_PROBES;
}
