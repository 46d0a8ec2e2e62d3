// /security/auditLog/queries: Purview audit search through Graph (reference A.1). POST creates a
// query (201); GET …/{id} shows its status (notStarted → running → succeeded); GET …/{id}/records
// pages the results with @odata.nextLink. As on a live tenant, /beta answers and v1.0 says 404
// UnknownError (a switch: `auditQueries.options.v1`). Rapid creation gets 429 (graph-service.ts).
import { randomUUID } from 'node:crypto';
import type { Reply } from '../../http/types.ts';
import type { SimAuditQuery } from '../../tenant/audit-queries.ts';
import { notFound, SimError } from '../../tenant/sim-error.ts';
import type { UalRecord } from '../../tenant/ual-records.ts';
import type { UalCursor } from '../../tenant/unified-audit-log.ts';
import { graphError } from '../errors.ts';
import { collectionReply, decodeToken, entityReply, pageList, readTop } from '../odata/query.ts';
import { PERMISSIONS } from '../permissions.ts';
import type { GraphContext, GraphRoute } from '../route.ts';

const QUERIES = 'security/auditLog/queries';
/** The fake's page size for records when $top is not given (Graph's own is not documented). */
const DEFAULT_RECORDS_PAGE = 150;

function queryJson(ctx: GraphContext, q: SimAuditQuery): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.security.auditLogQuery',
    id: q.id,
    displayName: q.displayName,
    filterStartDateTime: q.filterStartDateTime,
    filterEndDateTime: q.filterEndDateTime,
    recordTypeFilters: q.recordTypeFilters,
    keywordFilter: q.keywordFilter,
    serviceFilters: q.serviceFilters,
    operationFilters: q.operationFilters,
    userPrincipalNameFilters: q.userPrincipalNameFilters,
    ipAddressFilters: q.ipAddressFilters,
    objectIdFilters: q.objectIdFilters,
    administrativeUnitIdFilters: q.administrativeUnitIdFilters,
    status: ctx.state.auditQueries.status(q),
  };
}

// Integer fields of the raw record, which Graph annotates in the open auditData dictionary.
const INT64_FIELDS = ['RecordType', 'UserType', 'Version', 'AzureActiveDirectoryEventType'];

/** A record as the records endpoint returns it: summary fields around the raw UAL record. */
export function auditLogRecordJson(record: UalRecord): Record<string, unknown> {
  const d = record.data;
  const auditData: Record<string, unknown> = { '@odata.type': '#microsoft.graph.security.defaultAuditData' };
  for (const [key, value] of Object.entries(d)) {
    if (INT64_FIELDS.includes(key) && typeof value === 'number') auditData[`${key}@odata.type`] = '#Int64';
    auditData[key] = value;
  }
  const user = typeof d.UserId === 'string' ? d.UserId : null;
  return {
    '@odata.type': '#microsoft.graph.security.auditLogRecord',
    id: d.Id,
    createdDateTime: new Date(record.t).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    auditLogRecordType: record.recordType,
    operation: d.Operation,
    organizationId: d.OrganizationId,
    userType: d.UserType === 0 ? 'Regular' : 'Application',
    userId: user,
    service: d.Workload,
    objectId: d.ObjectId,
    userPrincipalName: user,
    clientIp: d.ClientIP === '' ? null : d.ClientIP,
    administrativeUnits: [],
    auditData,
  };
}

/** v1.0 as observed live: 404 UnknownError; the fake serves it only when told to. */
function v1Refused(ctx: GraphContext): Reply | undefined {
  if (ctx.version === 'v1.0' && ctx.state.auditQueries.options.v1 === 'unknownError') return graphError(ctx.call, 404, 'UnknownError', '');
  return undefined;
}

function requireQuery(ctx: GraphContext): SimAuditQuery {
  const id = ctx.params.id ?? '';
  const q = ctx.state.auditQueries.get(id);
  if (!q) throw notFound(id);
  return q;
}

function records(ctx: GraphContext): Reply {
  const q = requireQuery(ctx);
  const status = ctx.state.auditQueries.status(q);
  if (status !== 'succeeded') throw new SimError(400, 'BadRequest', `The audit log query is ${status}; its records can be read once it has succeeded.`);
  const top = readTop(ctx, DEFAULT_RECORDS_PAGE, 1000);
  const cursor = decodeToken<UalCursor>(ctx, '$skiptoken');
  const store = ctx.state.auditQueries;
  const page = ctx.state.unifiedAuditLog.page({
    fromMs: q.fromMs,
    toMs: q.toMs,
    limit: top,
    types: store.types(q),
    accept: (r) => store.matches(q, r),
    ...(cursor ? { cursor } : {}),
  });
  return collectionReply(ctx, `${QUERIES}('${q.id}')/records`, page.items.map(auditLogRecordJson), page.next);
}

export const securityAuditRoutes: GraphRoute[] = [
  {
    method: 'POST',
    pattern: '/security/auditLog/queries',
    class: 'auditQueries',
    permission: PERMISSIONS.auditLogQueryRead,
    handle: (ctx) => {
      const refused = v1Refused(ctx);
      if (refused) return refused;
      const q = ctx.state.auditQueries.create(randomUUID(), ctx.body, ctx.state.clock.now(), ctx.principal.appId);
      const reply = entityReply(ctx, `${QUERIES}/$entity`, queryJson(ctx, q));
      return { ...reply, status: 201, headers: { Location: `${ctx.serviceRoot}/${QUERIES}/${q.id}` } };
    },
  },
  {
    method: 'GET',
    pattern: '/security/auditLog/queries',
    class: 'auditQueries',
    permission: PERMISSIONS.auditLogQueryRead,
    handle: (ctx) => {
      const refused = v1Refused(ctx);
      if (refused) return refused;
      const { page, next } = pageList(ctx, ctx.state.auditQueries.list(), 100, 1000);
      return collectionReply(ctx, QUERIES, page.map((q) => queryJson(ctx, q)), next);
    },
  },
  {
    method: 'GET',
    pattern: '/security/auditLog/queries/{id}',
    class: 'auditQueries',
    permission: PERMISSIONS.auditLogQueryRead,
    handle: (ctx) => v1Refused(ctx) ?? entityReply(ctx, `${QUERIES}/$entity`, queryJson(ctx, requireQuery(ctx))),
  },
  {
    method: 'GET',
    pattern: '/security/auditLog/queries/{id}/records',
    class: 'auditQueries',
    permission: PERMISSIONS.auditLogQueryRead,
    handle: (ctx) => v1Refused(ctx) ?? records(ctx),
  },
];
