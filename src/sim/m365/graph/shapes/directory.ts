// organization, domains, directory roles and role management objects.
import type { RoleTemplate, SimDomain, SimOrganization, SimRoleAssignment } from '../../tenant/model.ts';
import type { TenantState } from '../../tenant/tenant-state.ts';

export function organizationJson(state: TenantState, org: SimOrganization): Record<string, unknown> {
  return {
    id: org.id,
    deletedDateTime: null,
    businessPhones: org.businessPhones,
    city: org.city,
    country: null,
    countryLetterCode: org.countryLetterCode,
    createdDateTime: org.createdDateTime,
    defaultUsageLocation: null,
    displayName: org.displayName,
    marketingNotificationEmails: org.marketingNotificationEmails,
    onPremisesLastSyncDateTime: null,
    onPremisesSyncEnabled: null,
    postalCode: org.postalCode,
    preferredLanguage: org.preferredLanguage,
    securityComplianceNotificationMails: org.securityComplianceNotificationMails,
    securityComplianceNotificationPhones: org.securityComplianceNotificationPhones,
    state: org.state,
    street: org.street,
    technicalNotificationMails: org.technicalNotificationMails,
    tenantType: org.tenantType,
    privacyProfile: org.privacyProfile,
    assignedPlans: state.skus.flatMap((sku) =>
      sku.servicePlans.map((p) => ({ assignedDateTime: org.createdDateTime, capabilityStatus: sku.capabilityStatus, service: p.servicePlanName, servicePlanId: p.servicePlanId })),
    ),
    provisionedPlans: [],
    verifiedDomains: state.domains
      .filter((d) => d.isVerified)
      .map((d) => ({ capabilities: d.supportedServices.join(', ') || 'None', isDefault: d.isDefault, isInitial: d.isInitial, name: d.id, type: d.authenticationType })),
  };
}

export function domainJson(domain: SimDomain): Record<string, unknown> {
  return {
    authenticationType: domain.authenticationType,
    availabilityStatus: null,
    id: domain.id,
    isAdminManaged: true,
    isDefault: domain.isDefault,
    isInitial: domain.isInitial,
    isRoot: domain.isRoot,
    isVerified: domain.isVerified,
    supportedServices: domain.supportedServices,
    passwordValidityPeriodInDays: domain.passwordValidityPeriodInDays,
    passwordNotificationWindowInDays: domain.passwordNotificationWindowInDays,
    state: null,
  };
}

export function federationJson(domain: SimDomain): Record<string, unknown>[] {
  const f = domain.federation;
  if (!f) return [];
  return [
    {
      id: f.id,
      displayName: f.displayName,
      issuerUri: f.issuerUri,
      metadataExchangeUri: f.metadataExchangeUri,
      signingCertificate: f.signingCertificate,
      passiveSignInUri: f.passiveSignInUri,
      preferredAuthenticationProtocol: 'wsFed',
      activeSignInUri: f.activeSignInUri,
      signOutUri: f.signOutUri,
      promptLoginBehavior: 'nativeSupport',
      isSignedAuthenticationRequestRequired: false,
      nextSigningCertificate: null,
      signingCertificateUpdateStatus: { certificateUpdateResult: 'success', lastRunDateTime: null },
      federatedIdpMfaBehavior: 'acceptIfMfaDoneByFederatedIdp',
      passwordResetUri: null,
    },
  ];
}

export function directoryRoleJson(template: RoleTemplate, objectId: string): Record<string, unknown> {
  return { id: objectId, deletedDateTime: null, description: template.description, displayName: template.displayName, roleTemplateId: template.templateId };
}

export function roleDefinitionJson(template: RoleTemplate): Record<string, unknown> {
  return {
    id: template.templateId,
    description: template.description,
    displayName: template.displayName,
    isBuiltIn: true,
    isEnabled: true,
    resourceScopes: ['/'],
    templateId: template.templateId,
    version: '1',
    rolePermissions: [{ allowedResourceActions: [], condition: null }],
  };
}

export function roleAssignmentJson(assignment: SimRoleAssignment): Record<string, unknown> {
  return {
    id: assignment.id,
    principalId: assignment.principalId,
    directoryScopeId: assignment.directoryScopeId,
    roleDefinitionId: assignment.roleDefinitionId,
    condition: null,
  };
}
