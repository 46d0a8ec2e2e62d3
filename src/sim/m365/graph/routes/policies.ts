// Security defaults (GET/PATCH), the authorization policy (a single object, not a collection), and
// Conditional Access policies. A Free tenant has no CA policies, so it lists none.
import { setSecurityDefaults } from '../../tenant/operations/policies.ts';
import { notFound } from '../../tenant/sim-error.ts';
import { collectionReply, entityReply, pageList, project, readSelect } from '../odata/query.ts';
import { PERMISSIONS } from '../permissions.ts';
import type { GraphRoute } from '../route.ts';
import { authorizationPolicyJson, conditionalAccessPolicyJson, securityDefaultsJson } from '../shapes/policies.ts';
import { bodyObject, NO_CONTENT, now } from './helpers.ts';

export const policyRoutes: GraphRoute[] = [
  {
    method: 'GET',
    pattern: '/policies/identitySecurityDefaultsEnforcementPolicy',
    class: 'policies',
    permission: PERMISSIONS.policyRead,
    handle: (ctx) => entityReply(ctx, 'policies/identitySecurityDefaultsEnforcementPolicy/$entity', project(securityDefaultsJson(ctx.state), readSelect(ctx))),
  },
  {
    method: 'PATCH',
    pattern: '/policies/identitySecurityDefaultsEnforcementPolicy',
    class: 'policies',
    permission: PERMISSIONS.securityDefaultsWrite,
    handle: (ctx) => {
      setSecurityDefaults(ctx.state, ctx.actor, now(ctx), bodyObject(ctx).isEnabled);
      return NO_CONTENT;
    },
  },
  {
    method: 'GET',
    pattern: '/policies/authorizationPolicy',
    class: 'policies',
    permission: PERMISSIONS.policyRead,
    handle: (ctx) => entityReply(ctx, 'policies/authorizationPolicy/$entity', project(authorizationPolicyJson(ctx.state), readSelect(ctx))),
  },
  {
    method: 'GET',
    pattern: '/identity/conditionalAccess/policies',
    class: 'conditionalAccess',
    permission: PERMISSIONS.conditionalAccessRead,
    handle: (ctx) => {
      const all = ctx.state.conditionalAccessPolicies.map((p) => project(conditionalAccessPolicyJson(p), readSelect(ctx)));
      const { page, next } = pageList(ctx, all, 100, 999);
      return collectionReply(ctx, 'identity/conditionalAccess/policies', page, next);
    },
  },
  {
    method: 'GET',
    pattern: '/identity/conditionalAccess/policies/{id}',
    class: 'conditionalAccess',
    permission: PERMISSIONS.conditionalAccessRead,
    handle: (ctx) => {
      const policy = ctx.state.conditionalAccessPolicies.find((p) => p.id === ctx.params.id);
      if (!policy) throw notFound(ctx.params.id ?? '');
      return entityReply(ctx, 'identity/conditionalAccess/policies/$entity', project(conditionalAccessPolicyJson(policy), readSelect(ctx)));
    },
  },
];

