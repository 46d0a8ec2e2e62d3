import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAction, type Action } from '../../../core/actions.ts';
import { GOOGLE_ACTIONS, GOOGLE_REFINED_EVENTS, googleAction, type GoogleParams } from './actions.ts';

interface Case {
  application: string;
  event: string;
  params?: GoogleParams;
  expected: Action;
}

const admin = (event: string, expected: Action, params?: GoogleParams): Case => ({ application: 'admin', event, expected, ...(params ? { params } : {}) });
const login = (event: string, expected: Action, params?: GoogleParams): Case => ({ application: 'login', event, expected, ...(params ? { params } : {}) });
const account = (event: string, expected: Action): Case => ({ application: 'user_accounts', event, expected });

// Detection catalogue section 6, Google Workspace: every event each indicator lists, with the expected action.
const INDICATORS: Record<string, Case[]> = {
  G1: [
    admin('GRANT_ADMIN_PRIVILEGE', 'role.assigned'),
    admin('GRANT_DELEGATED_ADMIN_PRIVILEGES', 'role.assigned'),
    admin('ASSIGN_ROLE', 'role.assigned', { ROLE_NAME: '_SEED_ADMIN_ROLE', USER_EMAIL: 'new-admin@example.com' }),
    admin('CREATE_ROLE', 'role.definition.changed'),
    admin('ADD_PRIVILEGE', 'role.definition.changed'),
    admin('UPDATE_ROLE', 'role.definition.changed'),
  ],
  G2: [admin('CREATE_USER', 'user.created'), admin('USER_INVITE', 'user.created')],
  G3: [
    admin('REVOKE_ADMIN_PRIVILEGE', 'role.unassigned'),
    admin('UNASSIGN_ROLE', 'role.unassigned'),
    admin('DELETE_ROLE', 'role.definition.changed'),
    admin('SUSPEND_USER', 'user.disabled'),
    admin('DELETE_USER', 'user.deleted'),
    admin('ARCHIVE_USER', 'user.disabled'),
  ],
  G4: [
    admin('CHANGE_PASSWORD', 'password.reset'),
    admin('CHANGE_PASSWORD_ON_NEXT_LOGIN', 'user.updated'),
    admin('VIEW_TEMP_PASSWORD', 'password.reset'),
    account('password_edit', 'password.changed'),
  ],
  G5: [
    admin('ADD_RECOVERY_EMAIL', 'recovery.contact.changed'),
    admin('CHANGE_RECOVERY_EMAIL', 'recovery.contact.changed'),
    admin('REMOVE_RECOVERY_EMAIL', 'recovery.contact.changed'),
    admin('ADD_RECOVERY_PHONE', 'recovery.contact.changed'),
    admin('CHANGE_RECOVERY_PHONE', 'recovery.contact.changed'),
    admin('REMOVE_RECOVERY_PHONE', 'recovery.contact.changed'),
    account('recovery_email_edit', 'recovery.contact.changed'),
    account('recovery_phone_edit', 'recovery.contact.changed'),
    account('recovery_secret_qa_edit', 'recovery.contact.changed'),
  ],
  G6: [
    admin('TURN_OFF_2_STEP_VERIFICATION', 'mfa.disabled'),
    admin('UNENROLL_USER_FROM_STRONG_AUTH', 'mfa.disabled'),
    admin('UNENROLL_USER_FROM_TITANIUM', 'mfa.disabled'),
    admin('ENFORCE_STRONG_AUTHENTICATION', 'mfa.disabled', { NEW_VALUE: 'false', OLD_VALUE: 'true' }),
    admin('ALLOW_STRONG_AUTHENTICATION', 'mfa.disabled', { NEW_VALUE: 'false', OLD_VALUE: 'true' }),
    account('2sv_disable', 'mfa.disabled'),
    account('titanium_unenroll', 'mfa.disabled'),
  ],
  G7: [
    admin('SECURITY_KEY_REGISTERED_FOR_USER', 'auth.method.registered'),
    admin('GENERATE_2SV_SCRATCH_CODES', 'auth.tap.issued'),
    admin('USER_ENROLLED_IN_TWO_STEP_VERIFICATION', 'auth.method.registered'),
    admin('USER_PUT_IN_TWO_STEP_VERIFICATION_GRACE_PERIOD', 'mfa.disabled'),
    account('2sv_enroll', 'auth.method.registered'),
  ],
  G8: [
    admin('CHANGE_SSO_SETTINGS', 'domain.federated'),
    admin('TOGGLE_SSO_ENABLED', 'domain.federated', { NEW_VALUE: 'true' }),
    admin('TOGGLE_OPEN_ID_ENABLED', 'policy.auth.changed'),
  ],
  G9: [
    admin('ADD_DOMAIN_ALIAS', 'domain.added'),
    admin('ADD_SECONDARY_DOMAIN', 'domain.added'),
    admin('VERIFY_DOMAIN_ALIAS', 'domain.verified'),
    admin('VERIFY_SECONDARY_DOMAIN', 'domain.verified'),
    admin('CHANGE_PRIMARY_DOMAIN', 'domain.updated'),
  ],
  G10: [
    admin('UPDATE_DOMAIN_SECONDARY_EMAIL', 'tenant.contacts.changed'),
    admin('ALERT_RECEIVERS_CHANGED', 'tenant.contacts.changed'),
    admin('TOGGLE_ALLOW_ADMIN_PASSWORD_RESET', 'policy.auth.changed'),
    admin('CHANGE_DATA_PROTECTION_OFFICER_CONTACT_INFO', 'tenant.contacts.changed'),
  ],
  G11: [
    admin('AUTHORIZE_API_CLIENT_ACCESS', 'consent.granted'),
    admin('ADD_APPLICATION', 'consent.granted'),
    { application: 'token', event: 'authorize', params: { app_name: 'Evil Sync', scope: ['https://www.googleapis.com/auth/admin.directory.user'] }, expected: 'consent.granted' },
  ],
  G12: [
    admin('CHANGE_RESELLER_ACCESS', 'partner.added'),
    admin('GENERATE_TRANSFER_TOKEN', 'partner.added'),
    admin('CHANGE_ACCOUNT_AUTO_RENEWAL', 'billing.changed'),
    admin('USER_LICENSE_ASSIGNMENT', 'license.changed'),
  ],
  G13: [
    login('suspicious_login', 'risk.detected'),
    login('suspicious_login_less_secure_app', 'risk.detected'),
    login('suspicious_programmatic_login', 'risk.detected'),
    login('gov_attack_warning', 'risk.detected'),
    login('account_disabled_password_leak', 'risk.detected'),
    login('login_failure', 'signin.failed', { login_failure_type: 'login_failure_invalid_second_factor' }),
    login('login_challenge', 'signin'),
  ],
  G14: [
    login('email_forwarding_out_of_domain', 'mail.forwarding.changed'),
    admin('CREATE_GMAIL_SETTING', 'mail.forwarding.changed', { SETTING_NAME: 'EMAIL_ROUTE' }),
    admin('CHANGE_GMAIL_SETTING', 'mail.forwarding.changed', { SETTING_NAME: 'UNIFIED_MAIL_ROUTING' }),
    admin('MAIL_ROUTING_DESTINATION_ADDED', 'mail.forwarding.changed'),
    admin('CREATE_EMAIL_MONITOR', 'mail.forwarding.changed'),
    admin('TOGGLE_OUTBOUND_RELAY', 'mail.forwarding.changed'),
  ],
  G15: [
    admin('CUSTOMER_TAKEOUT_CREATED', 'data.exported'),
    admin('CREATE_DATA_TRANSFER_REQUEST', 'data.exported'),
    admin('TRANSFER_DOCUMENT_OWNERSHIP', 'data.exported'),
  ],
  G16: [admin('UNSUSPEND_USER', 'user.enabled'), admin('UNDELETE_USER', 'user.restored')],
};

describe('googleAction: catalogue indicators', () => {
  for (const [indicator, cases] of Object.entries(INDICATORS)) {
    it(`${indicator}: each listed event maps to its action`, () => {
      for (const c of cases) {
        assert.equal(googleAction(c.application, c.event, c.params), c.expected, `${indicator} ${c.application}/${c.event}`);
      }
    });
  }
});

describe('googleAction: parameters', () => {
  it('ENFORCE/ALLOW_STRONG_AUTHENTICATION follow NEW_VALUE as text or boolValue', () => {
    assert.equal(googleAction('admin', 'ENFORCE_STRONG_AUTHENTICATION', { NEW_VALUE: 'true' }), 'mfa.enabled');
    assert.equal(googleAction('admin', 'ENFORCE_STRONG_AUTHENTICATION', { NEW_VALUE: false }), 'mfa.disabled');
    assert.equal(googleAction('admin', 'ALLOW_STRONG_AUTHENTICATION', { NEW_VALUE: true }), 'mfa.enabled');
    assert.equal(googleAction('admin', 'ALLOW_STRONG_AUTHENTICATION'), 'policy.auth.changed');
  });

  it('switching SSO off is an auth policy change, not a federation', () => {
    assert.equal(googleAction('admin', 'TOGGLE_SSO_ENABLED', { NEW_VALUE: 'false' }), 'policy.auth.changed');
    assert.equal(googleAction('admin', 'TOGGLE_SSO_ENABLED'), 'domain.federated');
  });

  it('application settings are read by SETTING_NAME', () => {
    assert.equal(googleAction('admin', 'CHANGE_APPLICATION_SETTING', { SETTING_NAME: 'Password Management - Enforce strong password' }), 'policy.auth.changed');
    assert.equal(googleAction('admin', 'CHANGE_APPLICATION_SETTING', { SETTING_NAME: 'Calendar sharing' }), 'tenant.settings.changed');
    assert.equal(googleAction('admin', 'CHANGE_GMAIL_SETTING', { SETTING_NAME: 'SPAM_OVERRIDE_LISTS' }), 'tenant.settings.changed');
  });

  it('a failed login challenge is a failed sign-in', () => {
    assert.equal(googleAction('login', 'login_challenge', { login_challenge_status: 'Challenge Failed' }), 'signin.failed');
    assert.equal(googleAction('login', 'login_challenge', { login_challenge_status: 'Challenge Passed' }), 'signin');
  });
});

describe('googleAction: applications', () => {
  it('accepts the Cloud Logging service name and any case', () => {
    assert.equal(googleAction('admin.googleapis.com', 'GRANT_ADMIN_PRIVILEGE'), 'role.assigned');
    assert.equal(googleAction('Admin', 'grant_admin_privilege'), 'role.assigned');
    assert.equal(googleAction('login.googleapis.com', 'login_success'), 'signin');
    assert.equal(googleAction('saml', 'login_failure'), 'signin.failed');
  });

  it('without a known application, admin and login names are still found; generic token names are not', () => {
    assert.equal(googleAction('', 'CREATE_USER'), 'user.created');
    assert.equal(googleAction('unknown', 'suspicious_login'), 'risk.detected');
    assert.equal(googleAction('', 'authorize'), 'other');
    assert.equal(googleAction('admin', 'authorize'), 'other');
  });

  it('events with no takeover meaning are other', () => {
    assert.equal(googleAction('admin', 'CHANGE_CALENDAR_SETTING'), 'other');
    assert.equal(googleAction('login', 'logout'), 'other');
    assert.equal(googleAction('token', 'activity'), 'other');
    assert.equal(googleAction('drive', 'view'), 'other');
  });
});

describe('google table invariants', () => {
  it('every action is in the vocabulary and refined events are in a table', () => {
    const all = new Set<string>();
    for (const table of Object.values(GOOGLE_ACTIONS)) {
      for (const [event, action] of table) {
        assert.ok(isAction(action), `${event} → ${action}`);
        all.add(event);
      }
    }
    for (const e of GOOGLE_REFINED_EVENTS) assert.ok(all.has(e), e);
  });

  it('admin event names are upper case, login and user_accounts names lower case', () => {
    for (const e of GOOGLE_ACTIONS['admin']!.keys()) assert.equal(e, e.toUpperCase());
    for (const app of ['login', 'user_accounts', 'saml', 'token']) {
      for (const e of GOOGLE_ACTIONS[app]!.keys()) assert.equal(e, e.toLowerCase(), `${app}/${e}`);
    }
  });
});
