// Security defaults, authorization policy and Conditional Access policies.
import { SECURITY_DEFAULTS_POLICY_ID } from '../../tenant/catalog.ts';
import type { SimConditionalAccessPolicy } from '../../tenant/model.ts';
import type { TenantState } from '../../tenant/tenant-state.ts';

export function securityDefaultsJson(state: TenantState): Record<string, unknown> {
  return {
    id: SECURITY_DEFAULTS_POLICY_ID,
    displayName: 'Security Defaults',
    description:
      'Security defaults is a set of basic identity security mechanisms recommended by Microsoft. When enabled, these recommendations will be automatically enforced in your organization. Administrators and users will be better protected from common identity related attacks.',
    isEnabled: state.securityDefaultsEnabled,
  };
}

export function authorizationPolicyJson(state: TenantState): Record<string, unknown> {
  return {
    id: 'authorizationPolicy',
    displayName: 'Authorization Policy',
    description: 'Used to manage authorization related settings across the company.',
    ...state.authorizationPolicy,
  };
}

export function conditionalAccessPolicyJson(p: SimConditionalAccessPolicy): Record<string, unknown> {
  return {
    id: p.id,
    templateId: null,
    displayName: p.displayName,
    createdDateTime: p.createdDateTime,
    modifiedDateTime: p.modifiedDateTime,
    state: p.state,
    sessionControls: null,
    conditions: {
      userRiskLevels: [],
      signInRiskLevels: [],
      clientAppTypes: ['all'],
      servicePrincipalRiskLevels: [],
      platforms: null,
      locations: null,
      devices: null,
      clientApplications: null,
      applications: { includeApplications: ['All'], excludeApplications: [], includeUserActions: [], includeAuthenticationContextClassReferences: [], applicationFilter: null },
      users: { includeUsers: p.includeUsers, excludeUsers: p.excludeUsers, includeGroups: [], excludeGroups: [], includeRoles: p.includeRoles, excludeRoles: [], includeGuestsOrExternalUsers: null, excludeGuestsOrExternalUsers: null },
    },
    grantControls: { operator: 'OR', builtInControls: p.grantControls, customAuthenticationFactors: [], termsOfUse: [] },
  };
}
