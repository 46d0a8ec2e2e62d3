// CSV layouts, told apart by their header row, and how one row of each becomes items.
import type { CanonicalEvent } from '../../core/event.ts';
import type { NormaliseOptions } from '../../providers/common/normalise.ts';
import { isObj, type Obj } from '../../providers/common/values.ts';
import { normaliseDirectoryAudit } from '../../providers/m365/map/directory-audit.ts';
import { laTableOfColumns, LA_SIGNIN_TABLES, normaliseLaRow, type LaTable } from '../../providers/m365/map/log-analytics.ts';
import { normaliseSignIn } from '../../providers/m365/map/sign-in.ts';
import { normaliseUalRecord } from '../../providers/m365/map/ual-record.ts';
import { itemOfError, jsonErrorDetail, rejected } from '../issues.ts';
import type { ParsedItem, Position } from '../types.ts';
import { MAX_NESTING, recordNestsDeeperThan } from '../json/depth.ts';

export interface CsvFormat {
  readonly id: string;
  /** The items of one data row. */
  row(cells: string[], pos: Position, out: ParsedItem[]): void;
}

/** Header names as object keys: trimmed of a stray BOM, repeated names made unique (`Name_2`). */
export function uniqueKeys(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((h, i) => {
    const name = i === 0 && h.charCodeAt(0) === 0xfeff ? h.slice(1) : h;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name}_${n}`;
  });
}

function rawRow(keys: readonly string[], cells: readonly string[]): Obj {
  const o: Obj = {};
  for (let i = 0; i < keys.length; i++) o[keys[i]!] = cells[i] ?? '';
  // relax_column_count: extra cells are kept under their position
  for (let i = keys.length; i < cells.length; i++) o[`_${i + 1}`] = cells[i];
  return o;
}

/**
 * Each key of rawRow's object as the start of a JSON member (`"RecordId":`), or undefined if the header
 * has a name an object cannot keep as a key (`__proto__`): then rows have no raw text.
 */
function memberPrefixes(keys: readonly string[]): string[] | undefined {
  if (keys.includes('__proto__')) return undefined;
  return keys.map((k, i) => `${i > 0 ? ',' : ''}${JSON.stringify(k)}:`);
}

/** rawRow(keys, cells) as JSON text with the JSON-parsed cell `audit` in place as its own text. */
function rawRowText(prefixes: readonly string[], cells: readonly string[], audit: number): string {
  let text = '{';
  for (let i = 0; i < prefixes.length; i++) text += prefixes[i]! + (i === audit ? cells[i]! : JSON.stringify(cells[i] ?? ''));
  for (let i = prefixes.length; i < cells.length; i++) text += `,${JSON.stringify(`_${i + 1}`)}:${JSON.stringify(cells[i])}`;
  return `${text}}`;
}

function pushEvent(out: ParsedItem[], pos: Position, make: () => CanonicalEvent, rawText?: string): void {
  try {
    const event = make();
    if (recordNestsDeeperThan(event.raw, rawText, MAX_NESTING)) {
      out.push(rejected(pos, 'import.record.nested_too_deep', { limit: MAX_NESTING }));
      return;
    }
    if (rawText === undefined) out.push({ kind: 'event', event, line: pos.line, record: pos.record });
    else out.push({ kind: 'event', event, rawText, line: pos.line, record: pos.record });
  } catch (e) {
    out.push(itemOfError(pos, e));
  }
}

/** Column lookup by trimmed name, case-insensitively. */
class Columns {
  private readonly index = new Map<string, number>();
  constructor(keys: readonly string[]) {
    keys.forEach((k, i) => {
      const key = k.trim().toLowerCase();
      if (!this.index.has(key)) this.index.set(key, i);
    });
  }
  get(...names: string[]): number | undefined {
    for (const n of names) {
      const i = this.index.get(n.toLowerCase());
      if (i !== undefined) return i;
    }
    return undefined;
  }
  has(...names: string[]): boolean {
    return this.get(...names) !== undefined;
  }
}

const cell = (cells: readonly string[], i: number | undefined): string | undefined => {
  if (i === undefined) return undefined;
  const c = cells[i];
  return c === undefined || c === '' ? undefined : c;
};

// ---- Purview / Unified Audit Log ----------------------------------------------------------------

/**
 * `RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames`
 * and the older `CreationDate,UserIds,Operations,AuditData[,RecordType,ResultIndex,ResultCount,Identity,IsValid,ObjectState]`.
 * The record is AuditData (JSON in a cell); the other columns only fill what it lacks.
 */
class PurviewCsv implements CsvFormat {
  readonly id: string;
  private readonly keys: string[];
  private readonly audit: number;
  private readonly recordId: number | undefined;
  private readonly creation: number | undefined;
  private readonly operation: number | undefined;
  private readonly user: number | undefined;
  private readonly opts: NormaliseOptions;
  private readonly prefixes: string[] | undefined;

  constructor(id: string, keys: string[], cols: Columns, opts: NormaliseOptions) {
    this.id = id;
    this.keys = keys;
    this.prefixes = memberPrefixes(keys);
    this.audit = cols.get('AuditData')!;
    this.recordId = cols.get('RecordId', 'Identity');
    this.creation = cols.get('CreationDate');
    this.operation = cols.get('Operation', 'Operations');
    this.user = cols.get('UserId', 'UserIds');
    this.opts = opts;
  }

  row(cells: string[], pos: Position, out: ParsedItem[]): void {
    const text = cells[this.audit] ?? '';
    if (text.trim() === '') {
      out.push(rejected(pos, 'import.record.no_audit_data'));
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      out.push(rejected(pos, 'import.record.bad_audit_data', { detail: jsonErrorDetail(e) }));
      return;
    }
    if (!isObj(data)) {
      out.push(rejected(pos, 'import.record.bad_audit_data', { detail: 'not a JSON object' }));
      return;
    }
    const raw = rawRow(this.keys, cells);
    raw[this.keys[this.audit]!] = data;
    let rec = data;
    if (data.Id === undefined || data.CreationTime === undefined || data.Operation === undefined || data.UserId === undefined) {
      rec = { ...data };
      rec.Id ??= cell(cells, this.recordId);
      rec.CreationTime ??= cell(cells, this.creation);
      rec.Operation ??= cell(cells, this.operation);
      rec.UserId ??= cell(cells, this.user);
    }
    // The cell parsed as JSON: the row's raw text can keep the cell's own text.
    const rawText = this.prefixes && rawRowText(this.prefixes, cells, this.audit);
    pushEvent(out, pos, () => normaliseUalRecord(rec, { ...this.opts, raw }), rawText);
  }
}

// ---- Entra admin center downloads ---------------------------------------------------------------

interface TargetPlan {
  type?: number;
  name?: number;
  id?: number;
  upn?: number;
  props: Array<{ name: number; old?: number; new?: number }>;
}

/**
 * The audit log CSV the Entra admin center downloads: `Date (UTC), CorrelationId, Service, Category,
 * Activity, Result, ResultReason, ActorType, ActorDisplayName, ActorObjectId, ActorUserPrincipalName,
 * IPAddress, …, Target1Type, Target1DisplayName, Target1ObjectId, Target1UserPrincipalName,
 * Target1ModifiedProperty1Name/OldValue/NewValue, …, AdditionalDetail1Key/Value, …`. It has no record id,
 * so its events get content ids (stable across downloads of the same record, not equal to Graph's).
 */
class EntraAuditCsv implements CsvFormat {
  readonly id = 'entra.download.audit.csv';
  private readonly keys: string[];
  private readonly c: Record<string, number | undefined>;
  private readonly targets: TargetPlan[] = [];
  private readonly details: Array<[number, number | undefined]> = [];
  private readonly opts: NormaliseOptions;

  constructor(keys: string[], cols: Columns, opts: NormaliseOptions) {
    this.keys = keys;
    this.opts = opts;
    this.c = {
      id: cols.get('Id', 'Activity ID'),
      date: cols.get('Date (UTC)', 'Date', 'Activity Date (UTC)', 'ActivityDateTime'),
      correlation: cols.get('CorrelationId', 'Correlation ID'),
      service: cols.get('Service'),
      category: cols.get('Category'),
      activity: cols.get('Activity'),
      result: cols.get('Result'),
      reason: cols.get('ResultReason'),
      userAgent: cols.get('User Agent', 'UserAgent'),
      actorType: cols.get('ActorType'),
      actorName: cols.get('ActorDisplayName'),
      actorId: cols.get('ActorObjectId'),
      actorUpn: cols.get('ActorUserPrincipalName'),
      ip: cols.get('IPAddress', 'IP address'),
      spId: cols.get('ActorServicePrincipalId'),
      spName: cols.get('ActorServicePrincipalName'),
    };
    for (let n = 1; ; n++) {
      const plan: TargetPlan = { props: [] };
      const type = cols.get(`Target${n}Type`);
      const name = cols.get(`Target${n}DisplayName`);
      const id = cols.get(`Target${n}ObjectId`);
      const upn = cols.get(`Target${n}UserPrincipalName`);
      if (type === undefined && name === undefined && id === undefined && upn === undefined) break;
      if (type !== undefined) plan.type = type;
      if (name !== undefined) plan.name = name;
      if (id !== undefined) plan.id = id;
      if (upn !== undefined) plan.upn = upn;
      for (let m = 1; ; m++) {
        const pname = cols.get(`Target${n}ModifiedProperty${m}Name`);
        if (pname === undefined) break;
        const p: TargetPlan['props'][number] = { name: pname };
        const o = cols.get(`Target${n}ModifiedProperty${m}OldValue`);
        const nv = cols.get(`Target${n}ModifiedProperty${m}NewValue`);
        if (o !== undefined) p.old = o;
        if (nv !== undefined) p.new = nv;
        plan.props.push(p);
      }
      this.targets.push(plan);
    }
    for (let n = 1; ; n++) {
      const k = cols.get(`AdditionalDetail${n}Key`);
      if (k === undefined) break;
      this.details.push([k, cols.get(`AdditionalDetail${n}Value`)]);
    }
  }

  row(cells: string[], pos: Position, out: ParsedItem[]): void {
    const c = this.c;
    const v = (i: number | undefined) => cell(cells, i);
    const actorType = (v(c.actorType) ?? '').toLowerCase();
    const isApp = actorType.includes('app') || actorType.includes('service') || (actorType === '' && v(c.actorUpn) === undefined && v(c.spId) !== undefined);
    const user: Obj = { ipAddress: v(c.ip) };
    const initiatedBy: Obj = { user };
    if (isApp) initiatedBy.app = { servicePrincipalId: v(c.spId) ?? v(c.actorId), displayName: v(c.spName) ?? v(c.actorName) };
    else Object.assign(user, { id: v(c.actorId), displayName: v(c.actorName), userPrincipalName: v(c.actorUpn) });
    const targetResources: Obj[] = [];
    for (const t of this.targets) {
      const r: Obj = { type: v(t.type), displayName: v(t.name), id: v(t.id), userPrincipalName: v(t.upn) };
      const props: Obj[] = [];
      for (const p of t.props) {
        const name = v(p.name);
        if (name !== undefined) props.push({ displayName: name, oldValue: v(p.old) ?? null, newValue: v(p.new) ?? null });
      }
      if (r.type === undefined && r.displayName === undefined && r.id === undefined && r.userPrincipalName === undefined && props.length === 0) continue;
      r.modifiedProperties = props;
      targetResources.push(r);
    }
    const additionalDetails: Obj[] = [];
    const ua = v(c.userAgent);
    if (ua !== undefined) additionalDetails.push({ key: 'User-Agent', value: ua });
    for (const [k, val] of this.details) {
      const key = v(k);
      if (key !== undefined) additionalDetails.push({ key, value: v(val) ?? null });
    }
    const rec: Obj = {
      id: v(c.id),
      activityDateTime: v(c.date),
      activityDisplayName: v(c.activity),
      category: v(c.category),
      correlationId: v(c.correlation),
      result: v(c.result),
      resultReason: v(c.reason),
      loggedByService: v(c.service),
      initiatedBy,
      targetResources,
      additionalDetails,
    };
    const raw = rawRow(this.keys, cells);
    pushEvent(out, pos, () => normaliseDirectoryAudit(rec, { ...this.opts, raw }));
  }
}

/**
 * The sign-in CSVs the Entra admin center downloads (interactive, non-interactive, service principal,
 * managed identity): `Date (UTC), Request ID, User agent, Correlation ID, User ID, User, Username, …,
 * Application, Application ID , Resource, Resource ID , …, IP address, Location, Status, Sign-in error
 * code, Failure reason, …`. `Request ID` is the sign-in id, so these meet the same Graph records.
 */
class EntraSignInCsv implements CsvFormat {
  readonly id = 'entra.download.signins.csv';
  private readonly keys: string[];
  private readonly c: Record<string, number | undefined>;
  private readonly opts: NormaliseOptions;

  constructor(keys: string[], cols: Columns, opts: NormaliseOptions) {
    this.keys = keys;
    this.opts = opts;
    this.c = {
      date: cols.get('Date (UTC)', 'Date'),
      id: cols.get('Request ID'),
      userId: cols.get('User ID'),
      user: cols.get('User'),
      upn: cols.get('Username'),
      app: cols.get('Application'),
      appId: cols.get('Application ID'),
      resource: cols.get('Resource'),
      resourceId: cols.get('Resource ID'),
      resourceTenant: cols.get('Resource tenant ID'),
      homeTenant: cols.get('Home tenant ID'),
      ip: cols.get('IP address', 'IP Address'),
      status: cols.get('Status'),
      code: cols.get('Sign-in error code'),
      reason: cols.get('Failure reason'),
      userAgent: cols.get('User agent'),
      spId: cols.get('Service principal ID'),
      spName: cols.get('Service principal name'),
    };
  }

  row(cells: string[], pos: Position, out: ParsedItem[]): void {
    const c = this.c;
    const v = (i: number | undefined) => cell(cells, i);
    const code = v(c.code);
    const status = (v(c.status) ?? '').toLowerCase();
    // Without an error code, the Status column decides (Success / Failure / Interrupted).
    const errorCode = code !== undefined ? Number(code) : status === '' ? undefined : status === 'success' ? 0 : 1;
    const rec: Obj = {
      id: v(c.id),
      createdDateTime: v(c.date),
      userId: v(c.userId),
      userPrincipalName: v(c.upn),
      userDisplayName: v(c.user),
      appId: v(c.appId),
      appDisplayName: v(c.app),
      ipAddress: v(c.ip),
      userAgent: v(c.userAgent),
      resourceId: v(c.resourceId),
      resourceDisplayName: v(c.resource),
      resourceTenantId: v(c.resourceTenant),
      homeTenantId: v(c.homeTenant),
      servicePrincipalId: v(c.spId),
      servicePrincipalName: v(c.spName),
      status: { errorCode, failureReason: v(c.reason) },
    };
    const raw = rawRow(this.keys, cells);
    pushEvent(out, pos, () => normaliseSignIn(rec, { ...this.opts, raw }));
  }
}

// ---- Log Analytics / Sentinel -------------------------------------------------------------------

/** `TimeGenerated [UTC]` → `TimeGenerated`; `Status_dynamic` / `Status_string` → `Status`. */
function laColumnName(key: string, all: ReadonlySet<string>): string {
  let k = key.trim();
  if (k.endsWith(' [UTC]')) k = k.slice(0, -6);
  for (const suffix of ['_dynamic', '_string']) {
    if (k.endsWith(suffix)) {
      const base = k.slice(0, -suffix.length);
      if (!all.has(base)) return base;
    }
  }
  return k;
}

const LA_FORMAT_OF_TABLE: Record<LaTable, string> = {
  AuditLogs: 'la.auditlogs.csv',
  SigninLogs: 'la.signinlogs.csv',
  OfficeActivity: 'la.officeactivity.csv',
};

/**
 * A Log Analytics / Sentinel query result saved as CSV. Each row is read as a record of its `Type`
 * column's table, or of the table the columns belong to; rows of other tables, aggregated results and
 * rows whose time column was projected away are skipped with a reason.
 */
class LogAnalyticsCsv implements CsvFormat {
  readonly id: string;
  private readonly keys: string[];
  private readonly names: string[];
  private readonly table: LaTable | undefined;
  private readonly opts: NormaliseOptions;

  constructor(keys: string[], table: LaTable | undefined, opts: NormaliseOptions) {
    this.keys = keys;
    const all = new Set(keys.map((k) => k.trim()));
    this.names = keys.map((k) => laColumnName(k, all));
    this.table = table;
    this.id = table === undefined ? 'la.query.csv' : LA_FORMAT_OF_TABLE[table];
    this.opts = opts;
  }

  row(cells: string[], pos: Position, out: ParsedItem[]): void {
    const view: Obj = {};
    const names = this.names;
    for (let i = 0; i < names.length; i++) {
      const c = cells[i];
      if (c !== undefined && c !== '' && view[names[i]!] === undefined) view[names[i]!] = c;
    }
    const type = view.Type;
    const table: LaTable | undefined =
      type === 'AuditLogs' || type === 'OfficeActivity'
        ? type
        : typeof type === 'string' && LA_SIGNIN_TABLES.has(type)
          ? 'SigninLogs'
          : this.table;
    const raw = rawRow(this.keys, cells);
    pushEvent(out, pos, () => normaliseLaRow(view, { ...this.opts, raw }, table));
  }
}

// ---- detection -----------------------------------------------------------------------------------

/** The CSV layout of a header row, or undefined if it is none takeback reads. */
export function csvFormatOf(header: readonly string[], opts: NormaliseOptions): CsvFormat | undefined {
  const keys = uniqueKeys(header);
  const cols = new Columns(keys);
  if (cols.has('AuditData') && cols.has('CreationDate')) {
    return new PurviewCsv(cols.has('RecordId') ? 'purview.csv' : 'purview.csv.legacy', keys, cols, opts);
  }
  if (cols.has('Date (UTC)', 'Date', 'Activity Date (UTC)') && cols.has('Activity') && cols.has('ActorType', 'ActorUserPrincipalName', 'ActorDisplayName', 'Target1Type')) {
    return new EntraAuditCsv(keys, cols, opts);
  }
  if (cols.has('Date (UTC)', 'Date') && cols.has('Request ID', 'Sign-in error code') && cols.has('Username', 'User', 'Application', 'Service principal ID')) {
    return new EntraSignInCsv(keys, cols, opts);
  }
  const all = new Set(keys.map((k) => k.trim()));
  const names = new Set(keys.map((k) => laColumnName(k, all)));
  const table = laTableOfColumns((c) => names.has(c));
  if (table !== undefined || names.has('Type') || keys.some((k) => k.trim().endsWith(' [UTC]'))) {
    return new LogAnalyticsCsv(keys, table, opts);
  }
  return undefined;
}
