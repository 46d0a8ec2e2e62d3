import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAction, type Action } from '../../../core/actions.ts';
import type { Change } from '../../../core/event.ts';
import { normalizeActivityName } from './entra-actions.ts';
import { UAL_ACTIONS, UAL_REFINED_OPERATIONS, ualAction } from './ual-actions.ts';

interface Case {
  operation: string;
  changes?: Change[];
  expected: Action;
}

// Exchange cmdlet parameters as the caller passes them: Parameters[{Name,Value}] → {name, new}.
const p = (name: string, value: string): Change => ({ name, new: value });

// Detection catalogue section 6: every UAL operation (Entra with its ".", Exchange cmdlets, sign-ins)
// each indicator lists, with the expected action.
const INDICATORS: Record<string, Case[]> = {
  M1: [{ operation: 'Add user.', expected: 'user.created' }],
  M2: [
    { operation: 'Add member to role.', expected: 'role.assigned' },
    { operation: 'Add eligible member to role.', expected: 'role.assigned' },
  ],
  M6: [
    { operation: 'Reset user password.', expected: 'password.reset' },
    { operation: 'Change user password.', expected: 'password.changed' },
  ],
  M9: [{ operation: 'Disable Strong Authentication.', expected: 'mfa.disabled' }],
  M11: [
    { operation: 'Set company contact information.', expected: 'tenant.contacts.changed' },
    {
      operation: 'Set company information.',
      changes: [{ name: 'TechnicalNotificationMails', old: '["owner@example.co.jp"]', new: '["attacker@example.net"]' }],
      expected: 'tenant.contacts.changed',
    },
  ],
  M14: [
    { operation: 'Change user license.', expected: 'license.changed' },
    { operation: 'Set license properties.', expected: 'license.changed' },
  ],
  M15: [{ operation: 'Add domain to company.', expected: 'domain.added' }],
  M16: [
    { operation: 'Add-FederatedDomain', expected: 'domain.federated' },
    { operation: 'Set-MsolDomainFederationSettings', expected: 'domain.federated' },
    { operation: 'Set domain authentication.', changes: [{ name: 'LiveType', old: '["Managed"]', new: '["Federated"]' }], expected: 'domain.federated' },
  ],
  M18: [
    { operation: 'Add service principal credentials.', expected: 'app.credential.added' },
    { operation: 'Update application – Certificates and secrets management ', expected: 'app.credential.added' },
  ],
  M20: [
    { operation: 'Consent to application.', expected: 'consent.granted' },
    { operation: 'Add delegation entry.', expected: 'consent.granted' },
  ],
  M22: [{ operation: 'Add partner to company.', expected: 'partner.added' }],
  M24: [
    { operation: 'Set-AdminAuditLogConfig', changes: [p('UnifiedAuditLogIngestionEnabled', 'False')], expected: 'audit.disabled' },
    { operation: 'Set-AdminAuditLogConfig', changes: [p('AdminAuditLogEnabled', 'False')], expected: 'audit.disabled' },
    { operation: 'Set-MailboxAuditBypassAssociation', changes: [p('Identity', 'svc-sync'), p('AuditBypassEnabled', 'True')], expected: 'audit.disabled' },
  ],
  M25: [
    { operation: 'New-InboxRule', changes: [p('ForwardTo', 'attacker@example.net')], expected: 'mail.rule.changed' },
    { operation: 'Set-InboxRule', expected: 'mail.rule.changed' },
    { operation: 'UpdateInboxRules', expected: 'mail.rule.changed' },
    { operation: 'Set-Mailbox', changes: [p('Identity', 'ceo'), p('ForwardingSmtpAddress', 'smtp:attacker@example.net')], expected: 'mail.forwarding.changed' },
    { operation: 'New-TransportRule', changes: [p('BlindCopyTo', 'attacker@example.net')], expected: 'mail.forwarding.changed' },
  ],
  M26: [
    { operation: 'New-ManagementRoleAssignment', changes: [p('Role', 'ApplicationImpersonation')], expected: 'role.assigned' },
    { operation: 'Add-MailboxPermission', changes: [p('AccessRights', 'FullAccess')], expected: 'mailbox.permission.granted' },
  ],
  M28: [
    { operation: 'UserLoggedIn', expected: 'signin' },
    { operation: 'UserLoginFailed', expected: 'signin.failed' },
  ],
  M29: [{ operation: 'Update StsRefreshTokenValidFrom Timestamp.', expected: 'session.revoked' }],
};

describe('ualAction: catalogue indicators', () => {
  for (const [indicator, cases] of Object.entries(INDICATORS)) {
    it(`${indicator}: each listed operation maps to its action`, () => {
      for (const c of cases) {
        assert.equal(ualAction(c.operation, c.changes), c.expected, `${indicator} ${c.operation}`);
      }
    });
  }
});

describe('ualAction: Entra operations', () => {
  it('strips the trailing dot and refines like the Entra mapping', () => {
    assert.equal(ualAction('Add member to role.'), 'role.assigned');
    assert.equal(ualAction('Add User.'), 'user.created');
    assert.equal(ualAction('Update user.', [{ name: 'AccountEnabled', old: '[\r\n  true\r\n]', new: '[\r\n  false\r\n]' }]), 'user.disabled');
    assert.equal(ualAction('Set company information.'), 'tenant.settings.changed');
    assert.equal(ualAction('Update policy.', [{ name: 'PolicyDetail', new: '["{\\"B2BManagementPolicy\\":{}}"]' }]), 'tenant.settings.changed');
  });

  it('passes the detail through for the TAP refinement', () => {
    assert.equal(ualAction('Admin registered security info.', [], 'Admin registered temporary access pass method for user'), 'auth.tap.issued');
  });

  it('accepts an Entra operation whose dot an export dropped', () => {
    assert.equal(ualAction('Add member to role'), 'role.assigned');
  });
});

describe('ualAction: Exchange parameters', () => {
  it('audit configuration that keeps logging on is a settings change', () => {
    assert.equal(ualAction('Set-AdminAuditLogConfig', [p('UnifiedAuditLogIngestionEnabled', 'True')]), 'tenant.settings.changed');
    assert.equal(ualAction('Set-AdminAuditLogConfig', [p('AdminAuditLogEnabled', '$false')]), 'audit.disabled');
    assert.equal(ualAction('Set-AdminAuditLogConfig'), 'tenant.settings.changed');
    assert.equal(ualAction('Set-MailboxAuditBypassAssociation', [p('AuditBypassEnabled', 'False')]), 'tenant.settings.changed');
    assert.equal(ualAction('Set-Mailbox', [p('AuditEnabled', 'False')]), 'audit.disabled');
    assert.equal(ualAction('Set-OrganizationConfig', [p('AuditDisabled', 'True')]), 'audit.disabled');
  });

  it('Set-Mailbox without forwarding, audit or delegation parameters means nothing here', () => {
    assert.equal(ualAction('Set-Mailbox', [p('ProhibitSendQuota', '49GB')]), 'other');
    assert.equal(ualAction('Set-Mailbox', [p('GrantSendOnBehalfTo', 'attacker')]), 'mailbox.permission.granted');
    assert.equal(ualAction('Set-Mailbox', [p('DeliverToMailboxAndForward', 'True')]), 'mail.forwarding.changed');
  });

  it('matches cmdlets case-insensitively and refines the rest by parameter', () => {
    assert.equal(ualAction('set-InboxRule'), 'mail.rule.changed');
    assert.equal(ualAction('Set-RemoteDomain', [p('AutoForwardEnabled', 'True')]), 'mail.forwarding.changed');
    assert.equal(ualAction('Set-MsolDomainAuthentication', [p('Authentication', 'Managed')]), 'domain.updated');
    assert.equal(ualAction('New-ComplianceSearchAction', [p('Export', 'True')]), 'data.exported');
    assert.equal(ualAction('New-ComplianceSearchAction', [p('Purge', 'True')]), 'other');
    assert.equal(ualAction('New-AcceptedDomain'), 'domain.added');
    assert.equal(ualAction('PasswordLogonInitialAuthUsingPassword'), 'signin');
  });

  it('operations with no takeover meaning are other', () => {
    for (const op of ['MailItemsAccessed', 'FileAccessed', 'PageViewed', 'Send', 'TeamCreated', 'New-Mailbox']) {
      assert.equal(ualAction(op), 'other', op);
    }
  });
});

describe('ual table invariants', () => {
  it('every action is in the vocabulary, no operation appears twice, refined ones are known', () => {
    const seen = new Set<string>();
    for (const [op, action] of UAL_ACTIONS) {
      assert.ok(isAction(action), `${op} → ${action}`);
      const key = normalizeActivityName(op);
      assert.ok(!seen.has(key), op);
      seen.add(key);
    }
    for (const op of UAL_REFINED_OPERATIONS) assert.ok(isAction(ualAction(op)), op);
  });
});
