import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAction, type Action } from '../../../core/actions.ts';
import type { Change } from '../../../core/event.ts';
import {
  ENTRA_ACTIONS,
  ENTRA_REFINED_ACTIVITIES,
  ENTRA_RISK_EVENT_TYPES,
  asBoolean,
  entraAction,
  normalizeActivityName,
  parseChangeValue,
} from './entra-actions.ts';

interface Case {
  name: string;
  changes?: Change[];
  detail?: string;
  expected: Action;
}

const ch = (name: string, old: string | null, newValue: string | null): Change => ({ name, old, new: newValue });

const MFA_ON = '[{"RelyingParty":"*","State":1,"RememberDevicesNotIssuedBefore":"2024-05-01T08:00:00Z"}]';
const MFA_ENFORCED = '[{"RelyingParty":"*","State":2,"RememberDevicesNotIssuedBefore":"2024-05-01T08:00:00Z"}]';
const MFA_ZERO = '[{"RelyingParty":"*","State":0,"RememberDevicesNotIssuedBefore":"2024-05-01T08:00:00Z"}]';
const CA_POLICY_DETAIL = JSON.stringify([
  JSON.stringify({
    Version: 0,
    State: 'Enabled',
    Conditions: { Applications: { Include: [{ Applications: ['All'] }] }, Users: { Include: [{ Users: ['All'] }] } },
    Controls: [{ Control: ['Mfa'] }],
  }),
]);
const TOKEN_LIFETIME_DETAIL = JSON.stringify([JSON.stringify({ TokenLifetimePolicy: { Version: 1, AccessTokenLifetime: '08:00:00' } })]);

// Detection catalogue section 6, Microsoft 365 / Entra ID: every Entra activity name each indicator lists,
// with the action the detections expect. UAL names are in ual-actions.test.ts.
const INDICATORS: Record<string, Case[]> = {
  M1: [{ name: 'Add user', expected: 'user.created' }],
  M2: [
    { name: 'Add member to role', expected: 'role.assigned' },
    { name: 'Add eligible member to role', expected: 'role.assigned' },
    { name: 'Add scoped member to role', expected: 'role.assigned' },
    { name: 'Add member to role completed (PIM activation)', expected: 'role.assigned' },
    { name: 'Add member to role in PIM completed (permanent)', expected: 'role.assigned' },
    { name: 'Add member to role in PIM completed (timebound)', expected: 'role.assigned' },
    { name: 'Add eligible member to role in PIM completed (permanent)', expected: 'role.assigned' },
    { name: 'Add eligible member to role in PIM completed (timebound)', expected: 'role.assigned' },
  ],
  M3: [{ name: 'Add member to group', expected: 'group.member.added' }],
  M4: [
    { name: 'Remove member from role', expected: 'role.unassigned' },
    { name: 'Remove eligible member from role', expected: 'role.unassigned' },
  ],
  M5: [
    { name: 'Delete user', expected: 'user.deleted' },
    { name: 'Hard Delete user', expected: 'user.deleted' },
    { name: 'Disable account', expected: 'user.disabled' },
    { name: 'Update user', changes: [ch('AccountEnabled', '[true]', '[false]')], expected: 'user.disabled' },
  ],
  M6: [
    { name: 'Reset user password', expected: 'password.reset' },
    { name: 'Reset password (by admin)', expected: 'password.reset' },
    { name: 'Change user password', expected: 'password.changed' },
    { name: 'Reset password (self-service)', expected: 'password.reset' },
    { name: 'Change password (self-service)', expected: 'password.changed' },
  ],
  M7: [
    { name: 'User registered security info', expected: 'auth.method.registered' },
    { name: 'Admin registered security info', expected: 'auth.method.registered' },
    { name: 'Admin updated security info', expected: 'auth.method.changed' },
    { name: 'Admin deleted security info', expected: 'auth.method.removed' },
    { name: 'User changed default security info', expected: 'auth.method.changed' },
    { name: 'User deleted security info', expected: 'auth.method.removed' },
    {
      name: 'Update user',
      changes: [ch('StrongAuthenticationMethod', '[]', '[{"MethodType":6,"Default":true}]')],
      expected: 'auth.method.changed',
    },
    {
      name: 'Update user',
      changes: [ch('StrongAuthenticationPhoneAppDetail', '[]', '[{"DeviceName":"Pixel 8","DeviceTag":"SoftwareTokenActivated"}]')],
      expected: 'auth.method.changed',
    },
    {
      name: 'Update user',
      changes: [ch('StrongAuthenticationUserDetails', '[]', '[{"PhoneNumber":"+81 9012345678","Email":null}]')],
      expected: 'auth.method.changed',
    },
  ],
  M8: [
    { name: 'Admin registered security info', detail: 'Admin registered temporary access pass method for user', expected: 'auth.tap.issued' },
  ],
  M9: [
    { name: 'Disable Strong Authentication', expected: 'mfa.disabled' },
    { name: 'Update user', changes: [ch('StrongAuthenticationRequirement', MFA_ON, MFA_ZERO)], expected: 'mfa.disabled' },
    { name: 'User deleted security info', expected: 'auth.method.removed' },
  ],
  M10: [
    { name: 'Update user', changes: [ch('otherMails', '[]', '["attacker@example.net"]')], expected: 'recovery.contact.changed' },
    { name: 'Update user', changes: [ch('Mobile', '[]', '["+1 5550100"]')], expected: 'recovery.contact.changed' },
    {
      name: 'Update user',
      changes: [ch('StrongAuthenticationUserDetails', '[]', '[{"PhoneNumber":"+1 5550100"}]')],
      expected: 'auth.method.changed',
    },
  ],
  M11: [
    {
      name: 'Set Company Information',
      changes: [ch('TechnicalNotificationMails', '["owner@example.co.jp"]', '["attacker@example.net"]')],
      expected: 'tenant.contacts.changed',
    },
    {
      name: 'Set Company Information',
      changes: [ch('SecurityComplianceNotificationMails', '["owner@example.co.jp"]', '["attacker@example.net"]')],
      expected: 'tenant.contacts.changed',
    },
  ],
  M12: [
    { name: 'Set Company Information', changes: [ch('StrongAuthenticationPolicy', '[]', '[{"Trusted IPs":"0.0.0.0/0"}]')], expected: 'policy.auth.changed' },
    { name: 'Set Company Information', changes: [ch('TrustedCAsForPasswordlessAuth', '[]', '["MIIC…"]')], expected: 'policy.auth.changed' },
    { name: 'Set password policy', expected: 'policy.auth.changed' },
    { name: 'Authentication Methods Policy Update', expected: 'policy.auth.changed' },
    { name: 'Update User Risk and MFA Registration Policy', expected: 'policy.auth.changed' },
  ],
  M13: [
    { name: 'Add conditional access policy', expected: 'policy.ca.changed' },
    { name: 'Update conditional access policy', expected: 'policy.ca.changed' },
    { name: 'Delete conditional access policy', expected: 'policy.ca.changed' },
    { name: 'Add named location', expected: 'policy.ca.changed' },
    { name: 'Update named location', expected: 'policy.ca.changed' },
    { name: 'Delete named location', expected: 'policy.ca.changed' },
  ],
  M14: [{ name: 'Change user license', expected: 'license.changed' }],
  M15: [
    { name: 'Add unverified domain', expected: 'domain.added' },
    { name: 'Add verified domain', expected: 'domain.added' },
    { name: 'Verify domain', expected: 'domain.verified' },
  ],
  M16: [
    { name: 'Set domain authentication', changes: [ch('LiveType', '["Managed"]', '["Federated"]')], expected: 'domain.federated' },
    { name: 'Set federation settings on domain', expected: 'domain.federated' },
  ],
  M17: [{ name: 'Update user', changes: [ch('SourceAnchor', '["aGlqYWNrZWQ="]', '["b3JpZ2luYWw="]')], expected: 'user.anchor.changed' }],
  M18: [
    { name: 'Update application – Certificates and secrets management', expected: 'app.credential.added' },
    { name: 'Add service principal credentials', expected: 'app.credential.added' },
    {
      name: 'Update application',
      changes: [ch('FederatedIdentityCredentials', '[]', '[{"Issuer":"https://token.actions.githubusercontent.com","Subject":"repo:evil/x:ref:refs/heads/main"}]')],
      expected: 'app.credential.added',
    },
  ],
  M19: [
    { name: 'Add owner to application', expected: 'app.owner.added' },
    { name: 'Add owner to service principal', expected: 'app.owner.added' },
  ],
  M20: [
    { name: 'Consent to application', expected: 'consent.granted' },
    { name: 'Add app role assignment to service principal', expected: 'consent.granted' },
    { name: 'Add delegated permission grant', expected: 'consent.granted' },
  ],
  M21: [{ name: 'Add member to role', expected: 'role.assigned' }],
  M22: [{ name: 'Add a partner to cross-tenant access setting', expected: 'partner.added' }],
  M23: [
    { name: 'MICROSOFT.AUTHORIZATION/ELEVATEACCESS/ACTION', expected: 'access.elevated' },
    { name: 'User has elevated their access to User Access Administrator for their Azure Resources', expected: 'access.elevated' },
    { name: 'Assigns the caller to user access admin', expected: 'access.elevated' },
  ],
  // M24 and M26 list Exchange cmdlets only (see ual-actions.test.ts).
  M25: [{ name: 'suspiciousInboxForwarding', expected: 'risk.detected' }],
  M27: [
    { name: 'unfamiliarFeatures', expected: 'risk.detected' },
    { name: 'anonymizedIPAddress', expected: 'risk.detected' },
    { name: 'unlikelyTravel', expected: 'risk.detected' },
    { name: 'leakedCredentials', expected: 'risk.detected' },
    { name: 'passwordSpray', expected: 'risk.detected' },
    { name: 'anomalousToken', expected: 'risk.detected' },
    { name: 'tokenIssuerAnomaly', expected: 'risk.detected' },
    { name: 'attemptedPrtAccess', expected: 'risk.detected' },
  ],
  M28: [{ name: 'Sign-in activity', expected: 'signin' }],
  M29: [{ name: 'Update StsRefreshTokenValidFrom Timestamp', expected: 'session.revoked' }],
  M30: [
    { name: 'Register device', expected: 'device.registered' },
    { name: 'Add device', expected: 'device.registered' },
    { name: 'Add registered owner to device', expected: 'device.registered' },
  ],
  M31: [
    { name: 'Update role setting in PIM', expected: 'pim.changed' },
    { name: 'Disable PIM Alert', expected: 'pim.changed' },
  ],
  M32: [
    { name: 'Invite external user', expected: 'user.guest.invited' },
    { name: 'Update user', changes: [ch('UserType', '["Guest"]', '["Member"]')], expected: 'user.type.changed' },
  ],
};

describe('entraAction: catalogue indicators', () => {
  for (const [indicator, cases] of Object.entries(INDICATORS)) {
    it(`${indicator}: each listed activity maps to its action`, () => {
      for (const c of cases) {
        assert.equal(entraAction(c.name, c.changes, c.detail), c.expected, `${indicator} ${c.name} ${JSON.stringify(c.changes ?? [])}`);
      }
    });
  }
});

describe('entraAction: names as real data writes them', () => {
  it('matches the EN DASH name with its trailing space, the hyphen spelling of the docs, and any case', () => {
    assert.equal(entraAction('Update application – Certificates and secrets management '), 'app.credential.added');
    assert.equal(entraAction('Update application - Certificates and secrets management'), 'app.credential.added');
    assert.equal(entraAction('  ADD MEMBER TO ROLE  '), 'role.assigned');
    assert.equal(entraAction('Add  member   to role'), 'role.assigned');
    assert.equal(entraAction('Disable PIM alert'), 'pim.changed');
  });

  it('leaves unknown activities as other', () => {
    assert.equal(entraAction('GroupLifecyclePolicies_Get'), 'other');
    assert.equal(entraAction(''), 'other');
    assert.equal(entraAction('User started security info registration'), 'other');
  });

  it('does not count PIM requests as assignments', () => {
    assert.equal(entraAction('Add member to role in PIM requested (permanent)'), 'pim.changed');
    assert.equal(entraAction('Add member to role requested (PIM activation)'), 'pim.changed');
    assert.equal(entraAction('Remove member from role (PIM activation expired)'), 'role.unassigned');
  });
});

describe('entraAction: Update user refinement', () => {
  it('AccountEnabled false disables, true enables, in any spelling of the value', () => {
    assert.equal(entraAction('Update user', [ch('AccountEnabled', '[true]', '[false]')]), 'user.disabled');
    assert.equal(entraAction('Update user', [ch('AccountEnabled', null, 'false')]), 'user.disabled');
    assert.equal(entraAction('Update user', [ch('AccountEnabled', '[false]', '[true]')]), 'user.enabled');
    assert.equal(entraAction('Update user', [{ name: 'accountenabled', new: '"[False]"' }]), 'user.disabled');
  });

  it('StrongAuthenticationRequirement emptied or State 0 disables MFA; a higher state enables it', () => {
    assert.equal(entraAction('Update user', [ch('StrongAuthenticationRequirement', MFA_ON, '[]')]), 'mfa.disabled');
    assert.equal(entraAction('Update user', [ch('StrongAuthenticationRequirement', MFA_ENFORCED, MFA_ZERO)]), 'mfa.disabled');
    assert.equal(entraAction('Update user', [ch('StrongAuthenticationRequirement', null, '[]')]), 'mfa.disabled');
    assert.equal(entraAction('Update user', [ch('StrongAuthenticationRequirement', '[]', MFA_ON)]), 'mfa.enabled');
    assert.equal(entraAction('Update user', [ch('StrongAuthenticationRequirement', MFA_ON, MFA_ENFORCED)]), 'mfa.enabled');
    // Nothing was on before and nothing is on now.
    assert.equal(entraAction('Update user', [ch('StrongAuthenticationRequirement', '[]', '[]')]), 'user.updated');
  });

  it('reads the other properties of interest', () => {
    assert.equal(entraAction('Update user', [ch('ImmutableId', '["a"]', '["b"]')]), 'user.anchor.changed');
    assert.equal(entraAction('Update user', [ch('AlternativeSecurityId', '[]', '[{"type":1}]')]), 'recovery.contact.changed');
    assert.equal(entraAction('Update user', [ch('AssignedLicense', '[]', '["[SkuName=O365_BUSINESS, SkuId=…]"]')]), 'license.changed');
    assert.equal(entraAction('Update user', [ch('AssignedPlan', '[]', '[{"ServicePlanId":"…"}]')]), 'license.changed');
    assert.equal(entraAction('Update user', [ch('StsRefreshTokensValidFrom', '["2026-01-01T00:00:00Z"]', '["2026-02-01T00:00:00Z"]')]), 'session.revoked');
    assert.equal(entraAction('Update user', [ch('DisplayName', '["A"]', '["B"]')]), 'user.updated');
    assert.equal(entraAction('Update user'), 'user.updated');
  });

  it('a UserType change needs a different value; TargetId.UserType is not the user type', () => {
    assert.equal(entraAction('Update user', [ch('UserType', '["Member"]', '["Member"]')]), 'user.updated');
    assert.equal(entraAction('Update user', [ch('TargetId.UserType', null, '"Member"')]), 'user.updated');
  });

  it('uses "Included Updated Properties" when only the names are given', () => {
    assert.equal(entraAction('Update user', [ch('Included Updated Properties', null, '"StrongAuthenticationMethod"')]), 'auth.method.changed');
    assert.equal(
      entraAction('Update user', [
        ch('StsRefreshTokensValidFrom', '["2026-01-01T00:00:00Z"]', '["2026-02-01T00:00:00Z"]'),
        ch('Included Updated Properties', null, '"StsRefreshTokensValidFrom"'),
        ch('TargetId.UserType', null, '"Member"'),
      ]),
      'session.revoked',
    );
  });

  it('disabling wins over the session revocation that usually comes with it', () => {
    assert.equal(
      entraAction('Update user', [ch('AccountEnabled', '[true]', '[false]'), ch('StsRefreshTokensValidFrom', null, '["2026-02-01T00:00:00Z"]')]),
      'user.disabled',
    );
  });
});

describe('entraAction: other refinements', () => {
  it('Set Company Information: contacts, then auth policy, else tenant settings', () => {
    assert.equal(entraAction('Set Company Information', [ch('MarketingNotificationEmails', '[]', '["x@example.net"]')]), 'tenant.contacts.changed');
    assert.equal(entraAction('Set Company Information', [ch('SecurityComplianceNotificationPhones', '[]', '["+1 5550100"]')]), 'tenant.contacts.changed');
    assert.equal(
      entraAction('Set Company Information', [ch('Included Updated Properties', null, '"TechnicalNotificationMails, StrongAuthenticationPolicy"')]),
      'tenant.contacts.changed',
    );
    assert.equal(entraAction('Set Company Information', [ch('DisplayName', '["A"]', '["B"]')]), 'tenant.settings.changed');
    assert.equal(entraAction('Set Company Information'), 'tenant.settings.changed');
  });

  it('Admin registered security info is a TAP when the detail or the properties say so', () => {
    assert.equal(entraAction('Admin registered security info', [], 'Admin registered temporary access pass method for user'), 'auth.tap.issued');
    assert.equal(entraAction('Admin registered security info', [ch('TemporaryAccessPass.StartDateTime', null, '"2026-01-01T00:00:00Z"')]), 'auth.tap.issued');
    assert.equal(entraAction('Admin registered security info', [], 'Admin registered phone method for user'), 'auth.method.registered');
  });

  it('Set domain authentication: Federated federates, Managed is a domain update, unknown stays federated', () => {
    assert.equal(entraAction('Set domain authentication', [ch('LiveType', '"[\\"Managed\\"]"', '"[\\"Federated\\"]"')]), 'domain.federated');
    assert.equal(entraAction('Set domain authentication', [ch('LiveType', '["Federated"]', '["Managed"]')]), 'domain.updated');
    assert.equal(entraAction('Set domain authentication'), 'domain.federated');
  });

  it('Update application / service principal: credentials added or removed, else an app update', () => {
    const key = (id: string): string => `[KeyIdentifier=${id},KeyType=Password,KeyUsage=Verify,DisplayName=x]`;
    assert.equal(
      entraAction('Update application – Certificates and secrets management ', [ch('KeyDescription', JSON.stringify([key('a')]), JSON.stringify([key('a'), key('b')]))]),
      'app.credential.added',
    );
    assert.equal(
      entraAction('Update application – Certificates and secrets management ', [ch('KeyDescription', JSON.stringify([key('a'), key('b')]), JSON.stringify([key('a')]))]),
      'app.credential.removed',
    );
    assert.equal(entraAction('Update service principal', [ch('KeyDescription', '[]', JSON.stringify([key('c')]))]), 'app.credential.added');
    assert.equal(entraAction('Update application', [ch('Included Updated Properties', null, '"KeyDescription"')]), 'app.credential.added');
    assert.equal(entraAction('Update application', [ch('AppAddress', '[]', '[{"Address":"https://evil.example"}]')]), 'app.updated');
    assert.equal(entraAction('Update application'), 'app.updated');
  });

  it('Add/Update/Delete policy is Conditional Access only when PolicyDetail is a CA policy', () => {
    assert.equal(entraAction('Update policy', [ch('PolicyDetail', null, CA_POLICY_DETAIL)]), 'policy.ca.changed');
    assert.equal(entraAction('Add policy', [ch('PolicyDetail', null, CA_POLICY_DETAIL)]), 'policy.ca.changed');
    assert.equal(entraAction('Delete policy', [ch('PolicyDetail', CA_POLICY_DETAIL, null)]), 'policy.ca.changed');
    assert.equal(entraAction('Delete policy', [ch('ConditionalAccessPolicy', '{"id":"5e3c…","conditions":{}}', null)]), 'policy.ca.changed');
    assert.equal(entraAction('Update policy', [ch('PolicyDetail', null, TOKEN_LIFETIME_DETAIL)]), 'tenant.settings.changed');
    assert.equal(entraAction('Update policy'), 'tenant.settings.changed');
  });
});

describe('entra table invariants', () => {
  it('every action is in the vocabulary and no activity appears twice after normalisation', () => {
    const seen = new Map<string, string>();
    for (const [name, action] of ENTRA_ACTIONS) {
      assert.ok(isAction(action), `${name} → ${action}`);
      const key = normalizeActivityName(name);
      assert.ok(!seen.has(key), `${name} duplicates ${seen.get(key)}`);
      seen.set(key, name);
    }
  });

  it('refined activities are in the table and risk event types never collide with activities', () => {
    for (const name of ENTRA_REFINED_ACTIVITIES) assert.ok(ENTRA_ACTIONS.has(name), name);
    const activities = new Set([...ENTRA_ACTIONS.keys()].map(normalizeActivityName));
    for (const t of ENTRA_RISK_EVENT_TYPES) assert.ok(!activities.has(normalizeActivityName(t)), t);
  });
});

describe('value helpers', () => {
  it('parse the encodings sources use', () => {
    assert.deepEqual(parseChangeValue('"[\\"Federated\\"]"'), ['Federated']);
    assert.deepEqual(parseChangeValue('[true]'), [true]);
    assert.equal(parseChangeValue('False'), 'False');
    assert.equal(parseChangeValue(null), undefined);
    assert.equal(asBoolean('[false]'), false);
    assert.equal(asBoolean('$true'), true);
    assert.equal(asBoolean('False'), false);
    assert.equal(asBoolean('maybe'), undefined);
  });
});
