// An event's row: the columns filters and deduplication use, derived from the event alone, so that
// verification can recompute them from the stored record.
import { hash } from 'node:crypto';
import type { CanonicalEvent } from '../../core/event.ts';

export interface RowFields {
  tenant: number;
  time: number;
  action: number;
  /** Term sets (`,1,5,`): the row keeps their ids in term_sets. */
  actor: string;
  ip: number | null;
  targets: string;
}

/** Term ids joined as `,1,5,`: lets a filter match any of several values with one LIKE. */
function termList(ids: Iterable<number>): string {
  const unique = [...new Set(ids)];
  return unique.length === 0 ? ',' : `,${unique.join(',')},`;
}

/** The row's filter columns; `term` gives a string's term id. */
export function rowFields(event: Omit<CanonicalEvent, 'raw'>, term: (value: string) => number): RowFields {
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

const HEX_ID = /^[0-9a-f]{32}$/;

/**
 * The first 32 bits of an event id (32 hex characters; a foreign id is hashed first), as a signed
 * integer: with the time, the row's key. Two events at the same time may share it, so a match is
 * confirmed with the full id kept in the record.
 */
export function uid32Of(id: string): number {
  if (HEX_ID.test(id)) return Number.parseInt(id.slice(0, 8), 16) | 0;
  return hash('sha256', id, 'buffer').readInt32BE(0);
}

/** A key taken by another event at the same time moves on to the next value (wrapping at 2^31). */
export function nextUid32(key: number): number {
  return (key + 1) | 0;
}

/** How far verification accepts a row's key from its event's uid32 (collisions moved it on). */
export const MAX_UID32_PROBES = 64;
