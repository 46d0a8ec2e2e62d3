// /organization: tenant details and notification contacts (PATCH answers 204).
import { updateOrganization } from '../../tenant/operations/organization.ts';
import { notFound } from '../../tenant/sim-error.ts';
import { collectionReply, entityReply, project, readSelect } from '../odata/query.ts';
import { PERMISSIONS } from '../permissions.ts';
import type { GraphRoute } from '../route.ts';
import { organizationJson } from '../shapes/directory.ts';
import { bodyObject, NO_CONTENT, now } from './helpers.ts';

export const organizationRoutes: GraphRoute[] = [
  {
    method: 'GET',
    pattern: '/organization',
    class: 'organization',
    permission: PERMISSIONS.organizationRead,
    handle: (ctx) => collectionReply(ctx, 'organization', [project(organizationJson(ctx.state, ctx.state.organization), readSelect(ctx))]),
  },
  {
    method: 'GET',
    pattern: '/organization/{id}',
    class: 'organization',
    permission: PERMISSIONS.organizationRead,
    handle: (ctx) => {
      if (ctx.params.id !== ctx.state.organization.id) throw notFound(ctx.params.id ?? '');
      return entityReply(ctx, 'organization/$entity', project(organizationJson(ctx.state, ctx.state.organization), readSelect(ctx)));
    },
  },
  {
    method: 'PATCH',
    pattern: '/organization/{id}',
    class: 'organization',
    permission: PERMISSIONS.organizationWrite,
    handle: (ctx) => {
      updateOrganization(ctx.state, ctx.actor, now(ctx), ctx.params.id ?? '', bodyObject(ctx));
      return NO_CONTENT;
    },
  },
];
