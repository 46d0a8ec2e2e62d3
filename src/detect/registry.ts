// Every rule, and the text table built from them. Adding a rule: write its file, list it here; the
// repo-wide test (rules.test.ts) checks its id, text, ATT&CK ids and fixtures.
import { m1UserCreated } from './rules/m365/m1-user-created.ts';
import { m2PrivilegedRoleAssigned } from './rules/m365/m2-privileged-role-assigned.ts';
import { m3PrivilegedGroupMemberAdded } from './rules/m365/m3-privileged-group-member-added.ts';
import { m4AdminRemovedFromRole } from './rules/m365/m4-admin-removed-from-role.ts';
import { m5AdminDeletedOrDisabled } from './rules/m365/m5-admin-deleted-or-disabled.ts';
import { m6AdminPasswordReset } from './rules/m365/m6-admin-password-reset.ts';
import { m7AdminSecurityInfoChanged } from './rules/m365/m7-admin-security-info-changed.ts';
import { m8TemporaryAccessPass } from './rules/m365/m8-temporary-access-pass.ts';
import { m9MfaDisabled } from './rules/m365/m9-mfa-disabled.ts';
import { m10RecoveryContactChanged } from './rules/m365/m10-recovery-contact-changed.ts';
import { m11NotificationContactsChanged } from './rules/m365/m11-notification-contacts-changed.ts';
import { m12AuthSettingsWeakened } from './rules/m365/m12-auth-settings-weakened.ts';
import { m13ConditionalAccessChanged } from './rules/m365/m13-conditional-access-changed.ts';
import { m14LicenceChanged } from './rules/m365/m14-licence-changed.ts';
import { m15DomainAdded } from './rules/m365/m15-domain-added.ts';
import { m16DomainFederated } from './rules/m365/m16-domain-federated.ts';
import { m17SourceAnchorChanged } from './rules/m365/m17-source-anchor-changed.ts';
import { m18AppCredentialAdded } from './rules/m365/m18-app-credential-added.ts';
import { m19AppOwnerAdded } from './rules/m365/m19-app-owner-added.ts';
import { m20AppConsent } from './rules/m365/m20-app-consent.ts';
import { m21ServicePrincipalRole } from './rules/m365/m21-service-principal-role.ts';
import { m22PartnerAdded } from './rules/m365/m22-partner-added.ts';
import { m23AzureAccessElevated } from './rules/m365/m23-azure-access-elevated.ts';
import { m24AuditDisabled } from './rules/m365/m24-audit-disabled.ts';
import { m25MailForwarding } from './rules/m365/m25-mail-forwarding.ts';
import { m26MailboxAccessGranted } from './rules/m365/m26-mailbox-access-granted.ts';
import { m27RiskySignin } from './rules/m365/m27-risky-signin.ts';
import { m28AdminSigninSuspiciousClient } from './rules/m365/m28-admin-signin-suspicious-client.ts';
import { m29SessionsRevoked } from './rules/m365/m29-sessions-revoked.ts';
import { m30AdminDeviceRegistered } from './rules/m365/m30-admin-device-registered.ts';
import { m31PimSettingsChanged } from './rules/m365/m31-pim-settings-changed.ts';
import { m32GuestInvitedOrPromoted } from './rules/m365/m32-guest-invited-or-promoted.ts';
import { g1AdminRoleGranted } from './rules/gws/g1-admin-role-granted.ts';
import { g2UserCreated } from './rules/gws/g2-user-created.ts';
import { g3AdminRemoved } from './rules/gws/g3-admin-removed.ts';
import { g4AdminPasswordChanged } from './rules/gws/g4-admin-password-changed.ts';
import { g5RecoveryContactChanged } from './rules/gws/g5-recovery-contact-changed.ts';
import { g6TwoStepOff } from './rules/gws/g6-two-step-off.ts';
import { g7AdminTwoStepFactorAdded } from './rules/gws/g7-admin-two-step-factor-added.ts';
import { g8SsoChanged } from './rules/gws/g8-sso-changed.ts';
import { g9DomainChanged } from './rules/gws/g9-domain-changed.ts';
import { g10OrgContactsChanged } from './rules/gws/g10-org-contacts-changed.ts';
import { g11ApiAccessGranted } from './rules/gws/g11-api-access-granted.ts';
import { g12BillingOrResellerChanged } from './rules/gws/g12-billing-or-reseller-changed.ts';
import { g13SuspiciousLogin } from './rules/gws/g13-suspicious-login.ts';
import { g14MailForwarding } from './rules/gws/g14-mail-forwarding.ts';
import { g15DataExported } from './rules/gws/g15-data-exported.ts';
import { g16AccountReenabled } from './rules/gws/g16-account-reenabled.ts';
import { c1AdminSigninUnusual } from './rules/context/c1-admin-signin-unusual.ts';
import { d1NewAdminAccount } from './snapshot-rules/d1-new-admin-account.ts';
import { d2MadeAdmin } from './snapshot-rules/d2-made-admin.ts';
import { d3AdminVanished } from './snapshot-rules/d3-admin-vanished.ts';
import { d4ContactsChanged } from './snapshot-rules/d4-contacts-changed.ts';
import { d5SubscriptionAppeared } from './snapshot-rules/d5-subscription-appeared.ts';
import { d6DomainAddedOrFederated } from './snapshot-rules/d6-domain-added-or-federated.ts';
import { d7AppCredentialAdded } from './snapshot-rules/d7-app-credential-added.ts';
import { d8AccessPolicyWeakened } from './snapshot-rules/d8-access-policy-weakened.ts';
import { d9AuditLoggingOff } from './snapshot-rules/d9-audit-logging-off.ts';
import { d10PartnerAdded } from './snapshot-rules/d10-partner-added.ts';
import { d11AdminAuthMethodAdded } from './snapshot-rules/d11-admin-auth-method-added.ts';
import { s1NewAdminRemovesAdmins } from './sequences/s1-new-admin-removes-admins.ts';
import { s2AccountCreatedThenDeleted } from './sequences/s2-account-created-then-deleted.ts';
import { s3EnabledThenPasswordReset } from './sequences/s3-enabled-then-password-reset.ts';
import { s4ResetThenPrivilegedChange } from './sequences/s4-reset-then-privileged-change.ts';
import { s5RiskySigninThenMfaChange } from './sequences/s5-risky-signin-then-mfa-change.ts';
import { s6RiskThenDeviceRegistered } from './sequences/s6-risk-then-device-registered.ts';
import { s7TakeoverChain } from './sequences/s7-takeover-chain.ts';
import { s8NewAccountMadeAdmin } from './sequences/s8-new-account-made-admin.ts';
import type { ContextRule, EventRule, Rule, SequenceRule, SnapshotRule } from './rule.ts';
import { INCIDENT_TEXT, STEP_TEXT, STEP_TEXT_NO_ACTOR, STEP_TEXT_RESTORE_PASSED } from './storyline-text.ts';
import { TextTable, textEntries } from './text.ts';
import { SIGMA_TEXT } from '../sigma/finding-text.ts';

/** Single-event rules: one per catalogue indicator M1–M32 (Microsoft) and G1–G16 (Google). */
export const EVENT_RULES: readonly EventRule[] = [
  m1UserCreated,
  m2PrivilegedRoleAssigned,
  m3PrivilegedGroupMemberAdded,
  m4AdminRemovedFromRole,
  m5AdminDeletedOrDisabled,
  m6AdminPasswordReset,
  m7AdminSecurityInfoChanged,
  m8TemporaryAccessPass,
  m9MfaDisabled,
  m10RecoveryContactChanged,
  m11NotificationContactsChanged,
  m12AuthSettingsWeakened,
  m13ConditionalAccessChanged,
  m14LicenceChanged,
  m15DomainAdded,
  m16DomainFederated,
  m17SourceAnchorChanged,
  m18AppCredentialAdded,
  m19AppOwnerAdded,
  m20AppConsent,
  m21ServicePrincipalRole,
  m22PartnerAdded,
  m23AzureAccessElevated,
  m24AuditDisabled,
  m25MailForwarding,
  m26MailboxAccessGranted,
  m27RiskySignin,
  m28AdminSigninSuspiciousClient,
  m29SessionsRevoked,
  m30AdminDeviceRegistered,
  m31PimSettingsChanged,
  m32GuestInvitedOrPromoted,
  g1AdminRoleGranted,
  g2UserCreated,
  g3AdminRemoved,
  g4AdminPasswordChanged,
  g5RecoveryContactChanged,
  g6TwoStepOff,
  g7AdminTwoStepFactorAdded,
  g8SsoChanged,
  g9DomainChanged,
  g10OrgContactsChanged,
  g11ApiAccessGranted,
  g12BillingOrResellerChanged,
  g13SuspiciousLogin,
  g14MailForwarding,
  g15DataExported,
  g16AccountReenabled,
];

/** Rules over the facts gathered from all events. */
export const CONTEXT_RULES: readonly ContextRule[] = [c1AdminSigninUnusual];

/** State rules: what logs miss or no longer hold. */
export const SNAPSHOT_RULES: readonly SnapshotRule[] = [
  d1NewAdminAccount,
  d2MadeAdmin,
  d3AdminVanished,
  d4ContactsChanged,
  d5SubscriptionAppeared,
  d6DomainAddedOrFederated,
  d7AppCredentialAdded,
  d8AccessPolicyWeakened,
  d9AuditLoggingOff,
  d10PartnerAdded,
  d11AdminAuthMethodAdded,
];

/** Sequences: the six of the catalogue, the new-account-made-admin pair, and the seed case's chain. */
export const SEQUENCE_RULES: readonly SequenceRule[] = [
  s1NewAdminRemovesAdmins,
  s2AccountCreatedThenDeleted,
  s3EnabledThenPasswordReset,
  s4ResetThenPrivilegedChange,
  s5RiskySigninThenMfaChange,
  s6RiskThenDeviceRegistered,
  s7TakeoverChain,
  s8NewAccountMadeAdmin,
];

export const ALL_RULES: readonly Rule[] = [...EVENT_RULES, ...CONTEXT_RULES, ...SNAPSHOT_RULES, ...SEQUENCE_RULES];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.id, r]));

/** Every detection string (rules, storyline steps, incidents) by i18n key. */
export const DETECT_TEXT: TextTable = (() => {
  const t = new TextTable();
  for (const r of ALL_RULES) for (const [k, l] of textEntries(r.id, r.text)) t.add(k, l);
  for (const [kind, l] of Object.entries(STEP_TEXT)) t.add(`detect.step.${kind}`, l);
  for (const [kind, l] of Object.entries(STEP_TEXT_NO_ACTOR)) if (l !== undefined) t.add(`detect.stepNoActor.${kind}`, l);
  for (const [k, l] of Object.entries(STEP_TEXT_RESTORE_PASSED)) t.add(`detect.stepRestorePassed.${k}`, l);
  for (const [k, l] of Object.entries(INCIDENT_TEXT)) t.add(k, l);
  for (const [k, l] of Object.entries(SIGMA_TEXT)) t.add(k, l);
  return t;
})();
