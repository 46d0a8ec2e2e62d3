// Small builders for rule fixtures and tests: a canonical event with defaults, named people, roles,
// and a base snapshot that a test patches. Everything lives in tenant `fx-tenant` on contoso.example.
import type { Action } from '../core/actions.ts';
import type { CanonicalEvent, Change, Target } from '../core/event.ts';
import type { Snapshot } from '../core/snapshot.ts';
import { findRoleTemplate, GLOBAL_ADMIN_TEMPLATE_ID } from '../providers/m365/map/roles.ts';

export const FX_TENANT = 'fx-tenant';

export interface Person {
  id: string;
  upn: string;
}

export const ALICE: Person = { id: 'a1a1a1a1-0000-4000-8000-000000000001', upn: 'alice@contoso.example' };
export const BOB: Person = { id: 'b2b2b2b2-0000-4000-8000-000000000002', upn: 'bob@contoso.example' };
export const CAROL: Person = { id: 'c3c3c3c3-0000-4000-8000-000000000003', upn: 'carol@contoso.example' };
export const MALLORY: Person = { id: 'e4e4e4e4-0000-4000-8000-000000000004', upn: 'support@contoso.onmicrosoft.com' };

export const OFFICE_IP = '198.51.100.10';
export const ATTACKER_IP = '203.0.113.66';

let counter = 0;

export type EventInput = Partial<Omit<CanonicalEvent, 'action'>> & { action: Action };

export function ev(p: EventInput): CanonicalEvent {
  counter++;
  return {
    id: p.id ?? `fx-${String(counter).padStart(6, '0')}`,
    tenant: p.tenant ?? FX_TENANT,
    provider: p.provider ?? 'm365',
    source: p.source ?? (p.provider === 'gws' ? 'gws.admin' : 'entra.audit'),
    time: p.time ?? '2026-10-05T01:00:00.000Z',
    action: p.action,
    nativeAction: p.nativeAction ?? p.action,
    actor: p.actor ?? by(ALICE, OFFICE_IP),
    targets: p.targets ?? [],
    changes: p.changes ?? [],
    result: p.result ?? 'success',
    raw: p.raw ?? {},
  };
}

/** An actor from a person, optionally at an IP. */
export function by(p: Person, ip?: string): CanonicalEvent['actor'] {
  return ip === undefined ? { kind: 'user', id: p.id, name: p.upn } : { kind: 'user', id: p.id, name: p.upn, ip };
}

export function user(p: Person): Target {
  return { kind: 'user', id: p.id, name: p.upn };
}

/** A role target by display name, with its template id as the normalisers write it. */
export function role(name: string): Target {
  const t = findRoleTemplate(name);
  return t === undefined ? { kind: 'role', name } : { kind: 'role', id: t.templateId, name: t.name };
}

export function change(name: string, old: string | null | undefined, now: string | null | undefined): Change {
  const c: Change = { name };
  if (old !== undefined) c.old = old;
  if (now !== undefined) c.new = now;
  return c;
}

/** `person` made Global Administrator by Carol long before: makes him an admin in the data. */
export function madeGlobalAdmin(p: Person, time = '2026-09-01T00:00:00.000Z'): CanonicalEvent {
  return ev({ action: 'role.assigned', nativeAction: 'Add member to role', time, actor: by(CAROL, OFFICE_IP), targets: [user(p), role('Global Administrator')] });
}

/** `person` made Helpdesk Administrator long before. */
export function madeHelpdeskAdmin(p: Person, time = '2026-09-01T00:00:00.000Z'): CanonicalEvent {
  return ev({ action: 'role.assigned', nativeAction: 'Add member to role', time, actor: by(CAROL, OFFICE_IP), targets: [user(p), role('Helpdesk Administrator')] });
}

/** A Google admin-console event. */
export function gev(p: EventInput): CanonicalEvent {
  return ev({ provider: 'gws', source: 'gws.admin', tenant: 'fx-customer', ...p });
}

export const GWS_ADMIN: Person = { id: '100000000000000000001', upn: 'admin@example-gws.example' };
export const GWS_USER: Person = { id: '100000000000000000002', upn: 'taro@example-gws.example' };
export const GWS_OTHER: Person = { id: '100000000000000000003', upn: 'hanako@example-gws.example' };

/** `person` made a Google super admin long before. */
export function gMadeSuperAdmin(p: Person, time = '2026-09-01T00:00:00.000Z'): CanonicalEvent {
  return gev({ action: 'role.assigned', nativeAction: 'ASSIGN_ROLE', time, actor: by(GWS_OTHER), targets: [{ kind: 'user', name: p.upn }, { kind: 'role', id: '_SEED_ADMIN_ROLE', name: '_SEED_ADMIN_ROLE' }] });
}

/** A small tenant: Alice is Global Administrator, Bob and Carol are users. Tests patch a copy. */
export function baseSnapshot(collectedAt = '2026-10-25T00:00:00.000Z'): Snapshot {
  return {
    tenant: FX_TENANT,
    provider: 'm365',
    collectedAt,
    info: {
      id: FX_TENANT,
      displayName: 'Contoso',
      domains: [
        { name: 'contoso.example', isDefault: true, verified: true, authentication: 'managed' },
        { name: 'contoso.onmicrosoft.com', isInitial: true, verified: true, authentication: 'managed' },
      ],
      notificationContacts: { technical: ['alice@contoso.example'], security: [], securityPhones: [], marketing: [] },
      createdAt: '2020-01-01T00:00:00Z',
    },
    principals: [
      { id: ALICE.id, kind: 'user', upn: ALICE.upn, enabled: true, createdAt: '2020-01-01T00:00:00Z', authMethods: [{ type: 'microsoftAuthenticator', id: 'm-alice', createdAt: '2021-01-01T00:00:00Z' }] },
      { id: BOB.id, kind: 'user', upn: BOB.upn, enabled: true, createdAt: '2021-01-01T00:00:00Z' },
      { id: CAROL.id, kind: 'user', upn: CAROL.upn, enabled: true, createdAt: '2021-01-01T00:00:00Z' },
    ],
    roleAssignments: [{ principalId: ALICE.id, roleTemplateId: GLOBAL_ADMIN_TEMPLATE_ID, roleName: 'Global Administrator', kind: 'active' }],
    deletedPrincipals: [],
    subscriptions: [{ id: 'sub-1', skuId: 'f245ecc8-75af-4f8e-b61f-27d8114de5f3', skuPartNumber: 'O365_BUSINESS_PREMIUM', status: 'Enabled', isTrial: false, totalLicenses: 10, createdAt: '2020-01-01T00:00:00Z' }],
    policies: { securityDefaultsEnabled: true, conditionalAccess: [] },
    appCredentials: [],
    partners: [],
    sources: {},
  };
}

/** A deep copy of a snapshot with a patch applied by `edit`. */
export function patched(base: Snapshot, edit: (s: Snapshot) => void): Snapshot {
  const copy = structuredClone(base);
  edit(copy);
  return copy;
}
