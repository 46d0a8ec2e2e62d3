// Which application (or delegated) permissions each endpoint accepts: the least-privileged one from
// the reference table, plus the broader permissions Graph also honours. A rule lists alternatives;
// each alternative needs all of its permissions.

export type PermissionRule = readonly (readonly string[])[];

const anyOf = (...permissions: string[]): PermissionRule => permissions.map((p) => [p]);

const DIRECTORY_READ = ['Directory.Read.All', 'Directory.ReadWrite.All'];

export const PERMISSIONS = {
  organizationRead: anyOf('Organization.Read.All', 'Organization.ReadWrite.All', ...DIRECTORY_READ),
  organizationWrite: anyOf('Organization.ReadWrite.All'),
  domainRead: anyOf('Domain.Read.All', 'Domain.ReadWrite.All', ...DIRECTORY_READ),
  userRead: anyOf('User.Read.All', 'User.ReadWrite.All', ...DIRECTORY_READ),
  /** $select=signInActivity needs the audit permission on top of reading users. */
  userSignInActivity: [
    ['User.Read.All', 'AuditLog.Read.All'],
    ['User.ReadWrite.All', 'AuditLog.Read.All'],
    ['Directory.Read.All', 'AuditLog.Read.All'],
    ['Directory.ReadWrite.All', 'AuditLog.Read.All'],
  ],
  userWrite: anyOf('User.ReadWrite.All', 'Directory.ReadWrite.All'),
  userDelete: anyOf('User.DeleteRestore.All', 'User.ReadWrite.All', 'Directory.ReadWrite.All'),
  userRevokeSessions: anyOf('User.RevokeSessions.All', 'User.ReadWrite.All', 'Directory.ReadWrite.All'),
  licenseAssign: anyOf('LicenseAssignment.ReadWrite.All', 'User.ReadWrite.All', 'Directory.ReadWrite.All'),
  authMethodRead: anyOf('UserAuthenticationMethod.Read.All', 'UserAuthenticationMethod.ReadWrite.All'),
  authMethodWrite: anyOf('UserAuthenticationMethod.ReadWrite.All'),
  roleRead: anyOf('RoleManagement.Read.Directory', 'RoleManagement.Read.All', 'RoleManagement.ReadWrite.Directory', ...DIRECTORY_READ),
  roleWrite: anyOf('RoleManagement.ReadWrite.Directory'),
  deletedUsersRead: anyOf('User.Read.All', 'User.ReadWrite.All', 'User.DeleteRestore.All', ...DIRECTORY_READ),
  deletedUsersRestore: anyOf('User.DeleteRestore.All', 'User.ReadWrite.All', 'Directory.ReadWrite.All'),
  billingRead: anyOf('Organization.Read.All', 'Organization.ReadWrite.All', 'LicenseAssignment.Read.All', ...DIRECTORY_READ),
  policyRead: anyOf('Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess', 'Policy.ReadWrite.Authorization'),
  /** The docs ask for both Policy.Read.All and Policy.ReadWrite.ConditionalAccess to PATCH security defaults. */
  securityDefaultsWrite: [['Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess']],
  conditionalAccessRead: anyOf('Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess'),
  applicationRead: anyOf('Application.Read.All', 'Application.ReadWrite.All', ...DIRECTORY_READ),
  auditLogRead: anyOf('AuditLog.Read.All'),
  /** Purview audit search; the Entra-only variant reads the only workload the fake holds. */
  auditLogQueryRead: anyOf('AuditLogsQuery.Read.All', 'AuditLogsQuery-Entra.Read.All'),
} as const satisfies Record<string, PermissionRule>;

/** True when the granted permissions satisfy one alternative of the rule. */
export function satisfies(rule: PermissionRule, granted: readonly string[]): boolean {
  const have = new Set(granted.map((p) => p.toLowerCase()));
  return rule.some((alternative) => alternative.every((p) => have.has(p.toLowerCase())));
}

/** What a freshly registered collector app is granted by default: every permission an endpoint here needs. */
export const DEFAULT_APP_PERMISSIONS: readonly string[] = [
  'Organization.ReadWrite.All',
  'Domain.Read.All',
  'User.ReadWrite.All',
  'User.RevokeSessions.All',
  'UserAuthenticationMethod.ReadWrite.All',
  'RoleManagement.ReadWrite.Directory',
  'Policy.Read.All',
  'Policy.ReadWrite.ConditionalAccess',
  'Application.Read.All',
  'AuditLog.Read.All',
  'AuditLogsQuery.Read.All',
];

/** A read-only grant, for checking that collection works without write permissions. */
export const READ_ONLY_APP_PERMISSIONS: readonly string[] = [
  'Organization.Read.All',
  'Domain.Read.All',
  'User.Read.All',
  'UserAuthenticationMethod.Read.All',
  'RoleManagement.Read.Directory',
  'Policy.Read.All',
  'Application.Read.All',
  'AuditLog.Read.All',
  'AuditLogsQuery.Read.All',
];
