// The canonical event: every source record, whatever its vendor or export format, becomes one of these.
import { hash } from 'node:crypto';
import type { Action } from './actions.ts';

export type Provider = 'm365' | 'gws';

export type ActorKind = 'user' | 'app' | 'system' | 'unknown';

export interface Actor {
  kind: ActorKind;
  id?: string;
  name?: string;
  ip?: string;
  userAgent?: string;
}

export interface Target {
  kind: string;
  id?: string;
  name?: string;
}

export interface Change {
  name: string;
  old?: string | null;
  new?: string | null;
}

export type EventResult = 'success' | 'failure' | 'unknown';

export interface CanonicalEvent {
  /** Stable hash of the source's own record id: re-importing never duplicates. */
  id: string;
  tenant: string;
  provider: Provider;
  /** The log the record came from, e.g. `entra.audit`, `entra.signin`, `ual`, `gws.admin`. */
  source: string;
  /** ISO 8601, UTC, millisecond precision. */
  time: string;
  action: Action;
  nativeAction: string;
  actor: Actor;
  targets: Target[];
  changes: Change[];
  result: EventResult;
  /** The record as the source wrote it: this is the evidence. */
  raw: unknown;
}

/**
 * A stable event id from the source's own record id. The same record imported from two export
 * formats (Graph JSON and a Log Analytics CSV, say) gets the same id, because the key names the log,
 * not the file format.
 */
export function stableEventId(provider: Provider, source: string, nativeId: string): string {
  // crypto.hash (one call, no Hash object) costs under half of createHash().update().digest() per record.
  return hash('sha256', `${provider}\u0000${source}\u0000${nativeId}`, 'hex').slice(0, 32);
}
