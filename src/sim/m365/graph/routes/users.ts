// /users: list with paging and filters, one user, create, update, delete, revoke sessions,
// assign licences. $select=signInActivity needs Entra ID P1 and AuditLog.Read.All, as in Graph.
import { assignLicense, createUser, deleteUser, requireUser, revokeSessions, updateUser, type NewUser } from '../../tenant/operations/users.ts';
import { badRequest } from '../../tenant/sim-error.ts';
import { evaluate } from '../odata/filter-eval.ts';
import { collectionReply, contextUrl, decodeToken, entityReply, project, readFilter, readSelect, readTop } from '../odata/query.ts';
import { PERMISSIONS } from '../permissions.ts';
import type { GraphContext, GraphRoute } from '../route.ts';
import { USER_DEFAULT_PROPERTIES, userJson } from '../shapes/users.ts';
import { bodyObject, NO_CONTENT, now } from './helpers.ts';
import { text } from '../../util/text.ts';

const USER_FILTERABLE = [
  'id', 'displayName', 'givenName', 'surname', 'userPrincipalName', 'mail', 'accountEnabled', 'userType', 'createdDateTime',
  'jobTitle', 'department', 'usageLocation', 'otherMails', 'assignedLicenses/skuId',
  'signInActivity/lastSignInDateTime', 'signInActivity/lastNonInteractiveSignInDateTime', 'signInActivity/lastSuccessfulSignInDateTime',
];

/** True when the request reads sign-in activity (premium, and an extra permission). */
export function readsSignInActivity(ctx: GraphContext): boolean {
  const select = readSelect(ctx) ?? [];
  const filter = ctx.query.get('$filter') ?? '';
  return select.some((s) => s.toLowerCase() === 'signinactivity') || /signInActivity/i.test(filter);
}

function userPermission(ctx: GraphContext) {
  return readsSignInActivity(ctx) ? PERMISSIONS.userSignInActivity : PERMISSIONS.userRead;
}

export function shapeUser(ctx: GraphContext, json: Record<string, unknown>): Record<string, unknown> {
  return project(json, readSelect(ctx) ?? USER_DEFAULT_PROPERTIES);
}

function listUsers(ctx: GraphContext) {
  const top = readTop(ctx, 100, 999);
  const filter = readFilter(ctx, { entity: 'User', properties: USER_FILTERABLE });
  const withActivity = readsSignInActivity(ctx);
  const start = decodeToken<{ p: number }>(ctx, '$skiptoken')?.p ?? 0;
  const value: Record<string, unknown>[] = [];
  let next: { p: number } | undefined;
  let scanned = 0;
  for (const { position, user } of ctx.state.users.walk(start)) {
    if (value.length === top || scanned === 100_000) {
      next = { p: position };
      break;
    }
    scanned++;
    const json = userJson(user, { signInActivity: withActivity });
    if (filter && !evaluate(filter, json)) continue;
    value.push(shapeUser(ctx, json));
  }
  return collectionReply(ctx, 'users', value, next);
}

export const userRoutes: GraphRoute[] = [
  {
    method: 'GET',
    pattern: '/users',
    class: 'users',
    permission: userPermission,
    premium: readsSignInActivity,
    handle: listUsers,
  },
  {
    method: 'POST',
    pattern: '/users',
    class: 'users',
    permission: PERMISSIONS.userWrite,
    handle: (ctx) => {
      const user = createUser(ctx.state, ctx.actor, now(ctx), bodyObject(ctx) as unknown as NewUser);
      return { status: 201, body: { '@odata.context': contextUrl(ctx, 'users/$entity'), ...project(userJson(user), USER_DEFAULT_PROPERTIES) } };
    },
  },
  {
    method: 'GET',
    pattern: '/users/{id}',
    class: 'users',
    permission: userPermission,
    premium: readsSignInActivity,
    handle: (ctx) => {
      const user = requireUser(ctx.state, ctx.params.id ?? '');
      return entityReply(ctx, 'users/$entity', shapeUser(ctx, userJson(user, { signInActivity: readsSignInActivity(ctx) })));
    },
  },
  {
    method: 'PATCH',
    pattern: '/users/{id}',
    class: 'users',
    permission: PERMISSIONS.userWrite,
    handle: (ctx) => {
      updateUser(ctx.state, ctx.actor, now(ctx), ctx.params.id ?? '', bodyObject(ctx));
      return NO_CONTENT;
    },
  },
  {
    method: 'DELETE',
    pattern: '/users/{id}',
    class: 'users',
    permission: PERMISSIONS.userDelete,
    handle: (ctx) => {
      deleteUser(ctx.state, ctx.actor, now(ctx), ctx.params.id ?? '');
      return NO_CONTENT;
    },
  },
  {
    method: 'POST',
    pattern: '/users/{id}/revokeSignInSessions',
    class: 'users',
    permission: PERMISSIONS.userRevokeSessions,
    handle: (ctx) => {
      revokeSessions(ctx.state, ctx.actor, now(ctx), ctx.params.id ?? '');
      return { status: 200, body: { '@odata.context': contextUrl(ctx, 'Edm.Boolean'), value: true } };
    },
  },
  {
    method: 'POST',
    pattern: '/users/{id}/assignLicense',
    class: 'users',
    permission: PERMISSIONS.licenseAssign,
    handle: (ctx) => {
      const body = bodyObject(ctx);
      if (!Array.isArray(body.addLicenses) || !Array.isArray(body.removeLicenses)) {
        throw badRequest("Invalid value specified for property 'addLicenses' or 'removeLicenses'.");
      }
      const add = body.addLicenses.map((l) => text((l as { skuId?: unknown }).skuId));
      const remove = body.removeLicenses.map(String);
      const user = assignLicense(ctx.state, ctx.actor, now(ctx), ctx.params.id ?? '', add, remove);
      return entityReply(ctx, 'users/$entity', project(userJson(user), USER_DEFAULT_PROPERTIES));
    },
  },
];

