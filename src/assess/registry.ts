// Every check, by provider. Imports are static (one line per check folder); each check's meta.yaml
// is read and validated once, here, so a broken file fails at start-up, not in the middle of a report.
// The repo-wide test checks that every folder under checks/ is listed.
import { loadMeta } from './meta.ts';
import type { CheckDefinition, CheckFunction } from './types.ts';
import { check as m001 } from './checks/m365/TB-AAD-001-global-admin-count/check.ts';
import { check as m002 } from './checks/m365/TB-AAD-002-emergency-access-accounts/check.ts';
import { check as m003 } from './checks/m365/TB-AAD-003-emergency-access-excluded-from-ca/check.ts';
import { check as m004 } from './checks/m365/TB-AAD-004-admins-known/check.ts';
import { check as m005 } from './checks/m365/TB-AAD-005-admin-mfa-registered/check.ts';
import { check as m006 } from './checks/m365/TB-AAD-006-admin-phishing-resistant-methods/check.ts';
import { check as m007 } from './checks/m365/TB-AAD-007-mfa-enforced-for-admins/check.ts';
import { check as m008 } from './checks/m365/TB-AAD-008-mfa-enforced-for-all-users/check.ts';
import { check as m009 } from './checks/m365/TB-AAD-009-phishing-resistant-mfa-for-admins/check.ts';
import { check as m010 } from './checks/m365/TB-AAD-010-phishing-resistant-mfa-for-all-users/check.ts';
import { check as m011 } from './checks/m365/TB-AAD-011-legacy-authentication-blocked/check.ts';
import { check as m012 } from './checks/m365/TB-AAD-012-device-code-flow-blocked/check.ts';
import { check as m013 } from './checks/m365/TB-AAD-013-high-risk-users-blocked/check.ts';
import { check as m014 } from './checks/m365/TB-AAD-014-high-risk-sign-ins-blocked/check.ts';
import { check as m015 } from './checks/m365/TB-AAD-015-notification-contacts-set/check.ts';
import { check as m016 } from './checks/m365/TB-AAD-016-notification-contacts-reachable/check.ts';
import { check as m017 } from './checks/m365/TB-AAD-017-notification-contacts-confirmed/check.ts';
import { check as m018 } from './checks/m365/TB-AAD-018-audit-logging-on/check.ts';
import { check as m019 } from './checks/m365/TB-AAD-019-evidence-retained/check.ts';
import { check as m020 } from './checks/m365/TB-AAD-020-partners-known/check.ts';
import { check as m021 } from './checks/m365/TB-AAD-021-user-consent-restricted/check.ts';
import { check as m022 } from './checks/m365/TB-AAD-022-users-cannot-register-apps/check.ts';
import { check as m023 } from './checks/m365/TB-AAD-023-app-credentials-short-lived/check.ts';
import { check as m024 } from './checks/m365/TB-AAD-024-app-credentials-known/check.ts';
import { check as m025 } from './checks/m365/TB-AAD-025-federated-domains-expected/check.ts';
import { check as m026 } from './checks/m365/TB-AAD-026-stale-admin-accounts/check.ts';
import { check as m027 } from './checks/m365/TB-AAD-027-admins-without-mailbox/check.ts';
import { check as m028 } from './checks/m365/TB-AAD-028-sspr-for-admins-reviewed/check.ts';
import { check as m029 } from './checks/m365/TB-AAD-029-subscriptions-expected/check.ts';
import { check as m030 } from './checks/m365/TB-AAD-030-recovery-kit-fresh/check.ts';
import { check as m031 } from './checks/m365/TB-AAD-031-admins-cloud-only/check.ts';
import { check as m032 } from './checks/m365/TB-AAD-032-no-service-principal-admins/check.ts';
import { check as m033 } from './checks/m365/TB-AAD-033-no-guest-admins/check.ts';
import { check as m034 } from './checks/m365/TB-AAD-034-guest-access-restricted/check.ts';
import { check as m035 } from './checks/m365/TB-AAD-035-guest-invites-limited/check.ts';
import { check as m036 } from './checks/m365/TB-AAD-036-users-cannot-create-tenants/check.ts';
import { check as m037 } from './checks/m365/TB-AAD-037-self-service-sign-up-off/check.ts';

const M365: ReadonlyArray<readonly [string, CheckFunction]> = [
  ['TB-AAD-001-global-admin-count', m001],
  ['TB-AAD-002-emergency-access-accounts', m002],
  ['TB-AAD-003-emergency-access-excluded-from-ca', m003],
  ['TB-AAD-004-admins-known', m004],
  ['TB-AAD-005-admin-mfa-registered', m005],
  ['TB-AAD-006-admin-phishing-resistant-methods', m006],
  ['TB-AAD-007-mfa-enforced-for-admins', m007],
  ['TB-AAD-008-mfa-enforced-for-all-users', m008],
  ['TB-AAD-009-phishing-resistant-mfa-for-admins', m009],
  ['TB-AAD-010-phishing-resistant-mfa-for-all-users', m010],
  ['TB-AAD-011-legacy-authentication-blocked', m011],
  ['TB-AAD-012-device-code-flow-blocked', m012],
  ['TB-AAD-013-high-risk-users-blocked', m013],
  ['TB-AAD-014-high-risk-sign-ins-blocked', m014],
  ['TB-AAD-015-notification-contacts-set', m015],
  ['TB-AAD-016-notification-contacts-reachable', m016],
  ['TB-AAD-017-notification-contacts-confirmed', m017],
  ['TB-AAD-018-audit-logging-on', m018],
  ['TB-AAD-019-evidence-retained', m019],
  ['TB-AAD-020-partners-known', m020],
  ['TB-AAD-021-user-consent-restricted', m021],
  ['TB-AAD-022-users-cannot-register-apps', m022],
  ['TB-AAD-023-app-credentials-short-lived', m023],
  ['TB-AAD-024-app-credentials-known', m024],
  ['TB-AAD-025-federated-domains-expected', m025],
  ['TB-AAD-026-stale-admin-accounts', m026],
  ['TB-AAD-027-admins-without-mailbox', m027],
  ['TB-AAD-028-sspr-for-admins-reviewed', m028],
  ['TB-AAD-029-subscriptions-expected', m029],
  ['TB-AAD-030-recovery-kit-fresh', m030],
  ['TB-AAD-031-admins-cloud-only', m031],
  ['TB-AAD-032-no-service-principal-admins', m032],
  ['TB-AAD-033-no-guest-admins', m033],
  ['TB-AAD-034-guest-access-restricted', m034],
  ['TB-AAD-035-guest-invites-limited', m035],
  ['TB-AAD-036-users-cannot-create-tenants', m036],
  ['TB-AAD-037-self-service-sign-up-off', m037],
];

function define(provider: string, [id, check]: readonly [string, CheckFunction]): CheckDefinition {
  return { meta: loadMeta(new URL(`./checks/${provider}/${id}/meta.yaml`, import.meta.url), id), check };
}

export const CHECKS: readonly CheckDefinition[] = M365.map((entry) => define('m365', entry));

export function findCheck(id: string): CheckDefinition | undefined {
  return CHECKS.find((c) => c.meta.id === id);
}

export const CHECK_IDS: ReadonlySet<string> = new Set(CHECKS.map((c) => c.meta.id));
