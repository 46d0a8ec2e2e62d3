// Repo-wide invariant: every takeover indicator of the detection catalogue (section 6, M1–M32 and G1–G16)
// is reachable through the provider mappings. Each indicator lists the native names the catalogue gives,
// and the canonical actions a detection for it reads; a name that maps to 'other', or outside those
// actions, would make the indicator invisible.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Action } from '../core/actions.ts';
import type { Change } from '../core/event.ts';
import { googleAction, type GoogleParams } from './gws/map/actions.ts';
import { entraAction } from './m365/map/entra-actions.ts';
import { ualAction } from './m365/map/ual-actions.ts';

type Native =
  | { source: 'entra'; name: string; changes?: Change[]; detail?: string }
  | { source: 'ual'; name: string; changes?: Change[] }
  | { source: 'google'; app: string; name: string; params?: GoogleParams };

interface Indicator {
  actions: Action[];
  names: Native[];
}

const entra = (name: string, changes?: Change[], detail?: string): Native => ({ source: 'entra', name, ...(changes ? { changes } : {}), ...(detail ? { detail } : {}) });
const ual = (name: string, changes?: Change[]): Native => ({ source: 'ual', name, ...(changes ? { changes } : {}) });
const google = (app: string, name: string, params?: GoogleParams): Native => ({ source: 'google', app, name, ...(params ? { params } : {}) });
const ch = (name: string, old: string | null, newValue: string | null): Change => ({ name, old, new: newValue });
const param = (name: string, value: string): Change => ({ name, new: value });

const CATALOGUE: Record<string, Indicator> = {
  M1: { actions: ['user.created'], names: [entra('Add user'), ual('Add user.')] },
  M2: {
    actions: ['role.assigned'],
    names: [
      entra('Add member to role'),
      entra('Add eligible member to role'),
      entra('Add scoped member to role'),
      entra('Add member to role completed (PIM activation)'),
      entra('Add member to role in PIM completed (permanent)'),
      entra('Add member to role in PIM completed (timebound)'),
      entra('Add eligible member to role in PIM completed (permanent)'),
      entra('Add eligible member to role in PIM completed (timebound)'),
      ual('Add member to role.'),
    ],
  },
  M3: { actions: ['group.member.added'], names: [entra('Add member to group')] },
  M4: { actions: ['role.unassigned'], names: [entra('Remove member from role'), entra('Remove eligible member from role')] },
  M5: {
    actions: ['user.deleted', 'user.disabled'],
    names: [entra('Delete user'), entra('Hard Delete user'), entra('Disable account'), entra('Update user', [ch('AccountEnabled', '[true]', '[false]')])],
  },
  M6: {
    actions: ['password.reset', 'password.changed'],
    names: [
      entra('Reset user password'),
      entra('Reset password (by admin)'),
      entra('Change user password'),
      entra('Reset password (self-service)'),
      entra('Change password (self-service)'),
      ual('Reset user password.'),
      ual('Change user password.'),
    ],
  },
  M7: {
    actions: ['auth.method.registered', 'auth.method.changed', 'auth.method.removed'],
    names: [
      entra('User registered security info'),
      entra('Admin registered security info'),
      entra('Admin updated security info'),
      entra('Admin deleted security info'),
      entra('User changed default security info'),
      entra('User deleted security info'),
      entra('Update user', [ch('StrongAuthenticationMethod', '[]', '[{"MethodType":6,"Default":true}]')]),
      entra('Update user', [ch('StrongAuthenticationPhoneAppDetail', '[]', '[{"DeviceName":"x"}]')]),
      entra('Update user', [ch('StrongAuthenticationUserDetails', '[]', '[{"PhoneNumber":"+1 5550100"}]')]),
    ],
  },
  M8: { actions: ['auth.tap.issued'], names: [entra('Admin registered security info', [], 'Admin registered temporary access pass method for user')] },
  M9: {
    actions: ['mfa.disabled', 'auth.method.removed'],
    names: [
      entra('Disable Strong Authentication'),
      ual('Disable Strong Authentication.'),
      entra('Update user', [ch('StrongAuthenticationRequirement', '[{"RelyingParty":"*","State":1}]', '[{"RelyingParty":"*","State":0}]')]),
      entra('User deleted security info'),
    ],
  },
  M10: {
    actions: ['recovery.contact.changed', 'auth.method.changed'],
    names: [
      entra('Update user', [ch('otherMails', '[]', '["attacker@example.net"]')]),
      entra('Update user', [ch('Mobile', '[]', '["+1 5550100"]')]),
      entra('Update user', [ch('StrongAuthenticationUserDetails', '[]', '[{"Email":"attacker@example.net"}]')]),
    ],
  },
  M11: {
    actions: ['tenant.contacts.changed'],
    names: [
      entra('Set Company Information', [ch('TechnicalNotificationMails', '["owner@example.co.jp"]', '["attacker@example.net"]')]),
      entra('Set Company Information', [ch('SecurityComplianceNotificationMails', '[]', '["attacker@example.net"]')]),
      ual('Set company contact information.'),
      ual('Set company information.', [ch('TechnicalNotificationMails', '[]', '["attacker@example.net"]')]),
    ],
  },
  M12: {
    actions: ['policy.auth.changed'],
    names: [
      entra('Set Company Information', [ch('StrongAuthenticationPolicy', '[]', '[{}]')]),
      entra('Set Company Information', [ch('TrustedCAsForPasswordlessAuth', '[]', '["cert"]')]),
      entra('Set password policy'),
      entra('Authentication Methods Policy Update'),
      entra('Update User Risk and MFA Registration Policy'),
    ],
  },
  M13: {
    actions: ['policy.ca.changed'],
    names: [
      entra('Add conditional access policy'),
      entra('Update conditional access policy'),
      entra('Delete conditional access policy'),
      entra('Add named location'),
      entra('Update named location'),
      entra('Delete named location'),
    ],
  },
  M14: { actions: ['license.changed'], names: [entra('Change user license'), ual('Change user license.')] },
  M15: {
    actions: ['domain.added', 'domain.verified'],
    names: [entra('Add unverified domain'), entra('Add verified domain'), entra('Verify domain'), ual('Add domain to company.')],
  },
  M16: {
    actions: ['domain.federated'],
    names: [
      entra('Set domain authentication', [ch('LiveType', '["Managed"]', '["Federated"]')]),
      entra('Set federation settings on domain'),
      ual('Add-FederatedDomain'),
      ual('Set-MsolDomainFederationSettings'),
    ],
  },
  M17: { actions: ['user.anchor.changed'], names: [entra('Update user', [ch('SourceAnchor', '["a"]', '["b"]')])] },
  M18: {
    actions: ['app.credential.added'],
    names: [
      entra('Update application – Certificates and secrets management '),
      entra('Add service principal credentials'),
      entra('Update application', [ch('FederatedIdentityCredentials', '[]', '[{"Issuer":"https://issuer.example"}]')]),
    ],
  },
  M19: { actions: ['app.owner.added'], names: [entra('Add owner to application'), entra('Add owner to service principal')] },
  M20: {
    actions: ['consent.granted'],
    names: [entra('Consent to application'), entra('Add app role assignment to service principal'), entra('Add delegated permission grant')],
  },
  M21: { actions: ['role.assigned'], names: [entra('Add member to role')] },
  M22: { actions: ['partner.added'], names: [ual('Add partner to company.'), entra('Add a partner to cross-tenant access setting')] },
  M23: {
    actions: ['access.elevated'],
    names: [
      entra('MICROSOFT.AUTHORIZATION/ELEVATEACCESS/ACTION'),
      entra('User has elevated their access to User Access Administrator for their Azure Resources'),
      entra('Assigns the caller to user access admin'),
    ],
  },
  M24: {
    actions: ['audit.disabled'],
    names: [
      ual('Set-AdminAuditLogConfig', [param('UnifiedAuditLogIngestionEnabled', 'False')]),
      ual('Set-AdminAuditLogConfig', [param('AdminAuditLogEnabled', 'False')]),
      ual('Set-MailboxAuditBypassAssociation', [param('AuditBypassEnabled', 'True')]),
    ],
  },
  M25: {
    actions: ['mail.rule.changed', 'mail.forwarding.changed', 'risk.detected'],
    names: [
      ual('New-InboxRule'),
      ual('Set-InboxRule'),
      ual('UpdateInboxRules'),
      ual('Set-Mailbox', [param('ForwardingSmtpAddress', 'smtp:attacker@example.net')]),
      ual('New-TransportRule'),
      entra('suspiciousInboxForwarding'),
    ],
  },
  M26: { actions: ['role.assigned', 'mailbox.permission.granted'], names: [ual('New-ManagementRoleAssignment'), ual('Add-MailboxPermission')] },
  M27: {
    actions: ['risk.detected'],
    names: ['unfamiliarFeatures', 'anonymizedIPAddress', 'unlikelyTravel', 'leakedCredentials', 'passwordSpray', 'anomalousToken', 'tokenIssuerAnomaly', 'attemptedPrtAccess'].map((t) =>
      entra(t),
    ),
  },
  M28: { actions: ['signin', 'signin.failed'], names: [ual('UserLoggedIn'), ual('UserLoginFailed'), entra('Sign-in activity')] },
  M29: { actions: ['session.revoked'], names: [entra('Update StsRefreshTokenValidFrom Timestamp'), ual('Update StsRefreshTokenValidFrom Timestamp.')] },
  M30: { actions: ['device.registered'], names: [entra('Register device'), entra('Add device'), entra('Add registered owner to device')] },
  M31: { actions: ['pim.changed'], names: [entra('Update role setting in PIM'), entra('Disable PIM Alert')] },
  M32: {
    actions: ['user.guest.invited', 'user.type.changed'],
    names: [entra('Invite external user'), entra('Update user', [ch('UserType', '["Guest"]', '["Member"]')])],
  },

  G1: {
    actions: ['role.assigned', 'role.definition.changed'],
    names: ['GRANT_ADMIN_PRIVILEGE', 'GRANT_DELEGATED_ADMIN_PRIVILEGES', 'ASSIGN_ROLE', 'CREATE_ROLE', 'ADD_PRIVILEGE', 'UPDATE_ROLE'].map((e) => google('admin', e)),
  },
  G2: { actions: ['user.created'], names: [google('admin', 'CREATE_USER'), google('admin', 'USER_INVITE')] },
  G3: {
    actions: ['role.unassigned', 'role.definition.changed', 'user.disabled', 'user.deleted'],
    names: ['REVOKE_ADMIN_PRIVILEGE', 'UNASSIGN_ROLE', 'DELETE_ROLE', 'SUSPEND_USER', 'DELETE_USER', 'ARCHIVE_USER'].map((e) => google('admin', e)),
  },
  G4: {
    actions: ['password.reset', 'password.changed', 'user.updated'],
    names: [
      google('admin', 'CHANGE_PASSWORD'),
      google('admin', 'CHANGE_PASSWORD_ON_NEXT_LOGIN'),
      google('admin', 'VIEW_TEMP_PASSWORD'),
      google('user_accounts', 'password_edit'),
    ],
  },
  G5: {
    actions: ['recovery.contact.changed'],
    names: [
      ...['ADD_RECOVERY_EMAIL', 'CHANGE_RECOVERY_EMAIL', 'REMOVE_RECOVERY_EMAIL', 'ADD_RECOVERY_PHONE', 'CHANGE_RECOVERY_PHONE', 'REMOVE_RECOVERY_PHONE'].map((e) =>
        google('admin', e),
      ),
      ...['recovery_email_edit', 'recovery_phone_edit', 'recovery_secret_qa_edit'].map((e) => google('user_accounts', e)),
    ],
  },
  G6: {
    actions: ['mfa.disabled'],
    names: [
      google('admin', 'TURN_OFF_2_STEP_VERIFICATION'),
      google('admin', 'UNENROLL_USER_FROM_STRONG_AUTH'),
      google('admin', 'UNENROLL_USER_FROM_TITANIUM'),
      google('admin', 'ENFORCE_STRONG_AUTHENTICATION', { NEW_VALUE: 'false' }),
      google('admin', 'ALLOW_STRONG_AUTHENTICATION', { NEW_VALUE: 'false' }),
      google('user_accounts', '2sv_disable'),
      google('user_accounts', 'titanium_unenroll'),
    ],
  },
  G7: {
    actions: ['auth.method.registered', 'auth.tap.issued', 'mfa.disabled'],
    names: [
      google('admin', 'SECURITY_KEY_REGISTERED_FOR_USER'),
      google('admin', 'GENERATE_2SV_SCRATCH_CODES'),
      google('admin', 'USER_ENROLLED_IN_TWO_STEP_VERIFICATION'),
      google('admin', 'USER_PUT_IN_TWO_STEP_VERIFICATION_GRACE_PERIOD'),
      google('user_accounts', '2sv_enroll'),
    ],
  },
  G8: {
    actions: ['domain.federated', 'policy.auth.changed'],
    names: [google('admin', 'CHANGE_SSO_SETTINGS'), google('admin', 'TOGGLE_SSO_ENABLED'), google('admin', 'TOGGLE_OPEN_ID_ENABLED')],
  },
  G9: {
    actions: ['domain.added', 'domain.verified', 'domain.updated'],
    names: ['ADD_DOMAIN_ALIAS', 'ADD_SECONDARY_DOMAIN', 'VERIFY_DOMAIN_ALIAS', 'VERIFY_SECONDARY_DOMAIN', 'CHANGE_PRIMARY_DOMAIN'].map((e) => google('admin', e)),
  },
  G10: {
    actions: ['tenant.contacts.changed', 'policy.auth.changed'],
    names: ['UPDATE_DOMAIN_SECONDARY_EMAIL', 'ALERT_RECEIVERS_CHANGED', 'TOGGLE_ALLOW_ADMIN_PASSWORD_RESET', 'CHANGE_DATA_PROTECTION_OFFICER_CONTACT_INFO'].map((e) =>
      google('admin', e),
    ),
  },
  G11: {
    actions: ['consent.granted'],
    names: [google('admin', 'AUTHORIZE_API_CLIENT_ACCESS'), google('admin', 'ADD_APPLICATION'), google('token', 'authorize')],
  },
  G12: {
    actions: ['partner.added', 'billing.changed', 'license.changed'],
    names: ['CHANGE_RESELLER_ACCESS', 'GENERATE_TRANSFER_TOKEN', 'CHANGE_ACCOUNT_AUTO_RENEWAL', 'USER_LICENSE_ASSIGNMENT'].map((e) => google('admin', e)),
  },
  G13: {
    actions: ['risk.detected', 'signin.failed', 'signin'],
    names: [
      'suspicious_login',
      'suspicious_login_less_secure_app',
      'suspicious_programmatic_login',
      'gov_attack_warning',
      'account_disabled_password_leak',
      'login_failure',
      'login_challenge',
    ].map((e) => google('login', e)),
  },
  G14: {
    actions: ['mail.forwarding.changed'],
    names: [
      google('login', 'email_forwarding_out_of_domain'),
      google('admin', 'CREATE_GMAIL_SETTING', { SETTING_NAME: 'EMAIL_ROUTE' }),
      google('admin', 'CHANGE_GMAIL_SETTING', { SETTING_NAME: 'UNIFIED_MAIL_ROUTING' }),
      google('admin', 'MAIL_ROUTING_DESTINATION_ADDED'),
      google('admin', 'CREATE_EMAIL_MONITOR'),
      google('admin', 'TOGGLE_OUTBOUND_RELAY'),
    ],
  },
  G15: {
    actions: ['data.exported'],
    names: ['CUSTOMER_TAKEOUT_CREATED', 'CREATE_DATA_TRANSFER_REQUEST', 'TRANSFER_DOCUMENT_OWNERSHIP'].map((e) => google('admin', e)),
  },
  G16: { actions: ['user.enabled', 'user.restored'], names: [google('admin', 'UNSUSPEND_USER'), google('admin', 'UNDELETE_USER')] },
};

function map(n: Native): Action {
  switch (n.source) {
    case 'entra':
      return entraAction(n.name, n.changes, n.detail);
    case 'ual':
      return ualAction(n.name, n.changes);
    case 'google':
      return googleAction(n.app, n.name, n.params);
  }
}

describe('mapping coverage of the detection catalogue', () => {
  it('lists every indicator M1–M32 and G1–G16, each with at least one native name', () => {
    const expected = [...Array.from({ length: 32 }, (_, i) => `M${i + 1}`), ...Array.from({ length: 16 }, (_, i) => `G${i + 1}`)];
    assert.deepEqual(Object.keys(CATALOGUE).sort(), [...expected].sort());
    for (const [id, indicator] of Object.entries(CATALOGUE)) {
      assert.ok(indicator.names.length > 0, id);
      const vendor = id.startsWith('M') ? ['entra', 'ual'] : ['google'];
      for (const n of indicator.names) assert.ok(vendor.includes(n.source), `${id}: ${n.name} is from the wrong vendor`);
    }
  });

  for (const [id, indicator] of Object.entries(CATALOGUE)) {
    it(`${id}: no native name maps to 'other' or outside the indicator's actions`, () => {
      for (const n of indicator.names) {
        const action = map(n);
        assert.notEqual(action, 'other', `${id}: ${n.source} "${n.name}"`);
        assert.ok(indicator.actions.includes(action), `${id}: ${n.source} "${n.name}" → ${action}, expected one of ${indicator.actions.join(', ')}`);
      }
    });
  }
});
