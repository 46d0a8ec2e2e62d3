// The recycle bin for users: list (the type cast is required), restore, hard delete.
import { deletedUpn, hardDeleteUser, restoreUser } from '../../tenant/operations/users.ts';
import { notFound, SimError } from '../../tenant/sim-error.ts';
import type { DeletedUser } from '../../tenant/model.ts';
import { collectionReply, contextUrl, entityReply, pageList, project, readSelect } from '../odata/query.ts';
import { PERMISSIONS } from '../permissions.ts';
import type { GraphContext, GraphRoute } from '../route.ts';
import { userJson } from '../shapes/users.ts';
import { NO_CONTENT, now } from './helpers.ts';

const DELETED_USER_DEFAULTS = ['id', 'displayName', 'userPrincipalName', 'deletedDateTime', 'businessPhones', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname'];

function deletedJson(ctx: GraphContext, deleted: DeletedUser): Record<string, unknown> {
  const json = userJson(deleted.user, { deletedDateTime: deleted.deletedDateTime, userPrincipalName: deletedUpn(deleted.user) });
  return project(json, readSelect(ctx) ?? DELETED_USER_DEFAULTS);
}

export const deletedItemRoutes: GraphRoute[] = [
  {
    method: 'GET',
    pattern: '/directory/deletedItems',
    class: 'deletedItems',
    permission: PERMISSIONS.deletedUsersRead,
    handle: () => {
      throw new SimError(400, 'Request_BadRequest', 'Unsupported query: a type cast such as microsoft.graph.user is required to list deleted items.');
    },
  },
  {
    method: 'GET',
    pattern: '/directory/deletedItems/microsoft.graph.user',
    class: 'deletedItems',
    permission: PERMISSIONS.deletedUsersRead,
    handle: (ctx) => {
      ctx.state.purgeExpiredDeletions();
      const all = [...ctx.state.deletedUsers.values()].map((d) => deletedJson(ctx, d));
      const { page, next } = pageList(ctx, all, 100, 999);
      return collectionReply(ctx, 'users', page, next);
    },
  },
  {
    method: 'GET',
    pattern: '/directory/deletedItems/{id}',
    class: 'deletedItems',
    permission: PERMISSIONS.deletedUsersRead,
    handle: (ctx) => {
      ctx.state.purgeExpiredDeletions();
      const deleted = ctx.state.deletedUsers.get(ctx.params.id ?? '');
      if (!deleted) throw notFound(ctx.params.id ?? '');
      return entityReply(ctx, 'directoryObjects/$entity', { '@odata.type': '#microsoft.graph.user', ...deletedJson(ctx, deleted) });
    },
  },
  {
    method: 'POST',
    pattern: '/directory/deletedItems/{id}/restore',
    class: 'deletedItems',
    permission: PERMISSIONS.deletedUsersRestore,
    handle: (ctx) => {
      const user = restoreUser(ctx.state, ctx.actor, now(ctx), ctx.params.id ?? '');
      const body = { '@odata.context': contextUrl(ctx, 'directoryObjects/$entity'), '@odata.type': '#microsoft.graph.user', ...project(userJson(user), DELETED_USER_DEFAULTS), deletedDateTime: null };
      return { status: 200, body };
    },
  },
  {
    method: 'DELETE',
    pattern: '/directory/deletedItems/{id}',
    class: 'deletedItems',
    permission: PERMISSIONS.deletedUsersRestore,
    handle: (ctx) => {
      hardDeleteUser(ctx.state, ctx.actor, now(ctx), ctx.params.id ?? '');
      return NO_CONTENT;
    },
  },
];
