// Turns the values a JSON file is made of (scanner elements, NDJSON lines, whole small documents)
// into ParsedItems: unwraps envelopes, classifies each record and calls its normaliser.
import type { CanonicalEvent } from '../../core/event.ts';
import type { NormaliseOptions } from '../../providers/common/normalise.ts';
import { RecordError } from '../../providers/common/normalise.ts';
import { jsonObject } from '../../providers/common/json-text.ts';
import { isObj, str, type Obj } from '../../providers/common/values.ts';
import { normaliseDefenderRow } from '../../providers/m365/map/defender.ts';
import { normaliseDiagnosticRecord } from '../../providers/m365/map/diagnostic.ts';
import { normaliseDirectoryAudit } from '../../providers/m365/map/directory-audit.ts';
import { normaliseLaRow } from '../../providers/m365/map/log-analytics.ts';
import { normaliseSignIn } from '../../providers/m365/map/sign-in.ts';
import { normaliseGraphAuditLogRecord, normaliseUalRecord } from '../../providers/m365/map/ual-record.ts';
import { normaliseGoogleActivity } from '../../providers/gws/map/activity.ts';
import { itemOfError, jsonErrorDetail, rejected, skipped } from '../issues.ts';
import { MAX_RECORD_CHARS, MAX_RECORD_MIB } from '../limits.ts';
import type { ParsedItem, Position } from '../types.ts';
import { classify, EVENT_KINDS, keysHint, stateKindName, type EnvelopeContext, type RecordKind } from './classify.ts';
import { MAX_NESTING, recordNestsDeeperThan } from './depth.ts';
import type { JsonScanHandler } from './scanner.ts';
import type { LineHandler } from './lines.ts';

const ENVELOPE_KEYS = ['value', 'items', 'records'] as const;

/**
 * How deep arrays of envelopes, bundles and docs wrappers may nest around a record. Real exports nest
 * two or three levels; `[[[[…]]]]` 200,000 deep once overflowed the stack.
 */
export const MAX_WRAPPER_DEPTH = 32;
const NO_CONTEXT: EnvelopeContext = Object.freeze({});

function envelopeArray(o: Obj): unknown[] | undefined {
  for (const k of ENVELOPE_KEYS) {
    const v = o[k];
    if (Array.isArray(v)) return v as unknown[];
  }
  return undefined;
}

/** Cheap re-check of the previous record's kind (files rarely mix kinds); otherwise classify() decides. */
function sameKind(o: Obj, kind: RecordKind | undefined): boolean {
  switch (kind) {
    case 'ual':
      return 'CreationTime' in o && 'Operation' in o && !('activityDisplayName' in o) && !('auditLogRecordType' in o);
    case 'entra.audit':
      return 'activityDisplayName' in o;
    default:
      return false;
  }
}

/** A Purview export read by PowerShell (`Search-UnifiedAuditLog | ConvertTo-Json`): AuditData is JSON text. */
function normalisePurviewJson(o: Obj, opts: NormaliseOptions): CanonicalEvent {
  const data = jsonObject(o.AuditData);
  if (data === undefined) throw new RecordError('import.record.bad_audit_data', { detail: 'not a JSON object' });
  const rec: Obj = { ...data };
  if (rec.Id === undefined && o.Identity !== undefined) rec.Id = o.Identity;
  if (rec.CreationTime === undefined) rec.CreationTime = o.CreationDate;
  if (rec.Operation === undefined) rec.Operation = o.Operations;
  if (rec.UserId === undefined) rec.UserId = o.UserIds;
  return normaliseUalRecord(rec, { ...opts, raw: opts.raw ?? o });
}

export class JsonDispatcher implements JsonScanHandler, LineHandler {
  /** Items produced since the last take(). */
  private out: ParsedItem[] = [];
  private record = 0;
  private readonly opts: NormaliseOptions;
  private context: EnvelopeContext = NO_CONTEXT;
  private lastKind: RecordKind | undefined;
  private members: Array<[string, string]> = [];
  private membersChars = 0;
  private objLine = 0;
  /** A member of the open top-level object was too large to read: the object is not a whole record. */
  private memberTooLarge = false;
  /** The first record's kind, the first kind that can carry events, and every kind seen. */
  firstKind: RecordKind | undefined;
  firstEventKind: RecordKind | undefined;
  readonly kinds = new Set<RecordKind>();
  /** What the first unrecognised value looked like (for the unknown-format message). */
  unknownHint: string | undefined;
  /** The first envelope context seen (names the format of a file without records). */
  firstContext: EnvelopeContext | undefined;

  constructor(fallbackTenant: string | undefined) {
    this.opts = fallbackTenant === undefined ? {} : { fallbackTenant };
  }

  take(): ParsedItem[] {
    const items = this.out;
    this.out = [];
    return items;
  }

  private pos(line: number): Position {
    return { line, record: ++this.record };
  }

  private noteContext(ctx: EnvelopeContext): void {
    this.context = ctx;
    if (this.firstContext === undefined && (ctx.odataContext !== undefined || ctx.kind !== undefined || ctx.arrayKey !== undefined)) {
      this.firstContext = ctx;
    }
  }

  // ---- scanner callbacks -------------------------------------------------------------------------

  objectStart(line: number): void {
    this.members = [];
    this.membersChars = 0;
    this.memberTooLarge = false;
    this.objLine = line;
    this.context = NO_CONTEXT;
  }

  member(key: string, text: string, _line: number): void {
    this.membersChars += text.length;
    if (this.membersChars <= MAX_RECORD_CHARS) this.members.push([key, text]);
    if (key === '@odata.context' || key === 'kind') {
      try {
        const v: unknown = JSON.parse(text);
        if (typeof v === 'string') this.context = key === 'kind' ? { ...this.context, kind: v } : { ...this.context, odataContext: v };
      } catch {
        // read again with the object if it matters
      }
    }
  }

  arrayStart(key: string | undefined, _line: number): void {
    if (key === undefined) this.context = NO_CONTEXT;
    else this.noteContext({ ...this.context, arrayKey: key });
  }

  element(text: string, line: number, key: string | undefined): void {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      this.out.push(rejected(this.pos(line), 'import.record.invalid_json', { detail: jsonErrorDetail(e) }));
      return;
    }
    // Elements of a top-level array may themselves be envelopes (several Graph pages in one array).
    if (key === undefined) this.value(v, line, text);
    else this.recordValue(v, line, text);
  }

  objectEnd(streamed: boolean): void {
    const members = this.members;
    this.members = [];
    if (streamed) {
      // An envelope: its records were read; a member too large to read is reported on its own.
      if (this.memberTooLarge) this.out.push(rejected(this.pos(this.objLine), 'import.record.too_large', { limit_mib: MAX_RECORD_MIB }));
      return;
    }
    // A record missing a member it had is not the record: refuse it whole rather than store part of it.
    if (this.membersChars > MAX_RECORD_CHARS || this.memberTooLarge) {
      this.out.push(rejected(this.pos(this.objLine), 'import.record.too_large', { limit_mib: MAX_RECORD_MIB }));
      return;
    }
    // The members' own text, joined: the record's text as the source wrote it, minus the blanks
    // between members, kept as its evidence (and what the batch it goes in is weighed by). Read as
    // one text, so that a member named "__proto__" is a member like any other.
    const text = `{${members.map(([key, member]) => `${JSON.stringify(key)}:${member}`).join(',')}}`;
    let o: unknown;
    try {
      o = JSON.parse(text);
    } catch (e) {
      this.out.push(rejected(this.pos(this.objLine), 'import.record.invalid_json', { detail: jsonErrorDetail(e) }));
      return;
    }
    this.value(o, this.objLine, text);
  }

  scalar(text: string, line: number): void {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      this.out.push(rejected(this.pos(line), 'import.record.invalid_json', { detail: jsonErrorDetail(e) }));
      return;
    }
    this.value(v, line);
  }

  tooLarge(line: number, _chars: number, inObject = false): void {
    if (inObject) {
      this.memberTooLarge = true;
      return;
    }
    this.out.push(rejected(this.pos(line), 'import.record.too_large', { limit_mib: MAX_RECORD_MIB }));
  }

  syntaxError(line: number, detail: string): void {
    this.out.push(rejected(this.pos(line), 'import.record.syntax', { detail }));
  }

  truncated(line: number): void {
    this.out.push(rejected(this.pos(line), 'import.record.truncated'));
  }

  // ---- NDJSON ------------------------------------------------------------------------------------

  line(text: string, line: number, last: boolean): void {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      const detail = jsonErrorDetail(e);
      if (last && /end of (JSON )?input|Unterminated/i.test(detail)) this.out.push(rejected(this.pos(line), 'import.record.truncated'));
      else this.out.push(rejected(this.pos(line), 'import.record.invalid_json', { detail }));
      return;
    }
    this.context = NO_CONTEXT;
    if (isObj(v) && sameKind(v, this.lastKind)) this.one(v, line, this.lastKind!, text);
    else this.value(v, line, text);
  }

  // ---- values ------------------------------------------------------------------------------------

  /**
   * A whole JSON value: a record, an envelope of records, an array of either, a docs wrapper, a bundle.
   * `text`: the value's own JSON text, if the caller has it (kept as the evidence of a record).
   */
  value(v: unknown, line: number, text?: string, depth = 0): void {
    if (depth > MAX_WRAPPER_DEPTH) {
      this.out.push(rejected(this.pos(line), 'import.record.too_deep', { limit: MAX_WRAPPER_DEPTH }));
      return;
    }
    if (Array.isArray(v)) {
      for (const el of v) this.value(el, line, undefined, depth + 1);
      return;
    }
    if (!isObj(v)) {
      this.one(v, line, 'unknown');
      return;
    }
    // Microsoft docs examples kept as {"_source": "...", "response": {...}}
    if ('_source' in v && 'response' in v) {
      this.value(v.response, line, undefined, depth + 1);
      return;
    }
    const arr = envelopeArray(v);
    if (arr !== undefined) {
      const ctx: EnvelopeContext = { arrayKey: Array.isArray(v.value) ? 'value' : Array.isArray(v.items) ? 'items' : 'records' };
      const oc = str(v['@odata.context']);
      const kind = str(v.kind);
      if (oc !== undefined) ctx.odataContext = oc;
      if (kind !== undefined) ctx.kind = kind;
      this.noteContext(ctx);
      for (const el of arr) this.recordValue(el, line);
      return;
    }
    if (Array.isArray(v.tables) && this.laTables(v.tables, line)) return;
    if (v.kind === 'admin#reports#activities') {
      // A Google Reports page with no activities.
      this.noteContext({ kind: 'admin#reports#activities', arrayKey: 'items' });
      return;
    }
    const kind = classify(v, this.context);
    if (kind !== 'unknown') {
      this.one(v, line, kind, text);
      return;
    }
    // A bundle of bodies, e.g. {"request": {...}, "response_201": {...}, "records_list_200": {"value": [...]}}
    const values = Object.values(v);
    if (values.length > 0 && values.every(isObj) && values.some((c) => envelopeArray(c) !== undefined || classify(c, NO_CONTEXT) !== 'unknown')) {
      for (const c of values) this.value(c, line, undefined, depth + 1);
      return;
    }
    this.one(v, line, 'unknown');
  }

  /**
   * A Log Analytics query API response: `{"tables": [{"name", "columns": [{"name", "type"}], "rows": [[…]]}]}`.
   * Each row becomes an object of column → value (nulls left out). False if `tables` is something else.
   */
  private laTables(tables: unknown[], line: number): boolean {
    if (tables.length === 0 || !tables.every((t) => isObj(t) && Array.isArray(t.columns) && Array.isArray(t.rows))) return false;
    this.noteContext({ arrayKey: 'tables' });
    for (const t of tables as Obj[]) {
      const names = (t.columns as unknown[]).map((c) => (isObj(c) ? (str(c.name) ?? '') : ''));
      for (const row of t.rows as unknown[]) {
        if (!Array.isArray(row)) {
          this.one(row, line, 'unknown');
          continue;
        }
        const o: Obj = {};
        for (let i = 0; i < names.length; i++) {
          const value: unknown = row[i];
          if (value !== null && value !== undefined && names[i] !== '') o[names[i]!] = value;
        }
        this.recordValue(o, line);
      }
    }
    return true;
  }

  /** One record (an element of a `value` / `items` / `records` array). */
  private recordValue(v: unknown, line: number, text?: string): void {
    if (!isObj(v)) this.one(v, line, 'unknown');
    else this.one(v, line, sameKind(v, this.lastKind) ? this.lastKind! : classify(v, this.context), text);
  }

  private noteKind(kind: RecordKind): void {
    if (kind === this.lastKind) return;
    this.lastKind = kind;
    this.kinds.add(kind);
    this.firstKind ??= kind;
    if (this.firstEventKind === undefined && EVENT_KINDS.has(kind)) this.firstEventKind = kind;
  }

  /** `text`: v's own JSON text, if known; it becomes the event's rawText when the event's raw is v itself. */
  private one(v: unknown, line: number, kind: RecordKind, text?: string): void {
    const record = ++this.record;
    this.noteKind(kind);
    if (kind === 'unknown' || !isObj(v)) {
      const keys = keysHint(v);
      this.unknownHint ??= keys;
      this.out.push(skipped({ line, record }, 'import.skip.unrecognised', { keys }));
      return;
    }
    if (recordNestsDeeperThan(v, text, MAX_NESTING)) {
      this.out.push(rejected({ line, record }, 'import.record.nested_too_deep', { limit: MAX_NESTING }));
      return;
    }
    const opts = this.opts;
    try {
      switch (kind) {
        case 'entra.audit':
          return this.event(line, record, v, text, normaliseDirectoryAudit(v, opts));
        case 'entra.signin':
          return this.event(line, record, v, text, normaliseSignIn(v, opts));
        case 'ual':
          return this.event(line, record, v, text, normaliseUalRecord(v, opts));
        case 'purview.json':
          return this.event(line, record, v, text, normalisePurviewJson(v, opts));
        case 'graph.auditLogRecord':
          return this.event(line, record, v, text, normaliseGraphAuditLogRecord(v, opts));
        case 'la':
          return this.event(line, record, v, text, normaliseLaRow(v, opts));
        case 'azure.diagnostic':
          return this.event(line, record, v, text, normaliseDiagnosticRecord(v, opts));
        case 'defender':
          return this.event(line, record, v, text, normaliseDefenderRow(v, opts));
        case 'gws.activity':
          for (const e of normaliseGoogleActivity(v, opts)) this.event(line, record, v, text, e);
          return;
        case 'graph.error': {
          const err = v.error as Obj;
          const params: Record<string, string> = { code: str(err.code) ?? '?' };
          const message = str(err.message);
          if (message !== undefined) params.message = message.length > 120 ? `${message.slice(0, 120)}…` : message;
          this.out.push(skipped({ line, record }, 'import.skip.graph_error', params));
          return;
        }
        case 'graph.auditLogQuery':
          this.out.push(skipped({ line, record }, 'import.skip.audit_query'));
          return;
        case 'graph.state':
          this.out.push(skipped({ line, record }, 'import.skip.directory_state', { kind: stateKindName(v, this.context) }));
          return;
      }
    } catch (e) {
      this.out.push(itemOfError({ line, record }, e));
    }
  }

  private event(line: number, record: number, source: unknown, text: string | undefined, event: CanonicalEvent): void {
    // The text stands for raw only if raw is the very value parsed from it.
    if (text !== undefined && event.raw === source) this.out.push({ kind: 'event', event, rawText: text, line, record });
    else this.out.push({ kind: 'event', event, line, record });
  }
}
