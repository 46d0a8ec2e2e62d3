// The SQLite evidence store: one file per workspace, WAL, schema migrations.
import type { CanonicalEvent } from '../../core/event.ts';
import type { AppendResult, EventFilter, EvidenceStore, ImportRecord, StoreStats, VerifyResult } from '../store.ts';
import { openDb, type Db } from './db.ts';
import { SqliteEvents } from './events.ts';

export class SqliteStore implements EvidenceStore {
  private readonly db: Db;
  private readonly events: SqliteEvents;

  constructor(readonly location: string) {
    this.db = openDb(location);
    this.events = new SqliteEvents(this.db);
  }

  append(events: readonly CanonicalEvent[]): Promise<AppendResult> {
    return Promise.resolve(this.events.append(events));
  }

  queryEvents(filter: EventFilter): AsyncIterable<CanonicalEvent> {
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
    return Promise.resolve(this.events.verify());
  }

  recordImport(record: ImportRecord): Promise<void> {
    this.db
      .prepare('INSERT INTO imports (file, format, started_at, finished_at, summary) VALUES (?,?,?,?,?)')
      .run(record.file, record.format, record.startedAt, record.finishedAt, JSON.stringify(record.summary));
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

  close(): Promise<void> {
    if (this.db.open) {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
    }
    return Promise.resolve();
  }
}
