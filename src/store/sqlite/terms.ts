// Terms: each distinct string (tenant, action, actor, target, IP) stored once and referred to by id.
// The same class keeps term sets (an event's actor or target terms, as `,1,5,`), so that a row refers
// to its actor's and its targets' terms with one small integer each.
import type { Db } from './db.ts';

/** About 10 MiB of cached terms; a miss costs one indexed SELECT. */
const MAX_CACHED = 50_000;
/**
 * The cache also holds at most this many characters of terms, and no term longer than
 * MAX_CACHED_TERM_CHARS: an export whose every actor name is 1 MB long once kept 400 MB of them.
 */
const MAX_CACHED_CHARS = 8 * 1024 * 1024;
const MAX_CACHED_TERM_CHARS = 64 * 1024;

export class Terms {
  private readonly ids = new Map<string, number>();
  private readonly values = new Map<number, string>();
  private cachedChars = 0;
  /** Terms inserted in the open transaction: dropped from the cache if it rolls back. */
  private pending: string[] = [];
  private readonly stmt;

  /** `table` has `id INTEGER PRIMARY KEY` and `value TEXT NOT NULL UNIQUE`. */
  constructor(
    private readonly db: Db,
    private readonly table: 'terms' | 'term_sets' = 'terms',
  ) {
    this.stmt = {
      find: db.prepare<[string], number>(`SELECT id FROM ${table} WHERE value = ?`).pluck(),
      value: db.prepare<[number], string>(`SELECT value FROM ${table} WHERE id = ?`).pluck(),
      insert: db.prepare<[string]>(`INSERT INTO ${table} (value) VALUES (?)`),
    };
  }

  /** The id of a term, creating it (inside the caller's transaction) if it is new. */
  id(value: string): number {
    const known = this.find(value);
    if (known !== undefined) return known;
    const id = Number(this.stmt.insert.run(value).lastInsertRowid);
    this.remember(value, id);
    this.pending.push(value);
    return id;
  }

  find(value: string): number | undefined {
    const cached = this.ids.get(value);
    if (cached !== undefined) return cached;
    const id = this.stmt.find.get(value);
    if (id !== undefined) this.remember(value, id);
    return id;
  }

  value(id: number): string | undefined {
    const cached = this.values.get(id);
    if (cached !== undefined) return cached;
    const value = this.stmt.value.get(id);
    if (value !== undefined) this.remember(value, id);
    return value;
  }

  /**
   * Ids of terms containing `needle`, ignoring case in every script (for actor and target filters):
   * compared here, since SQLite's lower() only folds ASCII (`ÉRIC` would not find `éric`).
   */
  matchingSubstring(needle: string): number[] {
    const lower = needle.toLowerCase();
    const found: number[] = [];
    for (const row of this.db.prepare<[], { id: number; value: string }>(`SELECT id, value FROM ${this.table}`).iterate()) {
      if (row.value.toLowerCase().includes(lower)) found.push(row.id);
    }
    return found;
  }

  /**
   * Ids of the sets (`,1,5,`) holding any of `termIds` (this must be the term_sets table). Read in one
   * pass here rather than as one `LIKE` per term in SQL: a substring shared by thousands of accounts
   * (`@contoso.com`) gave SQLite an expression tree too deep to run.
   */
  setsContaining(termIds: readonly number[]): number[] {
    const wanted = new Set(termIds.map(String));
    const found: number[] = [];
    for (const row of this.db.prepare<[], { id: number; value: string }>(`SELECT id, value FROM ${this.table}`).iterate()) {
      if (row.value.split(',').some((id) => id !== '' && wanted.has(id))) found.push(row.id);
    }
    return found;
  }

  matchingPrefix(prefix: string): number[] {
    return this.db
      .prepare<[string, string], number>(`SELECT id FROM ${this.table} WHERE substr(value, 1, length(?)) = ?`)
      .pluck()
      .all(prefix, prefix);
  }

  commit(): void {
    this.pending = [];
  }

  forgetUncommitted(): void {
    for (const value of this.pending) {
      const id = this.ids.get(value);
      this.ids.delete(value);
      if (id !== undefined) this.values.delete(id);
    }
    this.pending = [];
  }

  forgetAll(): void {
    this.ids.clear();
    this.values.clear();
    this.cachedChars = 0;
    this.pending = [];
  }

  private remember(value: string, id: number): void {
    // Bounded: an import's memory must not grow with the number of distinct actors, targets and IPs,
    // nor with their length.
    if (value.length > MAX_CACHED_TERM_CHARS) return;
    if (this.ids.size >= MAX_CACHED || this.cachedChars + value.length > MAX_CACHED_CHARS) {
      this.ids.clear();
      this.values.clear();
      this.cachedChars = 0;
    }
    if (this.ids.has(value)) return;
    this.ids.set(value, id);
    this.values.set(id, value);
    this.cachedChars += value.length;
  }
}
