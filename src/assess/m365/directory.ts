// Reading the directory part of a Microsoft 365 snapshot for checks: who holds which admin role (by
// role template id, never by name), how people are named, which domains are the tenant's own.
import type { Principal, Snapshot } from '../../core/snapshot.ts';
import { GLOBAL_ADMIN_TEMPLATE_ID, isAdminRole, isPrivilegedRole } from '../../providers/m365/map/roles.ts';
import type { Subject } from '../types.ts';

export { GLOBAL_ADMIN_TEMPLATE_ID };

export interface RoleHolder {
  id: string;
  /** The principal as the snapshot lists it; undefined when only the assignment names it. */
  principal?: Principal;
  /** Role template ids (lower case), admin roles only. */
  roles: string[];
  privileged: boolean;
  globalAdmin: boolean;
}

/** Every principal holding at least one admin role, with its admin roles. */
export function roleHolders(s: Snapshot): RoleHolder[] {
  const principals = byId(s.principals);
  const out = new Map<string, RoleHolder>();
  for (const a of s.roleAssignments) {
    const role = a.roleTemplateId.toLowerCase();
    if (!isAdminRole(role)) continue;
    const key = a.principalId.toLowerCase();
    let h = out.get(key);
    if (!h) {
      const principal = principals.get(key);
      h = { id: a.principalId, ...(principal ? { principal } : {}), roles: [], privileged: false, globalAdmin: false };
      out.set(key, h);
    }
    if (!h.roles.includes(role)) h.roles.push(role);
    if (isPrivilegedRole(role)) h.privileged = true;
    if (role === GLOBAL_ADMIN_TEMPLATE_ID) h.globalAdmin = true;
  }
  return [...out.values()].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
}

/** Admin role holders that are users (a holder the snapshot cannot name is left out). */
export function adminUsers(s: Snapshot): RoleHolder[] {
  return roleHolders(s).filter((h) => h.principal?.kind === 'user');
}

export function byId(principals: readonly Principal[]): Map<string, Principal> {
  return new Map(principals.map((p) => [p.id.toLowerCase(), p]));
}

export function nameOf(h: { id: string; principal?: Principal }): string {
  return h.principal?.upn ?? h.principal?.name ?? h.id;
}

export function subjectOf(h: { id: string; principal?: Principal }): Subject {
  const name = nameOf(h);
  return { kind: h.principal?.kind ?? 'principal', id: h.id, ...(name !== h.id ? { name } : {}) };
}

export { roleNames } from './role-names.ts';

/** True when `declared` (UPNs or object ids, any case) names this principal. */
export function isNamed(declared: readonly string[], p: { id: string; upn?: string | undefined }): boolean {
  const set = new Set(declared.map((d) => d.trim().toLowerCase()));
  return set.has(p.id.toLowerCase()) || (p.upn !== undefined && set.has(p.upn.toLowerCase()));
}

/** Users named by a declared list, and the declared names that match nobody. */
export function resolveDeclared(s: Snapshot, declared: readonly string[]): { found: Principal[]; missing: string[] } {
  const users = s.principals.filter((p) => p.kind === 'user');
  const found: Principal[] = [];
  const missing: string[] = [];
  for (const d of declared) {
    const p = users.find((u) => isNamed([d], u));
    if (p) {
      if (!found.includes(p)) found.push(p);
    } else missing.push(d);
  }
  return { found, missing };
}

/** The tenant's own domains, lower case. */
export function ownDomains(s: Snapshot): Set<string> {
  return new Set((s.info?.domains ?? []).map((d) => d.name.toLowerCase()));
}

/** The initial *.onmicrosoft.com domain (from the domain list, else by name). */
export function initialDomain(s: Snapshot): string | undefined {
  const domains = s.info?.domains ?? [];
  return (domains.find((d) => d.isInitial) ?? domains.find((d) => /\.onmicrosoft\.com$/i.test(d.name)))?.name.toLowerCase();
}

export function domainOf(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  return at < 0 ? undefined : address.slice(at + 1).trim().toLowerCase();
}

/** True when the address is in one of the tenant's domains or their subdomains. */
export function isInside(address: string, domains: ReadonlySet<string>): boolean {
  const d = domainOf(address);
  if (d === undefined) return false;
  for (const own of domains) if (d === own || d.endsWith(`.${own}`)) return true;
  return false;
}

/** A deleted user's UPN as Entra keeps it ("<object id without dashes><upn>"), without that prefix. */
export function undeletedUpn(upn: string): string {
  return upn.replace(/^[0-9a-f]{32}(?=[^@]*@)/i, '');
}
