// Admin-ness by role, never by display name alone: Entra roles by template id (names resolved to a
// template through findRoleTemplate), Google roles by their system role id/name. Three tiers, because a
// Helpdesk Administrator's password reset is ordinary work and a Global Administrator's is not.
import type { CanonicalEvent, Provider } from '../core/event.ts';
import { findRoleTemplate, GLOBAL_ADMIN_TEMPLATE_ID, isAdminRole } from '../providers/m365/map/roles.ts';

/** `global`: can do anything (Global Administrator, Google super admin). `privileged`: tier 0. `admin`: other admin roles. */
export type AdminTier = 'global' | 'privileged' | 'admin';

const TIER_RANK: Readonly<Record<AdminTier, number>> = { admin: 1, privileged: 2, global: 3 };

export function higherTier(a: AdminTier | undefined, b: AdminTier | undefined): AdminTier | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return TIER_RANK[a] >= TIER_RANK[b] ? a : b;
}

export interface RoleInfo {
  /** Entra role template id, or the Google role id/name. */
  id?: string;
  name: string;
  tier?: AdminTier;
}

/** Google's system roles (Reports API ROLE_NAME values) and the display names the console uses. */
const GOOGLE_SUPER_ADMIN = new Set(['_seed_admin_role', 'super admin', 'super administrator']);
const GOOGLE_NON_ADMIN = new Set(['_user_role', 'user']);

export function m365RoleTier(idOrName: string): AdminTier | undefined {
  const t = findRoleTemplate(idOrName);
  if (t?.templateId === GLOBAL_ADMIN_TEMPLATE_ID) return 'global';
  if (t?.privileged) return 'privileged';
  return isAdminRole(idOrName) ? 'admin' : undefined;
}

/** Every Google admin role administers something; only the super admin role can do everything. */
export function googleRoleTier(idOrName: string): AdminTier | undefined {
  const k = idOrName.trim().toLowerCase();
  if (k === '') return undefined;
  if (GOOGLE_SUPER_ADMIN.has(k)) return 'global';
  if (GOOGLE_NON_ADMIN.has(k)) return undefined;
  return 'admin';
}

export function roleTier(provider: Provider, idOrName: string): AdminTier | undefined {
  return provider === 'gws' ? googleRoleTier(idOrName) : m365RoleTier(idOrName);
}

/** Google events that grant or revoke admin rights without naming a role. */
const GOOGLE_IMPLICIT_ROLES: Readonly<Record<string, RoleInfo>> = {
  GRANT_ADMIN_PRIVILEGE: { id: '_SEED_ADMIN_ROLE', name: 'Super Admin', tier: 'global' },
  REVOKE_ADMIN_PRIVILEGE: { id: '_SEED_ADMIN_ROLE', name: 'Super Admin', tier: 'global' },
  GRANT_DELEGATED_ADMIN_PRIVILEGES: { name: 'Delegated admin', tier: 'admin' },
};

/** The role a role.assigned / role.unassigned event is about, with its tier; undefined when none is named. */
export function roleOfEvent(ev: CanonicalEvent): RoleInfo | undefined {
  const t = ev.targets.find((x) => x.kind === 'role');
  if (t === undefined || (t.id === undefined && t.name === undefined)) {
    return ev.provider === 'gws' ? GOOGLE_IMPLICIT_ROLES[ev.nativeAction.toUpperCase()] : undefined;
  }
  if (ev.provider === 'gws') {
    const name = t.name ?? t.id!;
    const tier = googleRoleTier(t.name ?? '') ?? googleRoleTier(t.id ?? '');
    const r: RoleInfo = { name };
    if (t.id !== undefined) r.id = t.id;
    if (tier !== undefined) r.tier = tier;
    return r;
  }
  const template = (t.id !== undefined ? findRoleTemplate(t.id) : undefined) ?? (t.name !== undefined ? findRoleTemplate(t.name) : undefined);
  const r: RoleInfo = { name: t.name ?? template?.name ?? t.id! };
  const id = template?.templateId ?? t.id;
  if (id !== undefined) r.id = id;
  // A custom role has no template: its name ("… Administrator") is all there is.
  const tier = template !== undefined ? m365RoleTier(template.templateId) : t.name !== undefined ? m365RoleTier(t.name) : undefined;
  if (tier !== undefined) r.tier = tier;
  return r;
}
