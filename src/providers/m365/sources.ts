// Every source the provider reads, with what it needs: the least-privileged application permission
// (reference A.1) named when Graph refuses, and the licence named when the tenant lacks it.

export interface SourceNeeds {
  permission: string;
  licence?: string;
}

export const ENTRA_P1 = 'Microsoft Entra ID P1';

export const SOURCES = {
  organization: { permission: 'Organization.Read.All' },
  domains: { permission: 'Domain.Read.All' },
  users: { permission: 'User.Read.All' },
  roleAssignments: { permission: 'RoleManagement.Read.Directory' },
  deletedUsers: { permission: 'User.Read.All' },
  subscribedSkus: { permission: 'Organization.Read.All' },
  subscriptions: { permission: 'Organization.Read.All' },
  authMethods: { permission: 'UserAuthenticationMethod.Read.All' },
  securityDefaults: { permission: 'Policy.Read.All' },
  conditionalAccess: { permission: 'Policy.Read.All', licence: ENTRA_P1 },
  authorizationPolicy: { permission: 'Policy.Read.All' },
  applications: { permission: 'Application.Read.All' },
  servicePrincipals: { permission: 'Application.Read.All' },
  directoryAudits: { permission: 'AuditLog.Read.All' },
  signIns: { permission: 'AuditLog.Read.All', licence: ENTRA_P1 },
  /** Purview audit search through Graph (security/auditLog/queries): the Unified Audit Log, 180 days. */
  unifiedAuditLog: { permission: 'AuditLogsQuery.Read.All' },
} as const satisfies Record<string, SourceNeeds>;

export type SourceName = keyof typeof SOURCES;
