// /auditLogs/directoryAudits and /auditLogs/signIns: newest first, $filter with time bounds,
// $top, skiptoken paging, and the tenant's retention window (7 days Free, 30 days P1/P2).
// Sign-ins need Entra ID P1/P2; directory audits work on Free.
import type { Reply } from '../../http/types.ts';
import type { DirectoryAuditRecord, SignInRecord } from '../../tenant/log-records.ts';
import { notFound, SimError } from '../../tenant/sim-error.ts';
import { DAY_MS } from '../../tenant/tenant-state.ts';
import type { TimeOrderedLog } from '../../tenant/time-ordered-log.ts';
import { evaluate, timeBounds } from '../odata/filter-eval.ts';
import { collectionReply, decodeToken, entityReply, project, readFilter, readSelect, readTop } from '../odata/query.ts';
import { PERMISSIONS } from '../permissions.ts';
import type { GraphContext, GraphRoute } from '../route.ts';

interface LogToken {
  l: number;
  e: number;
  from: number;
  to: number;
  asc: boolean;
}

interface LogSpec<T> {
  fragment: string;
  timeProperty: string;
  entity: string;
  filterable: (ctx: GraphContext) => string[];
  log: (ctx: GraphContext) => TimeOrderedLog<T>;
  shape: (ctx: GraphContext, record: T) => Record<string, unknown>;
}

const AUDIT_FILTERABLE = [
  'activityDateTime', 'activityDisplayName', 'category', 'correlationId', 'id', 'loggedByService', 'result', 'operationType',
  'initiatedBy/user/id', 'initiatedBy/user/userPrincipalName', 'initiatedBy/user/displayName', 'initiatedBy/app/appId', 'initiatedBy/app/displayName',
  'targetResources/id', 'targetResources/userPrincipalName', 'targetResources/displayName', 'targetResources/type',
];

const SIGN_IN_FILTERABLE = [
  'createdDateTime', 'id', 'userId', 'userPrincipalName', 'userDisplayName', 'appId', 'appDisplayName', 'ipAddress', 'correlationId',
  'status/errorCode', 'isInteractive', 'location/countryOrRegion', 'location/city', 'conditionalAccessStatus', 'clientAppUsed',
];

function windowStart(ctx: GraphContext): number {
  return ctx.state.clock.now() - ctx.state.retentionDays * DAY_MS;
}

function listLog<T>(ctx: GraphContext, spec: LogSpec<T>): Reply {
  const top = readTop(ctx, 1000, 1000);
  const filter = readFilter(ctx, { entity: spec.entity, properties: spec.filterable(ctx) });
  let token = decodeToken<LogToken>(ctx, '$skiptoken');
  if (!token) {
    const orderBy = (ctx.query.get('$orderby') ?? `${spec.timeProperty} desc`).trim().replace(/\s+/g, ' ');
    if (orderBy !== `${spec.timeProperty} desc` && orderBy !== `${spec.timeProperty} asc` && orderBy !== spec.timeProperty) {
      throw new SimError(400, 'BadRequest', `OrderBy is only supported on ${spec.timeProperty}.`);
    }
    const bounds = timeBounds(filter, spec.timeProperty);
    // The window is fixed at the first page, so paging does not drift as the clock runs.
    token = { l: -1, e: -1, from: Math.max(bounds.from, windowStart(ctx)), to: Math.min(bounds.to, ctx.state.clock.now()), asc: !orderBy.endsWith('desc') };
  }
  const page = spec.log(ctx).page({
    fromMs: token.from,
    toMs: token.to,
    descending: !token.asc,
    limit: top,
    scanBudget: 200_000,
    cursor: token.l < 0 ? undefined : { lazy: token.l, explicit: token.e },
    accept: filter ? (record) => evaluate(filter, spec.shape(ctx, record)) : undefined,
  });
  const select = readSelect(ctx);
  const value = page.items.map((r) => project(spec.shape(ctx, r), select));
  const next = page.next ? { ...token, l: page.next.lazy, e: page.next.explicit } : undefined;
  return collectionReply(ctx, spec.fragment, value, next);
}

function getOne<T>(ctx: GraphContext, spec: LogSpec<T>, idOf: (r: T) => string): Reply {
  const id = ctx.params.id ?? '';
  const hit = spec.log(ctx).find(id, idOf);
  if (!hit || hit.t < windowStart(ctx)) throw notFound(id);
  return entityReply(ctx, `${spec.fragment}/$entity`, project(spec.shape(ctx, hit.record), readSelect(ctx)));
}

const directoryAudits: LogSpec<DirectoryAuditRecord> = {
  fragment: 'auditLogs/directoryAudits',
  timeProperty: 'activityDateTime',
  entity: 'directoryAudit',
  filterable: () => AUDIT_FILTERABLE,
  log: (ctx) => ctx.state.auditLog,
  shape: (_ctx, r) => r as unknown as Record<string, unknown>,
};

const signIns: LogSpec<SignInRecord> = {
  fragment: 'auditLogs/signIns',
  timeProperty: 'createdDateTime',
  entity: 'signIn',
  // signInEventTypes is beta-only: v1.0 rejects it, as a live tenant showed.
  filterable: (ctx) => (ctx.version === 'beta' ? [...SIGN_IN_FILTERABLE, 'signInEventTypes'] : SIGN_IN_FILTERABLE),
  log: (ctx) => ctx.state.signInLog,
  shape: (ctx, r) =>
    ctx.version === 'beta'
      ? { ...(r as unknown as Record<string, unknown>), signInEventTypes: [r.isInteractive ? 'interactiveUser' : 'nonInteractiveUser'] }
      : (r as unknown as Record<string, unknown>),
};

export const auditLogRoutes: GraphRoute[] = [
  { method: 'GET', pattern: '/auditLogs/directoryAudits', class: 'auditLogs', permission: PERMISSIONS.auditLogRead, handle: (ctx) => listLog(ctx, directoryAudits) },
  { method: 'GET', pattern: '/auditLogs/directoryAudits/{id}', class: 'auditLogs', permission: PERMISSIONS.auditLogRead, handle: (ctx) => getOne(ctx, directoryAudits, (r) => r.id) },
  { method: 'GET', pattern: '/auditLogs/signIns', class: 'auditLogs', permission: PERMISSIONS.auditLogRead, premium: true, handle: (ctx) => listLog(ctx, signIns) },
  { method: 'GET', pattern: '/auditLogs/signIns/{id}', class: 'auditLogs', permission: PERMISSIONS.auditLogRead, premium: true, handle: (ctx) => getOne(ctx, signIns, (r) => r.id) },
];
