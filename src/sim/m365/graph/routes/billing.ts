// /subscribedSkus and /directory/subscriptions: where bought licences show up (no audit row).
import { notFound } from '../../tenant/sim-error.ts';
import { collectionReply, entityReply, project, readSelect } from '../odata/query.ts';
import { PERMISSIONS } from '../permissions.ts';
import type { GraphRoute } from '../route.ts';
import { subscribedSkuJson, subscriptionJson } from '../shapes/billing.ts';

export const billingRoutes: GraphRoute[] = [
  {
    method: 'GET',
    pattern: '/subscribedSkus',
    class: 'billing',
    permission: PERMISSIONS.billingRead,
    handle: (ctx) => collectionReply(ctx, 'subscribedSkus', ctx.state.skus.map((s) => project(subscribedSkuJson(ctx.state, s), readSelect(ctx)))),
  },
  {
    method: 'GET',
    pattern: '/directory/subscriptions',
    class: 'billing',
    permission: PERMISSIONS.billingRead,
    handle: (ctx) => collectionReply(ctx, 'directory/subscriptions', ctx.state.subscriptions.map((s) => project(subscriptionJson(ctx.state, s), readSelect(ctx)))),
  },
  {
    method: 'GET',
    pattern: '/directory/subscriptions/{id}',
    class: 'billing',
    permission: PERMISSIONS.billingRead,
    handle: (ctx) => {
      const id = ctx.params.id ?? '';
      const sub = ctx.state.subscriptions.find((s) => s.id === id || s.commerceSubscriptionId === id);
      if (!sub) throw notFound(id);
      return entityReply(ctx, 'directory/subscriptions/$entity', project(subscriptionJson(ctx.state, sub), readSelect(ctx)));
    },
  },
];
