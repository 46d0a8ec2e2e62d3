// Snapshots and collection cursors.
import { createHash } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import type { Snapshot } from '../../core/snapshot.ts';
import type { Db } from './db.ts';

export class SqliteSnapshots {
  constructor(private readonly db: Db) {}

  save(snapshot: Snapshot): void {
    const json = JSON.stringify(snapshot);
    this.db
      .prepare('INSERT INTO snapshots (tenant, provider, collected_at, sha256, data) VALUES (?,?,?,?,?)')
      .run(snapshot.tenant, snapshot.provider, snapshot.collectedAt, createHash('sha256').update(json).digest(), brotliCompressSync(json));
  }

  /** The newest snapshots of a tenant, newest first. */
  latest(tenant: string, count: number): Snapshot[] {
    return this.db
      .prepare<[string, number], { data: Buffer }>('SELECT data FROM snapshots WHERE tenant = ? ORDER BY collected_at DESC, id DESC LIMIT ?')
      .all(tenant, count)
      .map((r) => JSON.parse(brotliDecompressSync(r.data).toString('utf8')) as Snapshot);
  }

  tenants(): string[] {
    return this.db.prepare<[], string>('SELECT DISTINCT tenant FROM snapshots ORDER BY tenant').pluck().all();
  }

  /** Snapshots whose stored hash no longer matches their content. */
  altered(): Array<{ tenant: string; collectedAt: string }> {
    const out: Array<{ tenant: string; collectedAt: string }> = [];
    for (const r of this.db
      .prepare<[], { tenant: string; collected_at: string; sha256: Buffer; data: Buffer }>('SELECT tenant, collected_at, sha256, data FROM snapshots ORDER BY id')
      .iterate()) {
      let ok: boolean;
      try {
        ok = createHash('sha256').update(brotliDecompressSync(r.data)).digest().equals(r.sha256);
      } catch {
        ok = false;
      }
      if (!ok) out.push({ tenant: r.tenant, collectedAt: r.collected_at });
    }
    return out;
  }

  getCursor(tenant: string, key: string): string | undefined {
    return this.db.prepare<[string, string], string>('SELECT value FROM cursors WHERE tenant = ? AND key = ?').pluck().get(tenant, key);
  }

  setCursor(tenant: string, key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO cursors (tenant, key, value, updated_at) VALUES (?,?,?,?) ON CONFLICT(tenant, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      )
      .run(tenant, key, value, new Date().toISOString());
  }
}
