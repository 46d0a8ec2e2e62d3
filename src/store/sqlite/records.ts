// How one event is written inside a block (a "record"), and read back.
//
// The usual form is the event's fields as JSON, without `raw`, then a tab, then the raw record's JSON
// text: the source's own text when the importer has it (an NDJSON line, a CSV AuditData cell), so it
// is neither re-serialised on import nor changed in any byte. JSON.stringify never writes a tab or a
// newline, so the first tab ends the fields; the raw text may hold tabs but never a newline (the block
// separates records with newlines). Anything else (an event without `raw`, or with keys other than the
// canonical ones in their usual order) is stored whole, as the event's JSON, which has no tab.
//
// The event id is a hash of the source's own record id (stableEventId), so it cannot be compressed,
// while the record id it comes from is in the raw text anyway. When the id is that hash of a value at
// one of the usual places in the raw record, the fields carry `idFrom` (which place) instead of `id`,
// and reading recomputes it: about 16 bytes per event less on disk.
import { stableEventId, type CanonicalEvent } from '../../core/event.ts';
import type { StringInterner } from './intern.ts';

/** A record as text: `head` alone, or `head`, a tab and `raw`. */
export interface RecordText {
  head: string;
  raw?: string;
}

const CANONICAL_KEYS = ['id', 'tenant', 'provider', 'source', 'time', 'action', 'nativeAction', 'actor', 'targets', 'changes', 'result', 'raw'];

function hasCanonicalKeys(event: CanonicalEvent): boolean {
  let i = 0;
  for (const key in event) if (CANONICAL_KEYS[i++] !== key) return false;
  return i === CANONICAL_KEYS.length;
}

/** Where the source's own record id usually is in a raw record: UAL and Purview rows, Graph, Log Analytics. */
const NATIVE_ID_PATHS: ReadonlyArray<readonly string[]> = [['Id'], ['id'], ['AuditData', 'Id'], ['RecordId'], ['OfficeId']];

function valueAt(raw: unknown, path: readonly string[]): unknown {
  let v = raw;
  for (const key of path) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** The id derived from the raw record's value at NATIVE_ID_PATHS[from], as the normalisers derive it. */
function derivedId(provider: CanonicalEvent['provider'], source: string, raw: unknown, from: number): string | undefined {
  const path = NATIVE_ID_PATHS[from];
  const v = path === undefined ? undefined : valueAt(raw, path);
  const native = typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
  return native === undefined || native === '' ? undefined : stableEventId(provider, source, native);
}

/** Which NATIVE_ID_PATHS entry the event's id is derived from, if any. */
function idSource(event: CanonicalEvent): number | undefined {
  for (let i = 0; i < NATIVE_ID_PATHS.length; i++) if (derivedId(event.provider, event.source, event.raw, i) === event.id) return i;
  return undefined;
}

/** The record of an event; `rawText`, if given, must be JSON text whose parse equals `event.raw`. */
export function recordText(event: CanonicalEvent, rawText: string | undefined): RecordText {
  if (event.raw === undefined || !hasCanonicalKeys(event)) return { head: JSON.stringify(event) };
  const e = event;
  const from = idSource(e);
  const fields = {
    ...(from === undefined ? { id: e.id } : { idFrom: from }),
    tenant: e.tenant,
    provider: e.provider,
    source: e.source,
    time: e.time,
    action: e.action,
    nativeAction: e.nativeAction,
    actor: e.actor,
    targets: e.targets,
    changes: e.changes,
    result: e.result,
  };
  const raw = rawText !== undefined && rawText.indexOf('\n') < 0 ? rawText : JSON.stringify(e.raw);
  return { head: JSON.stringify(fields), raw };
}

/** Records' UTF-8 bytes, newline-separated (with one before the first if `after` says one came before). */
export interface PackedRecords {
  bytes: Buffer;
  /** Where each record starts and ends in `bytes`. */
  starts: number[];
  ends: number[];
}

export function packRecords(records: readonly RecordText[], after: boolean): PackedRecords {
  let length = after ? records.length : records.length - 1;
  for (const r of records) length += Buffer.byteLength(r.head, 'utf8') + (r.raw === undefined ? 0 : 1 + Buffer.byteLength(r.raw, 'utf8'));
  const bytes = Buffer.allocUnsafeSlow(Math.max(length, 0));
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  records.forEach((r, i) => {
    if (i > 0 || after) bytes[at++] = 10;
    starts.push(at);
    at += bytes.write(r.head, at, 'utf8');
    if (r.raw !== undefined) {
      bytes[at++] = 9;
      at += bytes.write(r.raw, at, 'utf8');
    }
    ends.push(at);
  });
  return { bytes, starts, ends };
}

type StoredFields = Omit<CanonicalEvent, 'raw' | 'id'> & { id?: string; idFrom?: number };

/** The event's id: stored, or recomputed from the raw record when it was left out. */
function idOf(stored: StoredFields, raw: () => unknown): string {
  if (stored.idFrom === undefined) return stored.id!;
  const id = derivedId(stored.provider, stored.source, raw(), stored.idFrom);
  if (id === undefined) throw new Error(`the record's id cannot be derived from its raw record (idFrom ${stored.idFrom})`);
  return id;
}

/** The fields with their id in first place, recomputed from the raw record when it was left out. */
function withId(stored: StoredFields, raw: () => unknown): Omit<CanonicalEvent, 'raw'> {
  if (stored.idFrom === undefined) return stored as Omit<CanonicalEvent, 'raw'>;
  const { idFrom: _, ...rest } = stored;
  return { id: idOf(stored, raw), ...rest };
}

export function decodeRecord(record: string, strings?: StringInterner): CanonicalEvent {
  const tab = record.indexOf('\t');
  if (tab < 0) {
    const whole = JSON.parse(record) as CanonicalEvent;
    return strings === undefined ? whole : strings.event(whole);
  }
  const s = JSON.parse(record.slice(0, tab)) as StoredFields;
  if (strings !== undefined) strings.event(s);
  const raw = JSON.parse(record.slice(tab + 1)) as unknown;
  // One literal, keys always in this order: every event read back shares one hidden class, so the
  // property reads of detection and reports stay monomorphic (objects made by spreading the parsed
  // fields came in several).
  return {
    id: idOf(s, () => raw),
    tenant: s.tenant,
    provider: s.provider,
    source: s.source,
    time: s.time,
    action: s.action,
    nativeAction: s.nativeAction,
    actor: s.actor,
    targets: s.targets,
    changes: s.changes,
    result: s.result,
    raw,
  };
}

/** The event without its raw record: all that row columns and verification need (the raw record is read only for a derived id). */
export function decodeRecordFields(record: string): Omit<CanonicalEvent, 'raw'> {
  const tab = record.indexOf('\t');
  if (tab < 0) return JSON.parse(record) as Omit<CanonicalEvent, 'raw'>;
  return withId(JSON.parse(record.slice(0, tab)) as StoredFields, () => JSON.parse(record.slice(tab + 1)) as unknown);
}
