// The base fixture every check test patches: a small, well-run Microsoft 365 tenant (Entra ID P2,
// two named Global Administrators, two emergency accounts, Conditional Access that covers them) and a
// context that declares everything. Every check passes on it; a fixture changes one thing.
import type { Principal, Snapshot } from '../../core/snapshot.ts';
import { PHISHING_RESISTANT_STRENGTH } from '../m365/conditional-access.ts';
import type { CheckContext } from '../types.ts';

export const NOW = '2026-10-20T00:00:00.000Z';
export const TENANT = 'fx-tenant-0000-4000-8000-000000000000';
export const DOMAIN = 'contoso.example';
export const INITIAL = 'contoso.onmicrosoft.com';

export const ROLE = {
  globalAdmin: '62e90394-69f5-4237-9190-012177145e10',
  privilegedRoleAdmin: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  userAdmin: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  helpdeskAdmin: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
} as const;

const day = (n: number): string => new Date(Date.parse(NOW) - n * 86_400_000).toISOString();

function user(id: string, upn: string, name: string, methods: string[], extra: Partial<Principal> = {}): Principal & { upn: string } {
  return {
    id,
    kind: 'user',
    name,
    upn,
    enabled: true,
    createdAt: day(700),
    lastSignInAt: day(2),
    synced: false,
    userType: 'member',
    authMethods: methods.map((type, i) => ({ type, id: `${id}-m${i}`, createdAt: day(600) })),
    ...extra,
  };
}

export const PEOPLE = {
  owner: user('u-owner', `owner@${DOMAIN}`, 'Hana Owner', ['password', 'microsoftAuthenticator', 'fido2']),
  deputy: user('u-deputy', `deputy@${DOMAIN}`, 'Taro Deputy', ['password', 'windowsHelloForBusiness', 'microsoftAuthenticator']),
  bg1: user('u-bg1', `emergency1@${INITIAL}`, 'Emergency Access 1', ['password', 'fido2'], { lastSignInAt: day(200) }),
  bg2: user('u-bg2', `emergency2@${INITIAL}`, 'Emergency Access 2', ['password', 'fido2'], { lastSignInAt: day(200) }),
  helpdesk: user('u-helpdesk', `helpdesk@${DOMAIN}`, 'Ken Helpdesk', ['password', 'microsoftAuthenticator']),
  staff: user('u-staff', `staff@${DOMAIN}`, 'Yui Staff', [], { authMethods: undefined }),
  guest: user('u-guest', `adviser_partner.example#EXT#@${INITIAL}`, 'Outside Adviser', [], { authMethods: undefined, userType: 'guest' }),
} as const;

const EMERGENCY = [PEOPLE.bg1.id, PEOPLE.bg2.id];
const ALL = { includeApplications: ['All'], excludeApplications: [], includeUserActions: [] };

function ca(id: string, displayName: string, users: Record<string, unknown>, conditions: Record<string, unknown>, grantControls: Record<string, unknown>): Record<string, unknown> {
  return {
    id,
    displayName,
    state: 'enabled',
    conditions: { clientAppTypes: ['all'], applications: ALL, users: { excludeUsers: EMERGENCY, ...users }, ...conditions },
    grantControls,
  };
}

const mfa = { operator: 'OR', builtInControls: ['mfa'] };
const block = { operator: 'OR', builtInControls: ['block'] };
const phishingResistant = { operator: 'OR', builtInControls: [], authenticationStrength: { id: PHISHING_RESISTANT_STRENGTH } };

export function conditionalAccess(): Record<string, unknown>[] {
  return [
    ca('ca-admins-mfa', 'Require MFA for admins', { includeRoles: [ROLE.globalAdmin, ROLE.privilegedRoleAdmin, ROLE.userAdmin, ROLE.helpdeskAdmin] }, {}, mfa),
    ca('ca-all-mfa', 'Require MFA for everyone', { includeUsers: ['All'] }, {}, mfa),
    ca('ca-legacy', 'Block legacy authentication', { includeUsers: ['All'] }, { clientAppTypes: ['exchangeActiveSync', 'other'] }, block),
    ca('ca-admins-pr', 'Phishing-resistant MFA for admins', { includeRoles: [ROLE.globalAdmin, ROLE.privilegedRoleAdmin, ROLE.userAdmin] }, {}, phishingResistant),
    ca('ca-all-pr', 'Phishing-resistant MFA for everyone', { includeUsers: ['All'] }, {}, phishingResistant),
    ca('ca-device-code', 'Block device code flow', { includeUsers: ['All'] }, { authenticationFlows: { transferMethods: 'deviceCodeFlow' } }, block),
    ca('ca-user-risk', 'Block high-risk users', { includeUsers: ['All'] }, { userRiskLevels: ['high'] }, block),
    ca('ca-signin-risk', 'Block high-risk sign-ins', { includeUsers: ['All'] }, { signInRiskLevels: ['high'] }, block),
  ];
}

export function baseSnapshot(): Snapshot {
  const ok = { state: 'ok' } as const;
  return {
    tenant: TENANT,
    provider: 'm365',
    collectedAt: NOW,
    info: {
      id: TENANT,
      displayName: 'Contoso K.K.',
      domains: [
        { name: DOMAIN, isDefault: true, isInitial: false, verified: true, authentication: 'managed' },
        { name: INITIAL, isDefault: false, isInitial: true, verified: true, authentication: 'managed' },
      ],
      notificationContacts: {
        technical: ['it-notices@owner-mail.example', `owner@${DOMAIN}`],
        security: ['security@owner-mail.example'],
        securityPhones: [],
        marketing: [],
      },
      createdAt: day(1500),
    },
    principals: Object.values(PEOPLE).map((p) => structuredClone(p)),
    roleAssignments: [
      { principalId: PEOPLE.owner.id, roleTemplateId: ROLE.globalAdmin, roleName: 'Global Administrator', kind: 'active', scope: '/' },
      { principalId: PEOPLE.deputy.id, roleTemplateId: ROLE.globalAdmin, roleName: 'Global Administrator', kind: 'active', scope: '/' },
      { principalId: PEOPLE.bg1.id, roleTemplateId: ROLE.globalAdmin, roleName: 'Global Administrator', kind: 'active', scope: '/' },
      { principalId: PEOPLE.bg2.id, roleTemplateId: ROLE.globalAdmin, roleName: 'Global Administrator', kind: 'active', scope: '/' },
      { principalId: PEOPLE.helpdesk.id, roleTemplateId: ROLE.helpdeskAdmin, roleName: 'Helpdesk Administrator', kind: 'active', scope: '/' },
      { principalId: PEOPLE.staff.id, roleTemplateId: ROLE.globalReader, roleName: 'Global Reader', kind: 'active', scope: '/' },
    ],
    deletedPrincipals: [],
    subscriptions: [
      { id: 'sub-spb', skuId: 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46', skuPartNumber: 'SPB', status: 'Enabled', isTrial: false, totalLicenses: 10, consumedUnits: 7, createdAt: day(1400) },
      { id: 'sub-p2', skuId: 'eec0eb4f-6444-4f95-aba0-50c24d67f998', skuPartNumber: 'AAD_PREMIUM_P2', status: 'Enabled', isTrial: false, totalLicenses: 5, consumedUnits: 4, createdAt: day(300) },
    ],
    policies: {
      securityDefaultsEnabled: false,
      conditionalAccess: conditionalAccess(),
      authorization: {
        id: 'authorizationPolicy',
        allowInvitesFrom: 'adminsAndGuestInviters',
        allowedToSignUpEmailBasedSubscriptions: false,
        allowedToUseSSPR: false,
        allowEmailVerifiedUsersToJoinOrganization: false,
        blockMsolPowerShell: true,
        guestUserRoleId: '2af84b1e-32c8-42b7-82bc-daa82404023b',
        defaultUserRolePermissions: {
          allowedToCreateApps: false,
          allowedToCreateSecurityGroups: false,
          allowedToCreateTenants: false,
          allowedToReadOtherUsers: true,
          permissionGrantPoliciesAssigned: [],
        },
      },
      other: { unifiedAuditLogIngestionEnabled: true, adminMailboxes: { [PEOPLE.owner.id]: false, [PEOPLE.deputy.id]: false, [PEOPLE.bg1.id]: false, [PEOPLE.bg2.id]: false, [PEOPLE.helpdesk.id]: false } },
    },
    appCredentials: [
      { appId: 'app-takeback', appName: 'takeback collector', kind: 'certificate', keyId: 'k-tb', startAt: day(30), endAt: day(-335) },
      { appId: 'app-invoices', appName: 'Invoice sync', kind: 'password', keyId: 'k-inv', startAt: day(60), endAt: day(-120) },
    ],
    partners: [{ id: 'partner-tenant-1', name: 'Osaka IT Support KK', kind: 'gdap', createdAt: day(400) }],
    licence: { tier: 'P2', auditRetentionDays: 30, signInLogs: true },
    sources: {
      organization: ok,
      domains: ok,
      users: ok,
      roleAssignments: ok,
      deletedUsers: ok,
      subscribedSkus: ok,
      subscriptions: ok,
      authMethods: ok,
      securityDefaults: ok,
      conditionalAccess: ok,
      authorizationPolicy: ok,
      applications: ok,
      servicePrincipals: ok,
      directoryAudits: ok,
      signIns: ok,
      partners: ok,
      auditLogConfig: ok,
      signInActivity: ok,
      adminMailboxes: ok,
    },
  };
}

/** A context that declares everything the checks can use. */
export function baseContext(): CheckContext {
  return {
    now: NOW,
    breakGlass: [PEOPLE.bg1.upn, PEOPLE.bg2.upn],
    expected: {
      admins: [PEOPLE.owner.upn, PEOPLE.deputy.upn, PEOPLE.helpdesk.upn],
      partners: ['partner-tenant-1'],
      federatedDomains: [],
      subscriptions: ['SPB', 'AAD_PREMIUM_P2'],
      apps: ['app-invoices'],
      notificationContacts: ['it-notices@owner-mail.example', `owner@${DOMAIN}`, 'security@owner-mail.example'],
    },
    watch: { configured: true, lastRunAt: day(0.1) },
    recoveryKit: { lastMadeAt: day(30) },
    selfAppId: 'app-takeback',
  };
}

/** Days before NOW as an ISO time (negative: after). */
export { day as daysAgo };

/** A principal of the base fixture inside a snapshot (to patch it). */
export function person(s: Snapshot, id: string): Principal {
  const p = s.principals.find((x) => x.id === id);
  if (!p) throw new Error(`no principal ${id} in the fixture`);
  return p;
}

export interface CaFixture {
  id: string;
  state: string;
  conditions: { users: Record<string, unknown>; [name: string]: unknown };
  grantControls: Record<string, unknown>;
}

/** A Conditional Access policy of the fixture inside a snapshot (to patch it). */
export function caPolicy(s: Snapshot, id: string): CaFixture {
  const p = (s.policies.conditionalAccess ?? []).find((x) => (x as { id?: string }).id === id);
  if (!p) throw new Error(`no CA policy ${id} in the fixture`);
  return p as CaFixture;
}

export function authorization(s: Snapshot): Record<string, unknown> & { defaultUserRolePermissions: Record<string, unknown> } {
  return s.policies.authorization as ReturnType<typeof authorization>;
}
