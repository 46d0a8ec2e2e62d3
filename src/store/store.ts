// The evidence store's contract. Commands talk to this interface only, so a PostgreSQL store for
// team servers can sit beside the SQLite one and run the same tests.
import type { CanonicalEvent } from '../core/event.ts';
import type { Snapshot } from '../core/snapshot.ts';

export interface AppendResult {
  inserted: number;
  duplicates: number;
}

export interface EventFilter {
  tenant?: string;
  /** Exact canonical actions; a trailing `*` matches a prefix (`role.*`). */
  actions?: string[];
  /** Case-insensitive substring of the actor's name, UPN or id. */
  actor?: string;
  /** Case-insensitive substring of any target's name or id. */
  target?: string;
  /** Exact IP address of the actor. */
  ip?: string;
  /** ISO 8601 bounds, inclusive. */
  since?: string;
  until?: string;
  /** Case-insensitive substring anywhere in the stored record. */
  text?: string;
  /** Only the events with these ids (the evidence a report cites): the others are not even decoded. */
  ids?: ReadonlySet<string>;
  limit?: number;
}

export type VerifyProblemKind = 'edited' | 'deleted' | 'inserted' | 'unreadable';

export interface VerifyProblem {
  kind: VerifyProblemKind;
  tenant: string;
  /** Position in the tenant's chain (1-based) where the problem shows. */
  position: number;
  eventId?: string;
  time?: string;
  action?: string;
  /** What was found, as a code (`verify.reason.<code>` in the locales) and the values its sentence names. */
  reason: VerifyReason;
  params: Record<string, string | number>;
}

export type VerifyReason =
  | 'chain_gap'
  | 'chain_gap_range'
  | 'block_missing'
  | 'block_repeats_position'
  | 'block_unreadable'
  | 'row_outside_block'
  | 'record_unreadable'
  | 'content_mismatch'
  | 'columns_mismatch'
  | 'second_row'
  | 'block_hash_mismatch'
  | 'head_mismatch'
  | 'head_missing';

export interface VerifyResult {
  ok: boolean;
  tenants: Array<{ tenant: string; events: number; head: string }>;
  problems: VerifyProblem[];
}

export interface ImportRecord {
  file: string;
  format: string;
  startedAt: string;
  finishedAt: string;
  summary: unknown;
}

export interface StoreStats {
  events: number;
  tenants: number;
  first?: string;
  last?: string;
}

export interface EvidenceStore {
  readonly location: string;
  /**
   * Appends events in order; events already stored (the same id at the same time) are counted as
   * duplicates. `rawTexts[i]`, when given, is the source's own JSON text of `events[i].raw` (its parse
   * equals `raw`): the store may keep that text as the evidence instead of serialising `raw` again.
   */
  append(events: readonly CanonicalEvent[], rawTexts?: ReadonlyArray<string | undefined>): Promise<AppendResult>;
  queryEvents(filter: EventFilter): AsyncIterable<CanonicalEvent>;
  verify(): Promise<VerifyResult>;
  recordImport(record: ImportRecord): Promise<void>;
  stats(): Promise<StoreStats>;
  /** Tenants that have at least one event, sorted. */
  eventTenants(): Promise<string[]>;
  /** Snapshots are versioned: saving never replaces an earlier one. */
  saveSnapshot(snapshot: Snapshot): Promise<void>;
  /** Tenants that have at least one snapshot. */
  snapshotTenants(): Promise<string[]>;
  /** The newest `count` snapshots of a tenant, newest first. */
  latestSnapshots(tenant: string, count: number): Promise<Snapshot[]>;
  /** Collection cursors (watermarks, delta links), per scope (a profile or tenant) and key. */
  getCursor(scope: string, key: string): Promise<string | undefined>;
  setCursor(scope: string, key: string, value: string): Promise<void>;
  close(): Promise<void>;
}
