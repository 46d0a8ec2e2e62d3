// Reading snapshots for the state rules: admins by role template id, principals as entities, what a
// source could not see (a denied or failed source is unknown, never "everything vanished").
import type { Principal, RoleAssignment, Snapshot } from '../../core/snapshot.ts';
import { higherTier, roleTier, type AdminTier } from '../admin.ts';
import type { EntityRef } from '../finding.ts';
import { undeletedUpn } from '../identity.ts';

/** False when the snapshot says one of these sources was not read (denied, unlicensed, error, skipped). */
export function known(s: Snapshot, ...sources: string[]): boolean {
  for (const name of sources) {
    const st = s.sources[name];
    if (st !== undefined && st.state !== 'ok') return false;
  }
  return true;
}

export const USERS = ['users', 'principals'];
export const ROLES = ['roleAssignments', 'directoryRoles', 'roles'];

export interface AdminHolding {
  tier: AdminTier;
  assignments: RoleAssignment[];
}

/** Principals holding an admin role, by principal id, with their highest tier. */
export function adminsOf(s: Snapshot): Map<string, AdminHolding> {
  const out = new Map<string, AdminHolding>();
  for (const a of s.roleAssignments) {
    const tier = roleTier(s.provider, a.roleTemplateId);
    if (tier === undefined) continue;
    const key = a.principalId.toLowerCase();
    const have = out.get(key);
    if (have === undefined) out.set(key, { tier, assignments: [a] });
    else {
      have.tier = higherTier(have.tier, tier)!;
      have.assignments.push(a);
    }
  }
  return out;
}

export function principalsById(s: Snapshot): Map<string, Principal> {
  return new Map(s.principals.map((p) => [p.id.toLowerCase(), p]));
}

export function refOfPrincipal(p: { id: string; upn?: string | undefined; name?: string | undefined; kind?: string }): EntityRef {
  const name = p.upn !== undefined ? (undeletedUpn(p.upn) ?? p.upn) : p.name;
  const r: EntityRef = { kind: p.kind ?? 'user', id: p.id };
  if (name !== undefined) r.name = name;
  return r;
}

/** The most powerful role name of a holding (for text). */
export function topRole(h: AdminHolding, provider: Snapshot['provider']): string {
  const best = h.assignments.find((a) => roleTier(provider, a.roleTemplateId) === h.tier) ?? h.assignments[0];
  return best?.roleName ?? best?.roleTemplateId ?? '-';
}

export function withinDays(iso: string | undefined, refMs: number, days: number): boolean {
  if (iso === undefined) return false;
  const t = Date.parse(iso);
  return Number.isFinite(t) && t <= refMs + 60_000 && t >= refMs - days * 86_400_000;
}

/** All notification addresses of a snapshot, lower-cased. */
export function contactsOf(s: Snapshot): string[] {
  const c = s.info?.notificationContacts;
  if (c === undefined) return [];
  return [...new Set([...c.technical, ...c.security, ...c.marketing].map((x) => x.trim().toLowerCase()).filter((x) => x !== ''))];
}

export function domainsOf(...snapshots: Array<Snapshot | undefined>): Set<string> {
  const out = new Set<string>();
  for (const s of snapshots) for (const d of s?.info?.domains ?? []) out.add(d.name.toLowerCase());
  return out;
}

/** A snapshot date as canonical ISO, with whether it is real: unparseable or missing dates fall back to `seenAt`. */
export function dated(value: string | undefined, seenAt: string): { time: string; timeExact: boolean } {
  const t = value === undefined ? NaN : Date.parse(value);
  return Number.isFinite(t) ? { time: new Date(t).toISOString(), timeExact: true } : { time: seenAt, timeExact: false };
}
