// /users/{id}/authentication/methods and the typed method collections (GET, DELETE one method).
import { deleteMethod } from '../../tenant/operations/auth-methods.ts';
import { requireUser } from '../../tenant/operations/users.ts';
import { SimError } from '../../tenant/sim-error.ts';
import { collectionReply } from '../odata/query.ts';
import { PERMISSIONS } from '../permissions.ts';
import type { GraphContext, GraphRoute } from '../route.ts';
import { METHOD_SEGMENTS, methodJson } from '../shapes/users.ts';
import { NO_CONTENT, now } from './helpers.ts';

function kindOf(ctx: GraphContext) {
  const segment = ctx.params.segment ?? '';
  const kind = Object.entries(METHOD_SEGMENTS).find(([name]) => name.toLowerCase() === segment.toLowerCase())?.[1];
  if (!kind) throw new SimError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
  return kind;
}

export const authMethodRoutes: GraphRoute[] = [
  {
    method: 'GET',
    pattern: '/users/{id}/authentication/methods',
    class: 'authMethods',
    permission: PERMISSIONS.authMethodRead,
    handle: (ctx) => {
      const user = requireUser(ctx.state, ctx.params.id ?? '');
      return collectionReply(ctx, `users('${user.id}')/authentication/methods`, user.methods.map(methodJson));
    },
  },
  {
    method: 'GET',
    pattern: '/users/{id}/authentication/{segment}',
    class: 'authMethods',
    permission: PERMISSIONS.authMethodRead,
    handle: (ctx) => {
      const kind = kindOf(ctx);
      const user = requireUser(ctx.state, ctx.params.id ?? '');
      return collectionReply(ctx, `users('${user.id}')/authentication/${ctx.params.segment ?? ''}`, user.methods.filter((m) => m.kind === kind).map(methodJson));
    },
  },
  {
    method: 'DELETE',
    pattern: '/users/{id}/authentication/{segment}/{methodId}',
    class: 'authMethods',
    permission: PERMISSIONS.authMethodWrite,
    handle: (ctx) => {
      deleteMethod(ctx.state, ctx.actor, now(ctx), ctx.params.id ?? '', kindOf(ctx), ctx.params.methodId ?? '');
      return NO_CONTENT;
    },
  },
];
