// The tenant's state at one time. Logs miss what a snapshot shows (a subscription that appeared,
// an admin who vanished), and a snapshot can be re-assessed offline long after it was collected.
import type { Provider } from './event.ts';

/** Why a part of the snapshot is or is not known. Unknown is never reported as pass or fail. */
/**
 * A status's detail in words each language has (locales `report.coverage.reason.<key>`); `detail`
 * keeps the English text for logs and JSON.
 */
export interface StatusReason {
  key: string;
  params?: Record<string, string | number>;
}

export type SourceStatus =
  | { state: 'ok' }
  /** The credentials lack a permission: name it (e.g. `Policy.Read.All`). */
  | { state: 'denied'; permission: string; detail?: string }
  /** The tenant lacks a licence: name it (e.g. `Microsoft Entra ID P1`). */
  | { state: 'unlicensed'; licence: string; detail?: string }
  | { state: 'error'; detail: string; reason?: StatusReason }
  /** Not collected in this run (not requested, or not applicable to the provider). */
  | { state: 'skipped'; detail: string; reason?: StatusReason };

export interface TenantInfo {
  id: string;
  displayName?: string;
  /** Verified domains; `initial` is the *.onmicrosoft.com (or primary Google) domain. */
  domains: Array<{ name: string; isDefault?: boolean; isInitial?: boolean; verified?: boolean; authentication?: 'managed' | 'federated' }>;
  /** Where the provider sends security and technical notices (the seed case's mails went to the attacker). */
  notificationContacts: {
    technical: string[];
    security: string[];
    securityPhones: string[];
    marketing: string[];
  };
  createdAt?: string;
}

export interface AuthMethod {
  /** e.g. `microsoftAuthenticator`, `phone`, `fido2`, `temporaryAccessPass`, `email`, `password`. */
  type: string;
  id?: string;
  detail?: string;
  createdAt?: string;
}

export interface Principal {
  id: string;
  kind: 'user' | 'servicePrincipal' | 'group';
  name?: string;
  upn?: string;
  enabled?: boolean;
  createdAt?: string;
  lastSignInAt?: string;
  /** Cloud-only or synchronised from on-premises directory. */
  synced?: boolean;
  userType?: 'member' | 'guest';
  authMethods?: AuthMethod[];
}

export interface RoleAssignment {
  principalId: string;
  /** Role template id (Entra) or role id (Google): never a display name. */
  roleTemplateId: string;
  roleName?: string;
  /** `active` or PIM `eligible`. */
  kind: 'active' | 'eligible';
  scope?: string;
  createdAt?: string;
}

export interface DeletedPrincipal {
  id: string;
  name?: string;
  upn?: string;
  deletedAt: string;
  /** When the provider purges it for good (Entra: 30 days after deletion). */
  restorableUntil?: string;
}

export interface Subscription {
  id: string;
  skuId?: string;
  skuPartNumber?: string;
  status?: string;
  isTrial?: boolean;
  totalLicenses?: number;
  consumedUnits?: number;
  createdAt?: string;
}

export interface AppCredential {
  appId: string;
  appName?: string;
  kind: 'password' | 'certificate' | 'federated';
  keyId?: string;
  displayName?: string;
  startAt?: string;
  endAt?: string;
}

export interface Policies {
  securityDefaultsEnabled?: boolean;
  /** Conditional Access policies, kept as the provider returns them (they are assessed, not modelled). */
  conditionalAccess?: unknown[];
  authorization?: Record<string, unknown>;
  authenticationMethods?: Record<string, unknown>;
  /** Provider-specific settings (e.g. Google 2SV enforcement) by name. */
  other?: Record<string, unknown>;
}

export interface Partner {
  id: string;
  name?: string;
  kind: 'dap' | 'gdap' | 'crossTenant' | 'reseller';
  createdAt?: string;
}

export interface Snapshot {
  tenant: string;
  provider: Provider;
  collectedAt: string;
  info?: TenantInfo;
  principals: Principal[];
  roleAssignments: RoleAssignment[];
  deletedPrincipals: DeletedPrincipal[];
  subscriptions: Subscription[];
  policies: Policies;
  appCredentials: AppCredential[];
  partners: Partner[];
  /** Licence tier as detected from the subscriptions (Free / P1 / P2), with audit retention in days. */
  licence?: { tier: string; auditRetentionDays: number; signInLogs: boolean };
  /** Per source (e.g. `users`, `signIns`, `conditionalAccess`): how it went. */
  sources: Record<string, SourceStatus>;
}
