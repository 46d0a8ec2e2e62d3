// Audit log queries (Graph security/auditLog/queries): a search over the Unified Audit Log that runs
// for a while (real ones take minutes; here a short, configurable delay), then holds its results.
// The window is fixed when the query is created, so paging its records never drifts with the clock.
import { SimError } from './sim-error.ts';
import { UAL_RETENTION_DAYS, type UalRecord, type UalRecordType } from './ual-records.ts';

export type AuditQueryStatus = 'notStarted' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface AuditQueryOptions {
  /** From creation to `succeeded` (the first quarter `notStarted`, then `running`); default 1000 ms. */
  delayMs: number;
  /** What a query ends as; 'failed' to test how a client copes. */
  outcome: 'succeeded' | 'failed';
  /** v1.0 answered 404 UnknownError on a live tenant while /beta worked: 'unknownError' (default) or 'served'. */
  v1: 'unknownError' | 'served';
}

export const DEFAULT_AUDIT_QUERY_OPTIONS: AuditQueryOptions = { delayMs: 1000, outcome: 'succeeded', v1: 'unknownError' };

export interface SimAuditQuery {
  id: string;
  displayName: string | null;
  filterStartDateTime: string | null;
  filterEndDateTime: string | null;
  /** As the CSDL enum names them (PascalCase). */
  recordTypeFilters: string[];
  operationFilters: string[];
  userPrincipalNameFilters: string[];
  ipAddressFilters: string[];
  objectIdFilters: string[];
  administrativeUnitIdFilters: string[];
  serviceFilters: string[];
  keywordFilter: string | null;
  /** Wall-clock ms of creation: the status runs on the wall clock. */
  createdAt: number;
  /** The tenant-clock window searched: the filters within the retention, up to creation. */
  fromMs: number;
  toMs: number;
  ownerAppId: string;
  /** Fixed once the query has ended. */
  ended?: 'succeeded' | 'failed';
}

/** Record types the fake holds, by their CSDL name; others are valid filters that match nothing. */
const HELD: Record<string, UalRecordType> = {
  azureactivedirectory: 'AzureActiveDirectory',
  azureactivedirectorystslogon: 'AzureActiveDirectoryStsLogon',
};

const DAY_MS = 24 * 60 * 60 * 1000;

function strings(body: Record<string, unknown>, name: string): string[] {
  const v = body[name];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new SimError(400, 'BadRequest', `Invalid value for '${name}'.`);
  return v;
}

function time(body: Record<string, unknown>, name: string): string | null {
  const v = body[name];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) throw new SimError(400, 'BadRequest', `Invalid value for '${name}'.`);
  return v;
}

/** A record type named camelCase (as requests send it) or PascalCase, as the enum member. */
function recordTypeName(raw: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(raw)) throw new SimError(400, 'BadRequest', `The value '${raw}' is not a valid auditLogRecordType.`);
  return HELD[raw.toLowerCase()] ?? raw.charAt(0).toUpperCase() + raw.slice(1);
}

export class AuditQueryStore {
  options: AuditQueryOptions = { ...DEFAULT_AUDIT_QUERY_OPTIONS };
  private readonly queries = new Map<string, SimAuditQuery>();

  create(id: string, body: unknown, tenantNowMs: number, ownerAppId: string): SimAuditQuery {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SimError(400, 'BadRequest', 'The request body must be an auditLogQuery.');
    const b = body as Record<string, unknown>;
    const start = time(b, 'filterStartDateTime');
    const end = time(b, 'filterEndDateTime');
    const keyword = b.keywordFilter;
    const query: SimAuditQuery = {
      id,
      displayName: typeof b.displayName === 'string' ? b.displayName : null,
      filterStartDateTime: start,
      filterEndDateTime: end,
      recordTypeFilters: strings(b, 'recordTypeFilters').map(recordTypeName),
      operationFilters: strings(b, 'operationFilters'),
      userPrincipalNameFilters: strings(b, 'userPrincipalNameFilters'),
      ipAddressFilters: strings(b, 'ipAddressFilters'),
      objectIdFilters: strings(b, 'objectIdFilters'),
      administrativeUnitIdFilters: strings(b, 'administrativeUnitIdFilters'),
      serviceFilters: [...strings(b, 'serviceFilters'), ...(typeof b.serviceFilter === 'string' ? [b.serviceFilter] : [])],
      keywordFilter: typeof keyword === 'string' ? keyword : null,
      createdAt: Date.now(),
      fromMs: Math.max(start === null ? -Infinity : Date.parse(start), tenantNowMs - UAL_RETENTION_DAYS * DAY_MS),
      toMs: Math.min(end === null ? Infinity : Date.parse(end), tenantNowMs),
      ownerAppId,
    };
    if (query.fromMs > query.toMs && start !== null && end !== null) throw new SimError(400, 'BadRequest', 'filterStartDateTime must be before filterEndDateTime.');
    this.queries.set(id, query);
    return query;
  }

  get(id: string): SimAuditQuery | undefined {
    return this.queries.get(id);
  }

  list(): SimAuditQuery[] {
    return [...this.queries.values()];
  }

  status(query: SimAuditQuery): AuditQueryStatus {
    if (query.ended) return query.ended;
    const elapsed = Date.now() - query.createdAt;
    if (elapsed >= this.options.delayMs) {
      query.ended = this.options.outcome;
      return query.ended;
    }
    return elapsed < this.options.delayMs / 4 ? 'notStarted' : 'running';
  }

  /** The record types a query reads (no filter: every type the tenant holds). */
  types(query: SimAuditQuery): Set<UalRecordType> {
    if (query.recordTypeFilters.length === 0) return new Set(Object.values(HELD));
    return new Set(query.recordTypeFilters.flatMap((name) => (HELD[name.toLowerCase()] ? [HELD[name.toLowerCase()] as UalRecordType] : [])));
  }

  /** Whether a record matches the query's other filters (case-insensitive, as Purview's search). */
  matches(query: SimAuditQuery, record: UalRecord): boolean {
    const d = record.data;
    const anyOf = (filters: string[], value: unknown): boolean =>
      filters.length === 0 || (typeof value === 'string' && filters.some((f) => f.toLowerCase() === value.toLowerCase()));
    if (!anyOf(query.operationFilters, d.Operation)) return false;
    if (!anyOf(query.userPrincipalNameFilters, d.UserId)) return false;
    if (!anyOf(query.ipAddressFilters, d.ClientIP)) return false;
    if (!anyOf(query.objectIdFilters, d.ObjectId)) return false;
    if (query.serviceFilters.length > 0 && !anyOf(query.serviceFilters, d.Workload)) return false;
    if (query.keywordFilter !== null && !JSON.stringify(d).toLowerCase().includes(query.keywordFilter.toLowerCase())) return false;
    return true;
  }
}
