// Tenant-wide sign-in policies: security defaults, Conditional Access (assessed as Graph returns
// them, not modelled) and the authorization policy (who may consent, invite, create apps, use SSPR).
import type { GraphClient, Json } from '../graph.ts';

/** Drops OData annotations (@odata.context and the like): they describe the response, not the tenant. */
export function withoutAnnotations(json: Json): Json {
  return Object.fromEntries(Object.entries(json).filter(([key]) => !key.startsWith('@odata.')));
}

export async function collectSecurityDefaults(graph: GraphClient): Promise<boolean | undefined> {
  const policy = await graph.get('/policies/identitySecurityDefaultsEnforcementPolicy');
  return typeof policy.isEnabled === 'boolean' ? policy.isEnabled : undefined;
}

export async function collectConditionalAccess(graph: GraphClient): Promise<Json[]> {
  const policies = await graph.all('/identity/conditionalAccess/policies');
  return policies.map(withoutAnnotations).sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

export async function collectAuthorizationPolicy(graph: GraphClient): Promise<Json> {
  return withoutAnnotations(await graph.get('/policies/authorizationPolicy'));
}
