// /domains and their federation configuration (internalDomainFederation).
import { notFound } from '../../tenant/sim-error.ts';
import { collectionReply, entityReply, project, readSelect } from '../odata/query.ts';
import { PERMISSIONS } from '../permissions.ts';
import type { GraphContext, GraphRoute } from '../route.ts';
import { domainJson, federationJson } from '../shapes/directory.ts';

function domainOf(ctx: GraphContext) {
  const id = (ctx.params.id ?? '').toLowerCase();
  const domain = ctx.state.domains.find((d) => d.id.toLowerCase() === id);
  if (!domain) throw notFound(ctx.params.id ?? '');
  return domain;
}

export const domainRoutes: GraphRoute[] = [
  {
    method: 'GET',
    pattern: '/domains',
    class: 'domains',
    permission: PERMISSIONS.domainRead,
    handle: (ctx) => collectionReply(ctx, 'domains', ctx.state.domains.map((d) => project(domainJson(d), readSelect(ctx)))),
  },
  {
    method: 'GET',
    pattern: '/domains/{id}',
    class: 'domains',
    permission: PERMISSIONS.domainRead,
    handle: (ctx) => entityReply(ctx, 'domains/$entity', project(domainJson(domainOf(ctx)), readSelect(ctx))),
  },
  {
    method: 'GET',
    pattern: '/domains/{id}/federationConfiguration',
    class: 'domains',
    permission: PERMISSIONS.domainRead,
    handle: (ctx) => {
      const domain = domainOf(ctx);
      return collectionReply(ctx, `domains('${domain.id}')/federationConfiguration`, federationJson(domain));
    },
  },
];
