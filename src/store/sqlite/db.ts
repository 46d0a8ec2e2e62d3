// Opens the SQLite evidence file and brings its schema up to date.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { TakebackError } from '../../core/errors.ts';

export type Db = Database.Database;

const migrationsDir = new URL('./migrations/', import.meta.url);

function migrations(): Array<{ version: number; sql: string }> {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{3}-.*\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), sql: readFileSync(new URL(f, migrationsDir), 'utf8') }));
}

/** The first schema with events in format 2; earlier ones kept them in format 1 (migration 001). */
const EVENTS_FORMAT_2 = 3;

/**
 * Migration 003 replaces format 1's event tables, so it may only run while they are empty: a store
 * that holds format-1 events is refused, never rewritten (its chain would have to be re-signed).
 */
function refuseOldEvents(db: Db, path: string, current: number): void {
  if (current === 0 || current >= EVENTS_FORMAT_2) return;
  const hasEvents = db.prepare('SELECT 1 FROM events LIMIT 1').get() !== undefined;
  if (!hasEvents) return;
  db.close();
  throw new TakebackError('store.old_format', { path, version: current });
}

export interface OpenDbOptions {
  /** Refuse a path that holds no store, instead of creating one (commands that only read). */
  mustExist?: boolean;
}

export function openDb(path: string, options: OpenDbOptions = {}): Db {
  if (options.mustExist && !existsSync(path)) throw new TakebackError('store.not_found', { path });
  mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
  } catch (cause) {
    throw new TakebackError('store.open_failed', { path, detail: (cause as Error).message }, { cause });
  }
  // NORMAL is durable across a killed process in WAL mode; only a power cut may lose the last commit.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // 16 MiB of page cache (default 2 MiB): holds the pages a group commit dirties, and keeps an
  // import's peak RSS in budget (bench/README.md).
  db.pragma('cache_size = -16384');
  const all = migrations();
  const latest = all.at(-1)?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    db.close();
    throw new TakebackError('store.too_new', { path, version: current, supported: latest });
  }
  refuseOldEvents(db, path, current);
  let migrated = false;
  if (current < latest) {
    // IMMEDIATE, with the version read again inside: when another process opens the same new store
    // at the same moment, one migrates it and the other then finds nothing left to do.
    db.transaction(() => {
      const now = db.pragma('user_version', { simple: true }) as number;
      for (const m of all) {
        if (m.version <= now) continue;
        db.exec(m.sql);
        db.pragma(`user_version = ${m.version}`);
        migrated = true;
      }
    }).immediate();
  }
  // The schema goes into the database file now, so that the write-ahead log holds only evidence
  // written after opening (a fresh store's migrations alone wrote ~78 KB of it).
  if (migrated) db.pragma('wal_checkpoint(TRUNCATE)');
  return db;
}
