// The simulated tenant's records. They hold what the fake needs to answer Graph faithfully; the wire
// shapes (property names, defaults, annotations) are produced by graph/shapes/*.

export type Licence = 'free' | 'p1' | 'p2';

export type AuthMethodKind =
  | 'password'
  | 'microsoftAuthenticator'
  | 'phone'
  | 'email'
  | 'fido2'
  | 'softwareOath'
  | 'temporaryAccessPass';

export interface SimAuthMethod {
  kind: AuthMethodKind;
  id: string;
  createdDateTime: string | null;
  /** Authenticator device name, FIDO2 key model, ... */
  displayName?: string;
  phoneNumber?: string;
  phoneType?: 'mobile' | 'alternateMobile' | 'office';
  emailAddress?: string;
  deviceTag?: string;
  phoneAppVersion?: string;
}

export interface SimUser {
  id: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  userPrincipalName: string;
  mail: string | null;
  mailNickname: string;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  mobilePhone: string | null;
  businessPhones: string[];
  preferredLanguage: string | null;
  usageLocation: string | null;
  accountEnabled: boolean;
  userType: 'Member' | 'Guest';
  createdDateTime: string;
  lastPasswordChangeDateTime: string;
  signInSessionsValidFromDateTime: string;
  assignedLicenses: { skuId: string; disabledPlans: string[] }[];
  otherMails: string[];
  methods: SimAuthMethod[];
  lastSignInDateTime: string | null;
  lastNonInteractiveSignInDateTime: string | null;
  lastSuccessfulSignInDateTime: string | null;
}

export interface DeletedUser {
  user: SimUser;
  deletedDateTime: string;
  /** Role template ids held when deleted: restoring such a user needs more than an app permission. */
  rolesAtDeletion: string[];
}

export interface RoleTemplate {
  templateId: string;
  displayName: string;
  description: string;
  /** Role.WellKnownObjectName as Entra writes it in audit records ("" when none is known). */
  wellKnownObjectName: string;
  isPrivileged: boolean;
}

export interface SimRoleAssignment {
  id: string;
  principalId: string;
  roleDefinitionId: string;
  directoryScopeId: string;
}

export interface SimOrganization {
  id: string;
  displayName: string;
  createdDateTime: string;
  countryLetterCode: string;
  city: string;
  street: string;
  postalCode: string;
  state: string | null;
  preferredLanguage: string;
  businessPhones: string[];
  technicalNotificationMails: string[];
  securityComplianceNotificationMails: string[];
  securityComplianceNotificationPhones: string[];
  marketingNotificationEmails: string[];
  privacyProfile: { contactEmail: string | null; statementUrl: string | null } | null;
  tenantType: 'AAD';
}

export interface SimDomain {
  id: string;
  authenticationType: 'Managed' | 'Federated';
  isDefault: boolean;
  isInitial: boolean;
  isVerified: boolean;
  isRoot: boolean;
  supportedServices: string[];
  passwordValidityPeriodInDays: number | null;
  passwordNotificationWindowInDays: number | null;
  federation: SimDomainFederation | null;
}

export interface SimDomainFederation {
  id: string;
  displayName: string;
  issuerUri: string;
  passiveSignInUri: string;
  activeSignInUri: string;
  signOutUri: string;
  metadataExchangeUri: string;
  signingCertificate: string;
}

export interface SimServicePlan {
  servicePlanId: string;
  servicePlanName: string;
  appliesTo: 'User' | 'Company';
}

export interface SimSku {
  /** subscribedSku.id is "{tenantId}_{skuId}" in Graph. */
  skuId: string;
  skuPartNumber: string;
  capabilityStatus: 'Enabled' | 'Warning' | 'Suspended' | 'Deleted' | 'LockedOut';
  prepaidEnabled: number;
  servicePlans: SimServicePlan[];
}

export interface SimSubscription {
  id: string;
  commerceSubscriptionId: string;
  createdDateTime: string;
  nextLifecycleDateTime: string;
  isTrial: boolean;
  skuId: string;
  skuPartNumber: string;
  status: 'Enabled' | 'Warning' | 'Suspended' | 'Deleted' | 'LockedOut';
  totalLicenses: number;
  ownerId: string;
  ownerTenantId: string;
  ownerType: 'User' | 'Company';
}

export interface SimPasswordCredential {
  keyId: string;
  displayName: string;
  hint: string;
  startDateTime: string;
  endDateTime: string;
}

export interface SimKeyCredential {
  keyId: string;
  displayName: string;
  /** SHA-1 thumbprint as raw bytes, base64 (Edm.Binary) like Graph's customKeyIdentifier. */
  customKeyIdentifier: string;
  startDateTime: string;
  endDateTime: string;
  type: 'AsymmetricX509Cert';
  usage: 'Verify';
}

export interface SimApplication {
  id: string;
  appId: string;
  displayName: string;
  createdDateTime: string;
  signInAudience: string;
  publisherDomain: string;
  passwordCredentials: SimPasswordCredential[];
  keyCredentials: SimKeyCredential[];
}

export interface SimServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  appOwnerOrganizationId: string;
  servicePrincipalType: 'Application' | 'ManagedIdentity' | 'Legacy';
  accountEnabled: boolean;
  servicePrincipalNames: string[];
  passwordCredentials: SimPasswordCredential[];
  keyCredentials: SimKeyCredential[];
}

export interface SimConditionalAccessPolicy {
  id: string;
  displayName: string;
  state: 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced';
  createdDateTime: string;
  modifiedDateTime: string | null;
  includeRoles: string[];
  includeUsers: string[];
  excludeUsers: string[];
  grantControls: string[];
}

export interface SimAuthorizationPolicy {
  allowInvitesFrom: 'none' | 'adminsAndGuestInviters' | 'adminsGuestInvitersAndAllMembers' | 'everyone';
  allowedToSignUpEmailBasedSubscriptions: boolean;
  allowedToUseSSPR: boolean;
  allowEmailVerifiedUsersToJoinOrganization: boolean;
  allowUserConsentForRiskyApps: boolean | null;
  blockMsolPowerShell: boolean;
  guestUserRoleId: string;
  defaultUserRolePermissions: {
    allowedToCreateApps: boolean;
    allowedToCreateSecurityGroups: boolean;
    allowedToCreateTenants: boolean;
    allowedToReadBitlockerKeysForOwnedDevice: boolean;
    allowedToReadOtherUsers: boolean;
    permissionGrantPoliciesAssigned: string[];
  };
}

/** Who did something: an app (client credentials) or a user (delegated), as audit records name them. */
export type Actor =
  | { kind: 'user'; id: string; userPrincipalName: string; displayName: string | null; ipAddress: string; userAgent?: string }
  | { kind: 'app'; appId: string; displayName: string; servicePrincipalId: string; ipAddress?: string; userAgent?: string };
