// Google Workspace Reports API (applicationName, event name) → canonical action.
// Event names from Google's Reports API event reference (admin, login, user_accounts, token, saml).
// Some events are refined by their parameters (NEW_VALUE, SETTING_NAME, login_challenge_status).
import type { Action } from '../../../core/actions.ts';

export type GoogleParams = Readonly<Record<string, string | boolean | number | readonly string[] | undefined>>;

type Table = ReadonlyArray<readonly [string, Action]>;

const ADMIN: Table = [
  // users (USER_SETTINGS)
  ['CREATE_USER', 'user.created'],
  // Invites an unmanaged account with the domain's address to become a managed user.
  ['USER_INVITE', 'user.created'],
  ['USERS_BULK_UPLOAD', 'user.created'],
  ['BULK_UPLOAD', 'user.created'],
  ['DELETE_USER', 'user.deleted'],
  ['UNDELETE_USER', 'user.restored'],
  ['SUSPEND_USER', 'user.disabled'],
  ['UNSUSPEND_USER', 'user.enabled'],
  ['ARCHIVE_USER', 'user.disabled'],
  ['UNARCHIVE_USER', 'user.enabled'],
  ['RENAME_USER', 'user.updated'],
  // Moving an admin to an OU with weaker policy is a known evasion; the detection reads the OU names.
  ['MOVE_USER_TO_ORG_UNIT', 'user.updated'],
  ['CHANGE_PASSWORD', 'password.reset'],
  // The admin has seen the password just set for the user.
  ['VIEW_TEMP_PASSWORD', 'password.reset'],
  // Forces a change at next sign-in; the credential itself is set by CHANGE_PASSWORD.
  ['CHANGE_PASSWORD_ON_NEXT_LOGIN', 'user.updated'],
  ['ADD_RECOVERY_EMAIL', 'recovery.contact.changed'],
  ['CHANGE_RECOVERY_EMAIL', 'recovery.contact.changed'],
  ['REMOVE_RECOVERY_EMAIL', 'recovery.contact.changed'],
  ['ADD_RECOVERY_PHONE', 'recovery.contact.changed'],
  ['CHANGE_RECOVERY_PHONE', 'recovery.contact.changed'],
  ['REMOVE_RECOVERY_PHONE', 'recovery.contact.changed'],
  ['GRANT_ADMIN_PRIVILEGE', 'role.assigned'],
  ['GRANT_DELEGATED_ADMIN_PRIVILEGES', 'role.assigned'],
  ['REVOKE_ADMIN_PRIVILEGE', 'role.unassigned'],
  // 2-step verification
  ['TURN_OFF_2_STEP_VERIFICATION', 'mfa.disabled'],
  ['UNENROLL_USER_FROM_STRONG_AUTH', 'mfa.disabled'],
  ['UNENROLL_USER_FROM_TITANIUM', 'mfa.disabled'],
  // Lets the user sign in with a password alone until the grace period ends.
  ['USER_PUT_IN_TWO_STEP_VERIFICATION_GRACE_PERIOD', 'mfa.disabled'],
  // Turns off the login challenge for the user for a few minutes.
  ['UNBLOCK_USER_SESSION', 'mfa.disabled'],
  ['USER_ENROLLED_IN_TWO_STEP_VERIFICATION', 'auth.method.registered'],
  ['SECURITY_KEY_REGISTERED_FOR_USER', 'auth.method.registered'],
  // Backup codes made by an admin pass the user's 2SV: Google's counterpart of a Temporary Access Pass.
  ['GENERATE_2SV_SCRATCH_CODES', 'auth.tap.issued'],
  ['DELETE_2SV_SCRATCH_CODES', 'auth.method.removed'],
  ['REVOKE_SECURITY_KEY', 'auth.method.removed'],
  ['PASSKEY_REVOKED', 'auth.method.removed'],
  ['USER_CREATED_PASSKEY_REVOKE', 'auth.method.removed'],
  ['REVOKE_ASP', 'auth.method.removed'],
  // sessions and tokens
  ['RESET_SIGNIN_COOKIES', 'session.revoked'],
  ['REVOKE_3LO_TOKEN', 'session.revoked'],
  ['REVOKE_3LO_DEVICE_TOKENS', 'session.revoked'],
  // data access by an admin
  ['CREATE_EMAIL_MONITOR', 'mail.forwarding.changed'],
  ['MAIL_ROUTING_DESTINATION_ADDED', 'mail.forwarding.changed'],
  ['REQUEST_MAILBOX_DUMP', 'data.exported'],
  ['CREATE_DATA_TRANSFER_REQUEST', 'data.exported'],
  ['DOWNLOAD_USERLIST_CSV', 'data.exported'],
  ['CUSTOMER_TAKEOUT_CREATED', 'data.exported'],
  ['TRANSFER_DOCUMENT_OWNERSHIP', 'data.exported'],

  // roles (DELEGATED_ADMIN_SETTINGS)
  ['ASSIGN_ROLE', 'role.assigned'],
  ['UNASSIGN_ROLE', 'role.unassigned'],
  ['CREATE_ROLE', 'role.definition.changed'],
  ['DELETE_ROLE', 'role.definition.changed'],
  ['RENAME_ROLE', 'role.definition.changed'],
  ['UPDATE_ROLE', 'role.definition.changed'],
  ['ADD_PRIVILEGE', 'role.definition.changed'],
  ['REMOVE_PRIVILEGE', 'role.definition.changed'],

  // organisation contacts and notifications (DOMAIN_SETTINGS)
  ['UPDATE_DOMAIN_PRIMARY_ADMIN_EMAIL', 'tenant.contacts.changed'],
  ['UPDATE_DOMAIN_SECONDARY_EMAIL', 'tenant.contacts.changed'],
  ['ALERT_RECEIVERS_CHANGED', 'tenant.contacts.changed'],
  ['CHANGE_DATA_PROTECTION_OFFICER_CONTACT_INFO', 'tenant.contacts.changed'],
  ['CHANGE_EU_REPRESENTATIVE_CONTACT_INFO', 'tenant.contacts.changed'],
  ['ENABLE_SERVICE_OR_FEATURE_NOTIFICATIONS', 'tenant.contacts.changed'],
  ['COMMUNICATION_PREFERENCES_SETTING_CHANGE', 'tenant.contacts.changed'],
  // Super-admin self-service recovery on or off.
  ['TOGGLE_ALLOW_ADMIN_PASSWORD_RESET', 'policy.auth.changed'],
  ['ALERT_STATUS_CHANGED', 'tenant.settings.changed'],
  ['CHANGE_ALERT_CRITERIA', 'tenant.settings.changed'],
  ['CREATE_ALERT', 'tenant.settings.changed'],
  ['DELETE_ALERT', 'tenant.settings.changed'],
  ['RENAME_ALERT', 'tenant.settings.changed'],
  ['CREATE_RULE', 'tenant.settings.changed'],
  ['UPDATE_RULE', 'tenant.settings.changed'],
  ['DELETE_RULE', 'tenant.settings.changed'],
  ['RULE_STATUS_CHANGED', 'tenant.settings.changed'],
  ['RULE_ACTIONS_CHANGED', 'tenant.settings.changed'],
  ['CHANGE_RULE_CRITERIA', 'tenant.settings.changed'],
  ['SYSTEM_DEFINED_RULE_UPDATED', 'tenant.settings.changed'],
  // Whoever holds the PIN can act as the customer towards Google support.
  ['GENERATE_PIN', 'tenant.settings.changed'],

  // resellers, billing and licences
  ['CHANGE_RESELLER_ACCESS', 'partner.added'],
  ['CHANGE_RESELLER_ACCESS_FOR_SKU', 'partner.added'],
  // Lets a reseller take the subscription over.
  ['GENERATE_TRANSFER_TOKEN', 'partner.added'],
  ['CHANGE_ACCOUNT_AUTO_RENEWAL', 'billing.changed'],
  ['CHANGE_RENEW_DOMAIN_REGISTRATION', 'billing.changed'],
  ['CHROME_LICENSES_REDEEMED', 'license.changed'],
  ['USER_LICENSE_ASSIGNMENT', 'license.changed'],
  ['USER_LICENSE_REVOKE', 'license.changed'],
  ['USER_LICENSE_REASSIGNMENT', 'license.changed'],
  ['ORG_ALL_USERS_LICENSE_ASSIGNMENT', 'license.changed'],
  ['ORG_USERS_LICENSE_ASSIGNMENT', 'license.changed'],
  ['ORG_LICENSE_REVOKE', 'license.changed'],
  ['CHANGE_LICENSE_AUTO_ASSIGN', 'license.changed'],
  ['UPDATE_DYNAMIC_LICENSE', 'license.changed'],
  ['TEMPORARY_LICENSE_ASSIGNMENT', 'license.changed'],
  ['SUPPRESSED_LICENSE_ASSIGNMENT', 'license.changed'],

  // domains
  ['ADD_SECONDARY_DOMAIN', 'domain.added'],
  ['ADD_DOMAIN_ALIAS', 'domain.added'],
  ['VERIFY_SECONDARY_DOMAIN', 'domain.verified'],
  ['VERIFY_DOMAIN_ALIAS', 'domain.verified'],
  ['VERIFY_SECONDARY_DOMAIN_MX', 'domain.verified'],
  ['REMOVE_SECONDARY_DOMAIN', 'domain.removed'],
  ['REMOVE_DOMAIN_ALIAS', 'domain.removed'],
  ['CHANGE_PRIMARY_DOMAIN', 'domain.updated'],
  ['CHANGE_DOMAIN_NAME', 'domain.updated'],

  // SSO and API access
  ['CHANGE_SSO_SETTINGS', 'domain.federated'],
  ['TOGGLE_SSO_ENABLED', 'domain.federated'], // policy.auth.changed when SSO is switched off
  // Google as an OpenID provider for other sites, not an IdP placed in front of Google.
  ['TOGGLE_OPEN_ID_ENABLED', 'policy.auth.changed'],
  // Domain-wide delegation: a client may act as any user.
  ['AUTHORIZE_API_CLIENT_ACCESS', 'consent.granted'],
  ['ADD_APPLICATION', 'consent.granted'],
  ['ADD_TO_TRUSTED_OAUTH2_APPS', 'consent.granted'],
  ['ENABLE_API_ACCESS', 'policy.authorization.changed'],
  ['TOGGLE_OAUTH_ACCESS_TO_ALL_APIS', 'policy.authorization.changed'],
  ['UNBLOCK_ALL_THIRD_PARTY_API_ACCESS', 'policy.authorization.changed'],
  ['BLOCK_ALL_THIRD_PARTY_API_ACCESS', 'policy.authorization.changed'],
  ['SIGN_IN_ONLY_THIRD_PARTY_API_ACCESS', 'policy.authorization.changed'],
  ['ALLOW_SERVICE_FOR_OAUTH2_ACCESS', 'policy.authorization.changed'],
  ['DISALLOW_SERVICE_FOR_OAUTH2_ACCESS', 'policy.authorization.changed'],
  ['TRUST_DOMAIN_OWNED_OAUTH2_APPS', 'policy.authorization.changed'],
  ['UNTRUST_DOMAIN_OWNED_OAUTH2_APPS', 'policy.authorization.changed'],
  ['ADD_TRUSTED_DOMAINS', 'tenant.settings.changed'],
  ['CHANGE_CONFLICT_ACCOUNT_ACTION', 'tenant.settings.changed'],

  // security settings (SECURITY_SETTINGS)
  ['ENFORCE_STRONG_AUTHENTICATION', 'policy.auth.changed'], // NEW_VALUE decides mfa.enabled / mfa.disabled
  ['ALLOW_STRONG_AUTHENTICATION', 'policy.auth.changed'], // likewise
  ['CHANGE_ALLOWED_TWO_STEP_VERIFICATION_METHODS', 'policy.auth.changed'],
  ['CHANGE_TWO_STEP_VERIFICATION_ENROLLMENT_PERIOD_DURATION', 'policy.auth.changed'],
  ['CHANGE_TWO_STEP_VERIFICATION_GRACE_PERIOD_DURATION', 'policy.auth.changed'],
  ['CHANGE_TWO_STEP_VERIFICATION_FREQUENCY', 'policy.auth.changed'],
  ['CHANGE_TWO_STEP_VERIFICATION_START_DATE', 'policy.auth.changed'],
  ['ENABLE_NON_ADMIN_USER_PASSWORD_RECOVERY', 'policy.auth.changed'],
  ['CHANGE_SESSION_LENGTH', 'policy.auth.changed'],
  ['SESSION_CONTROL_SETTINGS_CHANGE', 'policy.auth.changed'],
  ['WEAK_PROGRAMMATIC_LOGIN_SETTINGS_CHANGED', 'policy.auth.changed'],
  // Context-aware access is Google's conditional access.
  ['TOGGLE_CAA_ENABLEMENT', 'policy.ca.changed'],

  // application settings: SETTING_NAME decides (mail routing, authentication, or other settings)
  ['CREATE_APPLICATION_SETTING', 'tenant.settings.changed'],
  ['CHANGE_APPLICATION_SETTING', 'tenant.settings.changed'],
  ['DELETE_APPLICATION_SETTING', 'tenant.settings.changed'],
  ['CREATE_GMAIL_SETTING', 'tenant.settings.changed'],
  ['CHANGE_GMAIL_SETTING', 'tenant.settings.changed'],
  ['DELETE_GMAIL_SETTING', 'tenant.settings.changed'],
  ['CHANGE_EMAIL_SETTING', 'tenant.settings.changed'],
  ['TOGGLE_OUTBOUND_RELAY', 'mail.forwarding.changed'],
  ['TOGGLE_SERVICE_ENABLED', 'tenant.settings.changed'],
  ['CREATE_ORG_UNIT', 'tenant.settings.changed'],
  ['MOVE_ORG_UNIT', 'tenant.settings.changed'],
];

// The user's own account events: logged under `user_accounts` and also under `login`.
const USER_ACCOUNTS: Table = [
  ['2sv_enroll', 'auth.method.registered'],
  ['2sv_disable', 'mfa.disabled'],
  ['password_edit', 'password.changed'],
  ['recovery_email_edit', 'recovery.contact.changed'],
  ['recovery_phone_edit', 'recovery.contact.changed'],
  ['recovery_secret_qa_edit', 'recovery.contact.changed'],
  ['titanium_enroll', 'mfa.enabled'],
  ['titanium_unenroll', 'mfa.disabled'],
  ['email_forwarding_out_of_domain', 'mail.forwarding.changed'],
];

const LOGIN: Table = [
  ['login_success', 'signin'],
  ['login_failure', 'signin.failed'],
  ['login_challenge', 'signin'], // signin.failed when the challenge failed
  ['login_verification', 'signin'], // likewise
  ['suspicious_login', 'risk.detected'],
  ['suspicious_login_less_secure_app', 'risk.detected'],
  ['suspicious_programmatic_login', 'risk.detected'],
  ['gov_attack_warning', 'risk.detected'],
  ['account_disabled_password_leak', 'risk.detected'],
  ['account_disabled_hijacked', 'risk.detected'],
  ['account_disabled_generic', 'risk.detected'],
  ['account_disabled_spamming', 'risk.detected'],
  ['account_disabled_spamming_through_relay', 'risk.detected'],
  ['risky_sensitive_action_allowed', 'risk.detected'],
  ['risky_sensitive_action_blocked', 'risk.detected'],
  ...USER_ACCOUNTS,
];

const SAML: Table = [
  ['login_success', 'signin'],
  ['login_failure', 'signin.failed'],
];

// An app was granted access to the user's data (with admin scopes this is G11).
const TOKEN: Table = [['authorize', 'consent.granted']];

/** Every mapped event per Reports API application, with its base (unrefined) action. */
export const GOOGLE_ACTIONS: Readonly<Record<string, ReadonlyMap<string, Action>>> = {
  admin: new Map(ADMIN),
  login: new Map(LOGIN),
  user_accounts: new Map(USER_ACCOUNTS),
  saml: new Map(SAML),
  token: new Map(TOKEN),
};

/** Events whose action depends on their parameters. */
export const GOOGLE_REFINED_EVENTS: ReadonlySet<string> = new Set([
  'ENFORCE_STRONG_AUTHENTICATION',
  'ALLOW_STRONG_AUTHENTICATION',
  'TOGGLE_SSO_ENABLED',
  'CREATE_APPLICATION_SETTING',
  'CHANGE_APPLICATION_SETTING',
  'DELETE_APPLICATION_SETTING',
  'CREATE_GMAIL_SETTING',
  'CHANGE_GMAIL_SETTING',
  'DELETE_GMAIL_SETTING',
  'CHANGE_EMAIL_SETTING',
  'login_challenge',
  'login_verification',
]);

// Looked up in upper case; a name listed twice in one application is a programming error, caught at load.
function buildIndex(app: string, table: Table): ReadonlyMap<string, Action> {
  const m = new Map<string, Action>();
  for (const [name, action] of table) {
    const key = name.toUpperCase();
    if (m.has(key)) throw new Error(`Google ${app} table: "${name}" is listed twice`);
    m.set(key, action);
  }
  return m;
}

const indexes: ReadonlyMap<string, ReadonlyMap<string, Action>> = new Map([
  ['admin', buildIndex('admin', ADMIN)],
  ['login', buildIndex('login', LOGIN)],
  ['user_accounts', buildIndex('user_accounts', USER_ACCOUNTS)],
  ['saml', buildIndex('saml', SAML)],
  ['token', buildIndex('token', TOKEN)],
]);

/** `admin`, `Admin`, `admin.googleapis.com` (Cloud Logging serviceName) all name the same application. */
function applicationKey(application: string): string {
  return application.trim().toLowerCase().replace(/\.googleapis\.com$/, '').replace(/[\s-]+/g, '_');
}

function paramText(params: GoogleParams, name: string): string | undefined {
  const v = params[name] ?? params[name.toLowerCase()] ?? params[name.toUpperCase()];
  if (v === undefined || typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v.join(',');
}

function paramBoolean(params: GoogleParams, name: string): boolean | undefined {
  const v = params[name];
  if (typeof v === 'boolean') return v;
  const s = paramText(params, name)?.trim().toLowerCase();
  if (s === 'true' || s === 'on' || s === 'enabled') return true;
  if (s === 'false' || s === 'off' || s === 'disabled') return false;
  return undefined;
}

function refine(event: string, base: Action, params: GoogleParams): Action {
  switch (event) {
    case 'ENFORCE_STRONG_AUTHENTICATION':
    case 'ALLOW_STRONG_AUTHENTICATION': {
      const on = paramBoolean(params, 'NEW_VALUE');
      return on === undefined ? base : on ? 'mfa.enabled' : 'mfa.disabled';
    }
    case 'TOGGLE_SSO_ENABLED':
      return paramBoolean(params, 'NEW_VALUE') === false ? 'policy.auth.changed' : base;
    case 'CREATE_APPLICATION_SETTING':
    case 'CHANGE_APPLICATION_SETTING':
    case 'DELETE_APPLICATION_SETTING':
    case 'CREATE_GMAIL_SETTING':
    case 'CHANGE_GMAIL_SETTING':
    case 'DELETE_GMAIL_SETTING':
    case 'CHANGE_EMAIL_SETTING': {
      const setting = paramText(params, 'SETTING_NAME') ?? '';
      if (/rout|forward|relay/i.test(setting)) return 'mail.forwarding.changed';
      if (/password|2-?step|2sv|two[ _-]?step|login challenge|session|less secure|recovery|passkey|security key/i.test(setting)) {
        return 'policy.auth.changed';
      }
      return base;
    }
    case 'LOGIN_CHALLENGE':
    case 'LOGIN_VERIFICATION':
      return /fail/i.test(paramText(params, 'login_challenge_status') ?? '') ? 'signin.failed' : base;
    default:
      return base;
  }
}

export function googleAction(application: string, eventName: string, params: GoogleParams = {}): Action {
  const event = eventName.trim().toUpperCase();
  const app = applicationKey(application);
  // Unknown or missing application (some exports drop it): event names do not collide across
  // admin and login, but token and saml names are too generic to guess.
  const candidates = indexes.has(app) ? [app] : ['admin', 'login'];
  for (const a of candidates) {
    const base = indexes.get(a)?.get(event);
    if (base !== undefined) return refine(event, base, params);
  }
  return 'other';
}
