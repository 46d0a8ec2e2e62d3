// The SQLite evidence store: one file per workspace, WAL, schema migrations.
import type { CanonicalEvent } from '../../core/event.ts';
import type { Snapshot } from '../../core/snapshot.ts';
import type { AppendResult, EventFilter, EvidenceStore, ImportRecord, StoreStats, VerifyResult } from '../store.ts';
import { openDb, type Db, type OpenDbOptions } from './db.ts';
import { SqliteEvents } from './events.ts';
import { SqliteSnapshots } from './snapshots.ts';
import { Verifier } from './verify.ts';

export class SqliteStore implements EvidenceStore {
  private readonly db: Db;
  private readonly events: SqliteEvents;
  private readonly snapshots: SqliteSnapshots;

  constructor(
    readonly location: string,
    options: OpenDbOptions = {},
  ) {
    this.db = openDb(location, options);
    this.events = new SqliteEvents(this.db);
    this.snapshots = new SqliteSnapshots(this.db);
  }

  append(events: readonly CanonicalEvent[], rawTexts?: ReadonlyArray<string | undefined>): Promise<AppendResult> {
    return Promise.resolve(this.events.append(events, rawTexts));
  }

  queryEvents(filter: EventFilter): AsyncIterable<CanonicalEvent> {
    // Open blocks are written first, so the query sees every event appended before it.
    this.events.flush();
    const rows = this.events.query(filter);
    // SQLite reads synchronously; the async shape is for stores that cannot.
    return {
      [Symbol.asyncIterator]: () => ({
        next: () => Promise.resolve(rows.next()),
        return: () => Promise.resolve(rows.return(undefined)),
      }),
    };
  }

  verify(): Promise<VerifyResult> {
    this.events.flush();
    return Promise.resolve(new Verifier(this.db, this.events.terms, this.events.termSets).run());
  }

  recordImport(record: ImportRecord): Promise<void> {
    this.db
      .prepare('INSERT INTO imports (file, format, started_at, finished_at, summary) VALUES (?,?,?,?,?)')
      .run(record.file, record.format, record.startedAt, record.finishedAt, JSON.stringify(record.summary));
    // The import is over: make its events durable now rather than at the next group commit.
    this.events.commit();
    return Promise.resolve();
  }

  stats(): Promise<StoreStats> {
    const row = this.db
      .prepare<[], { events: number; tenants: number; first: number | null; last: number | null }>(
        'SELECT count(*) AS events, count(DISTINCT tenant) AS tenants, min(time) AS first, max(time) AS last FROM events',
      )
      .get()!;
    return Promise.resolve({
      events: row.events,
      tenants: row.tenants,
      ...(row.first !== null ? { first: new Date(row.first).toISOString() } : {}),
      ...(row.last !== null ? { last: new Date(row.last).toISOString() } : {}),
    });
  }

  eventTenants(): Promise<string[]> {
    this.events.flush();
    // Each tenant with events has its chain head: one row per tenant, not a scan of the events.
    const rows = this.db.prepare<[], string>('SELECT t.value FROM chain_heads h JOIN terms t ON t.id = h.tenant ORDER BY t.value').pluck().all();
    return Promise.resolve(rows);
  }

  saveSnapshot(snapshot: Snapshot): Promise<void> {
    this.snapshots.save(snapshot);
    return Promise.resolve();
  }

  snapshotTenants(): Promise<string[]> {
    return Promise.resolve(this.snapshots.tenants());
  }

  latestSnapshots(tenant: string, count: number): Promise<Snapshot[]> {
    return Promise.resolve(this.snapshots.latest(tenant, count));
  }

  getCursor(scope: string, key: string): Promise<string | undefined> {
    return Promise.resolve(this.snapshots.getCursor(scope, key));
  }

  /** Written on the same connection after the events it covers, so it never gets ahead of them. */
  setCursor(scope: string, key: string, value: string): Promise<void> {
    this.snapshots.setCursor(scope, key, value);
    return Promise.resolve();
  }

  close(): Promise<void> {
    if (this.db.open) {
      this.events.commit();
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
    }
    return Promise.resolve();
  }
}
