// How one event is written inside a block (a "record"), and read back.
//
// The usual form is the event's fields as JSON, without `raw`, then a tab, then the raw record's JSON
// text: the source's own text when the importer has it (an NDJSON line, a CSV AuditData cell), so it
// is neither re-serialised on import nor changed in any byte. JSON.stringify never writes a tab or a
// newline, so the first tab ends the fields; the raw text may hold tabs but never a newline (the block
// separates records with newlines). Anything else (an event without `raw`, or with keys other than the
// canonical ones in their usual order) is stored whole, as the event's JSON, which has no tab.
import type { CanonicalEvent } from '../../core/event.ts';

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

/** The record of an event; `rawText`, if given, must be JSON text whose parse equals `event.raw`. */
export function recordText(event: CanonicalEvent, rawText: string | undefined): RecordText {
  if (event.raw === undefined || !hasCanonicalKeys(event)) return { head: JSON.stringify(event) };
  const e = event;
  const fields = {
    id: e.id,
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

export function decodeRecord(record: string): CanonicalEvent {
  const tab = record.indexOf('\t');
  if (tab < 0) return JSON.parse(record) as CanonicalEvent;
  const fields = JSON.parse(record.slice(0, tab)) as Omit<CanonicalEvent, 'raw'>;
  return { ...fields, raw: JSON.parse(record.slice(tab + 1)) as unknown };
}

/** The event without its raw record: all that row columns and verification need, at a fraction of the cost. */
export function decodeRecordFields(record: string): Omit<CanonicalEvent, 'raw'> {
  const tab = record.indexOf('\t');
  return JSON.parse(tab < 0 ? record : record.slice(0, tab)) as Omit<CanonicalEvent, 'raw'>;
}
