// Reading the authorization policy (a single object as Graph returns it) for checks.
import type { Snapshot } from '../../core/snapshot.ts';

type Obj = Record<string, unknown>;

export function authorizationPolicy(s: Snapshot): Obj | undefined {
  return s.policies.authorization;
}

/** defaultUserRolePermissions: what every member user may do. */
export function defaultUserRole(s: Snapshot): Obj | undefined {
  const p = s.policies.authorization?.defaultUserRolePermissions;
  return typeof p === 'object' && p !== null && !Array.isArray(p) ? (p as Obj) : undefined;
}
