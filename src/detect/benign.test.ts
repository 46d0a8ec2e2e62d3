// A month of ordinary admin work in a small tenant (as the "benign" scenario describes it): sign-ins
// from the office and from home, password resets, a new hire with a licence, a Helpdesk Administrator
// role, people registering their own Authenticator. Nothing here may be reported as high or critical.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CanonicalEvent } from '../core/event.ts';
import type { Snapshot } from '../core/snapshot.ts';
import { GLOBAL_ADMIN_TEMPLATE_ID } from '../providers/m365/map/roles.ts';
import { detectSync } from './engine.ts';
import { atLeast } from './finding.ts';
import { change, ev, patched, role, type Person } from './fixtures.ts';

const TENANT = 'minato-tenant';
const DOMAIN = 'minato-trading.example';
const OFFICE = '198.51.100.24';
const HOMES = ['198.51.100.57', '198.51.100.91', '198.51.100.130'];
const DAY = 86_400_000;
const START = Date.parse('2026-09-01T00:00:00Z');

const admin: Person = { id: '11111111-0000-4000-8000-000000000001', upn: `h.suzuki@${DOMAIN}` };
const helpdesk: Person = { id: '11111111-0000-4000-8000-000000000002', upn: `d.ito@${DOMAIN}` };
const hire: Person = { id: '11111111-0000-4000-8000-000000000003', upn: `r.okada@${DOMAIN}` };
const staff: Person[] = Array.from({ length: 20 }, (_, i) => ({ id: `22222222-0000-4000-8000-${String(i).padStart(12, '0')}`, upn: `staff${i}@${DOMAIN}` }));

function at(day: number, hour: number, minute = 0): string {
  return new Date(START + day * DAY + hour * 3_600_000 + minute * 60_000).toISOString();
}

function actor(p: Person, ip: string): CanonicalEvent['actor'] {
  return { kind: 'user', id: p.id, name: p.upn, ip, userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edge/140' };
}

function who(p: Person): { kind: string; id: string; name: string } {
  return { kind: 'user', id: p.id, name: p.upn };
}

function signIn(p: Person, ip: string, time: string, failed = false): CanonicalEvent {
  return ev({
    tenant: TENANT,
    source: 'entra.signin',
    action: failed ? 'signin.failed' : 'signin',
    nativeAction: 'Sign-in activity',
    result: failed ? 'failure' : 'success',
    time,
    actor: actor(p, ip),
    targets: [{ kind: 'application', id: '4765445b-32c6-49b0-83e6-1d93765276ca', name: 'OfficeHome' }],
    raw: { clientAppUsed: 'Browser', location: { countryOrRegion: 'JP' }, status: { errorCode: failed ? 50126 : 0 }, riskLevelDuringSignIn: 'none', riskState: 'none' },
  });
}

function audit(p: Partial<CanonicalEvent> & Pick<CanonicalEvent, 'action' | 'nativeAction' | 'time'>): CanonicalEvent {
  return ev({ tenant: TENANT, actor: actor(admin, OFFICE), ...p });
}

function month(): CanonicalEvent[] {
  const out: CanonicalEvent[] = [];
  for (let day = 0; day < 30; day++) {
    staff.forEach((p, i) => {
      const ip = i % 4 === 0 ? OFFICE : HOMES[i % HOMES.length]!;
      if ((day + i) % 9 === 0) out.push(signIn(p, ip, at(day, 0, 10 + i), true));
      out.push(signIn(p, ip, at(day, 0, 12 + i)));
    });
    if (day % 3 === 0) out.push(signIn(admin, OFFICE, at(day, 0, 35)));
    if (day % 5 === 1) out.push(signIn(helpdesk, OFFICE, at(day, 0, 40)));
  }
  // Password resets by the admin, one of them of the helpdesk after he became Helpdesk Administrator.
  for (const [day, p] of [[5, staff[3]!], [16, staff[7]!], [28, helpdesk]] as const) {
    out.push(audit({ action: 'password.reset', nativeAction: 'Reset password', time: at(day, 1, 5), targets: [who(p)] }));
  }
  // A new hire and her licence.
  out.push(audit({ action: 'user.created', nativeAction: 'Add user', time: at(10, 2, 0), targets: [who(hire)], changes: [change('AccountEnabled', null, '[true]'), change('UserPrincipalName', null, `["${hire.upn}"]`)] }));
  out.push(audit({ action: 'license.changed', nativeAction: 'Change user license', time: at(10, 2, 6), targets: [who(hire)] }));
  out.push(audit({ action: 'license.changed', nativeAction: 'Update user', time: at(10, 2, 6), targets: [who(hire)], changes: [change('AssignedLicense', '[]', '["[SkuName=SPB, AccountId=x, SkuId=cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46, DisabledPlans=[]]"]')] }));
  out.push(signIn(hire, OFFICE, at(11, 0, 30)));
  out.push(audit({ action: 'auth.method.registered', nativeAction: 'User registered security info', time: at(11, 0, 35), actor: actor(hire, OFFICE), targets: [who(hire)] }));
  // Helpdesk Administrator for Daiki Ito.
  out.push(audit({ action: 'role.assigned', nativeAction: 'Add member to role', time: at(18, 5, 30), targets: [who(helpdesk), role('Helpdesk Administrator')] }));
  // The admin replaces his own phone in the Authenticator app.
  out.push(audit({ action: 'auth.method.registered', nativeAction: 'User registered security info', time: at(21, 0, 40), targets: [who(admin)] }));
  // Staff change their own passwords and register methods; the directory updates users on its own.
  staff.slice(0, 6).forEach((p, i) => {
    out.push(audit({ action: 'password.changed', nativeAction: 'Change password (self-service)', time: at(3 + i * 4, 2, i), actor: actor(p, HOMES[i % 3]!), targets: [who(p)] }));
    out.push(audit({ action: 'auth.method.registered', nativeAction: 'User registered security info', time: at(4 + i * 4, 2, i), actor: actor(p, HOMES[i % 3]!), targets: [who(p)] }));
    out.push(audit({ action: 'user.updated', nativeAction: 'Update user', time: at(5 + i * 4, 3, i), actor: { kind: 'app', name: 'Microsoft Substrate Management' }, targets: [who(p)], changes: [change('Included Updated Properties', null, '""')] }));
  });
  return out;
}

function snapshot(collectedAt: string, edit?: (s: Snapshot) => void): Snapshot {
  const s: Snapshot = {
    tenant: TENANT,
    provider: 'm365',
    collectedAt,
    info: {
      id: TENANT,
      domains: [
        { name: DOMAIN, isDefault: true, verified: true, authentication: 'managed' },
        { name: 'minatotrading.onmicrosoft.com', isInitial: true, verified: true, authentication: 'managed' },
      ],
      notificationContacts: { technical: [`it@${DOMAIN}`], security: [], securityPhones: [], marketing: [] },
    },
    principals: [admin, helpdesk, ...staff].map((p) => ({ id: p.id, kind: 'user' as const, upn: p.upn, enabled: true, createdAt: '2022-04-01T00:00:00Z' })),
    roleAssignments: [{ principalId: admin.id, roleTemplateId: GLOBAL_ADMIN_TEMPLATE_ID, roleName: 'Global Administrator', kind: 'active' }],
    deletedPrincipals: [],
    subscriptions: [{ id: 'sub-1', skuPartNumber: 'SPB', totalLicenses: 25, isTrial: false, createdAt: '2022-04-01T00:00:00Z' }],
    policies: { securityDefaultsEnabled: false, conditionalAccess: [{ id: 'ca-1', displayName: 'Require MFA for admins', state: 'enabled' }] },
    appCredentials: [],
    partners: [],
    sources: {},
  };
  if (edit) edit(s);
  return s;
}

const previous = snapshot('2026-09-01T00:00:00Z');
const current = patched(snapshot('2026-10-01T06:00:00Z'), (s) => {
  s.principals.push({ id: hire.id, kind: 'user', upn: hire.upn, enabled: true, createdAt: at(10, 2, 0) });
  s.roleAssignments.push({ principalId: helpdesk.id, roleTemplateId: '729827e3-9c14-49f7-bb1b-9608f156bbb8', roleName: 'Helpdesk Administrator', kind: 'active' });
  s.subscriptions[0]!.totalLicenses = 26;
});

describe('a benign month of admin work', () => {
  it('raises nothing at high or critical, and no incident', () => {
    const events = month();
    const { findings, incidents } = detectSync(events, { current, previous });
    const loud = findings.filter((f) => atLeast(f.severity, 'high'));
    assert.deepEqual(
      loud.map((f) => `${f.ruleId} ${f.time}`),
      [],
    );
    assert.deepEqual(incidents, []);
  });

  it('still notices the ordinary changes, at low or medium', () => {
    const { findings } = detectSync(month(), { current, previous });
    const rules = new Set(findings.map((f) => f.ruleId));
    for (const id of ['TB-M1-user-created', 'TB-M2-privileged-role-assigned', 'TB-M14-licence-changed', 'TB-D2-made-admin', 'TB-D5-subscription-appeared']) {
      assert.ok(rules.has(id), `${id} should report the ordinary change at a low level`);
    }
    // The reset of a Helpdesk Administrator is worth a look, not an alarm.
    const reset = findings.find((f) => f.ruleId === 'TB-M6-admin-password-reset');
    assert.equal(reset?.severity, 'medium');
  });

  it('stays quiet on a first scan too (no previous snapshot)', () => {
    const { findings } = detectSync(month(), { current });
    assert.deepEqual(
      findings.filter((f) => atLeast(f.severity, 'high')).map((f) => f.ruleId),
      [],
    );
  });
});
