// /applications and /servicePrincipals with password and key credentials.
import { notFound } from '../../tenant/sim-error.ts';
import { evaluate } from '../odata/filter-eval.ts';
import { collectionReply, entityReply, pageList, project, readFilter, readSelect } from '../odata/query.ts';
import { PERMISSIONS } from '../permissions.ts';
import type { GraphRoute } from '../route.ts';
import { applicationJson, servicePrincipalJson } from '../shapes/apps.ts';

export const applicationRoutes: GraphRoute[] = [
  {
    method: 'GET',
    pattern: '/applications',
    class: 'applications',
    permission: PERMISSIONS.applicationRead,
    handle: (ctx) => {
      const filter = readFilter(ctx, { entity: 'Application', properties: ['id', 'appId', 'displayName', 'createdDateTime'] });
      const all = ctx.state.applications.map(applicationJson).filter((a) => !filter || evaluate(filter, a)).map((a) => project(a, readSelect(ctx)));
      const { page, next } = pageList(ctx, all, 100, 999);
      return collectionReply(ctx, 'applications', page, next);
    },
  },
  {
    method: 'GET',
    pattern: '/applications/{id}',
    class: 'applications',
    permission: PERMISSIONS.applicationRead,
    handle: (ctx) => {
      const app = ctx.state.applications.find((a) => a.id === ctx.params.id);
      if (!app) throw notFound(ctx.params.id ?? '');
      return entityReply(ctx, 'applications/$entity', project(applicationJson(app), readSelect(ctx)));
    },
  },
  {
    method: 'GET',
    pattern: '/servicePrincipals',
    class: 'applications',
    permission: PERMISSIONS.applicationRead,
    handle: (ctx) => {
      const filter = readFilter(ctx, { entity: 'ServicePrincipal', properties: ['id', 'appId', 'displayName', 'servicePrincipalType', 'accountEnabled'] });
      const all = ctx.state.servicePrincipals.map(servicePrincipalJson).filter((s) => !filter || evaluate(filter, s)).map((s) => project(s, readSelect(ctx)));
      const { page, next } = pageList(ctx, all, 100, 999);
      return collectionReply(ctx, 'servicePrincipals', page, next);
    },
  },
  {
    method: 'GET',
    pattern: '/servicePrincipals/{id}',
    class: 'applications',
    permission: PERMISSIONS.applicationRead,
    handle: (ctx) => {
      const sp = ctx.state.servicePrincipals.find((s) => s.id === ctx.params.id);
      if (!sp) throw notFound(ctx.params.id ?? '');
      return entityReply(ctx, 'servicePrincipals/$entity', project(servicePrincipalJson(sp), readSelect(ctx)));
    },
  },
];
