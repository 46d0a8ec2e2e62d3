// Built-in facts the fake shares with the real service: role template ids (from a live roleDefinitions
// capture, see reference A.1), SKU ids and well-known authentication method ids.
import type { RoleTemplate, SimServicePlan } from './model.ts';

export const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';
export const PRIVILEGED_ROLE_ADMINISTRATOR = 'e8611ab8-c189-46e8-94e1-60213ab1f814';
export const USER_ADMINISTRATOR = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
export const HELPDESK_ADMINISTRATOR = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
export const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';

// Well-known object names are filled only where real audit records were seen (reference A.1).
export const ROLE_TEMPLATES: readonly RoleTemplate[] = [
  { templateId: GLOBAL_ADMINISTRATOR, displayName: 'Global Administrator', description: 'Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.', wellKnownObjectName: 'TenantAdmins', isPrivileged: true },
  { templateId: PRIVILEGED_ROLE_ADMINISTRATOR, displayName: 'Privileged Role Administrator', description: 'Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management.', wellKnownObjectName: 'PrivilegedRoleAdmins', isPrivileged: true },
  { templateId: USER_ADMINISTRATOR, displayName: 'User Administrator', description: 'Can manage all aspects of users and groups, including resetting passwords for limited admins.', wellKnownObjectName: 'UserAccountAdmins', isPrivileged: true },
  { templateId: '194ae4cb-b126-40b2-bd5b-6091b380977d', displayName: 'Security Administrator', description: 'Can read security information and reports, and manage configuration in Microsoft Entra ID and Office 365.', wellKnownObjectName: '', isPrivileged: true },
  { templateId: '29232cdf-9323-42fd-ade2-1d097af3e4de', displayName: 'Exchange Administrator', description: 'Can manage all aspects of the Exchange product.', wellKnownObjectName: '', isPrivileged: false },
  { templateId: 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c', displayName: 'SharePoint Administrator', description: 'Can manage all aspects of the SharePoint service.', wellKnownObjectName: '', isPrivileged: false },
  { templateId: 'b0f54661-2d74-4c50-afa3-1ec803f12efe', displayName: 'Billing Administrator', description: 'Can perform common billing related tasks like updating payment information.', wellKnownObjectName: '', isPrivileged: false },
  { templateId: GLOBAL_READER, displayName: 'Global Reader', description: 'Can read everything that a Global Administrator can, but not update anything.', wellKnownObjectName: '', isPrivileged: true },
  { templateId: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', displayName: 'Application Administrator', description: 'Can create and manage all aspects of app registrations and enterprise apps.', wellKnownObjectName: '', isPrivileged: true },
  { templateId: '158c047a-c907-4556-b7ef-446551a6b5f7', displayName: 'Cloud Application Administrator', description: 'Can create and manage all aspects of app registrations and enterprise apps except App Proxy.', wellKnownObjectName: '', isPrivileged: true },
  { templateId: 'c4e39bd9-1100-46d3-8c65-fb160da0071f', displayName: 'Authentication Administrator', description: 'Can access to view, set and reset authentication method information for any non-admin user.', wellKnownObjectName: '', isPrivileged: true },
  { templateId: HELPDESK_ADMINISTRATOR, displayName: 'Helpdesk Administrator', description: 'Can reset passwords for non-administrators and Helpdesk Administrators.', wellKnownObjectName: '', isPrivileged: true },
];

export function roleTemplate(templateId: string): RoleTemplate | undefined {
  return ROLE_TEMPLATES.find((r) => r.templateId === templateId);
}

/** Entra's fixed ids for the password, mobile phone and email methods of every user. */
export const PASSWORD_METHOD_ID = '28c10230-6103-485e-b985-444c60001490';
export const MOBILE_PHONE_METHOD_ID = '3179e48a-750b-4051-897c-87b9720928f7';
export const EMAIL_METHOD_ID = '3ddfcfc8-9383-446f-83cc-3ab9be4be18f';

/** Microsoft Graph's own application id (token audience, resourceId in sign-ins). */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** The fixed id of the security defaults policy object. */
export const SECURITY_DEFAULTS_POLICY_ID = '00000000-0000-0000-0000-000000000005';
/** guestUserRoleId default: "Guest User" restricted access role. */
export const GUEST_USER_ROLE_ID = '10dae51f-b6af-4016-8d66-8c2a99b929b3';

export interface SkuCatalogEntry {
  skuId: string;
  skuPartNumber: string;
  /** Plan ids are seeded per tenant; only names matter to readers. */
  servicePlanNames: string[];
  /** True when the SKU carries Entra ID P1 (then sign-in logs become readable). */
  includesEntraP1: boolean;
}

export const SKUS = {
  appsForBusiness: { skuId: 'cdd28e44-67e3-425e-be4c-737fab2899d3', skuPartNumber: 'O365_BUSINESS', servicePlanNames: ['OFFICE_BUSINESS', 'ONEDRIVESTANDARD', 'SHAREPOINTWAC', 'FORMS_PLAN_E1'], includesEntraP1: false },
  businessBasic: { skuId: '3b555118-da6a-4418-894f-7df1e2096870', skuPartNumber: 'O365_BUSINESS_ESSENTIALS', servicePlanNames: ['EXCHANGE_S_STANDARD', 'SHAREPOINTSTANDARD', 'TEAMS1', 'MCOSTANDARD'], includesEntraP1: false },
  businessPremium: { skuId: 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46', skuPartNumber: 'SPB', servicePlanNames: ['AAD_PREMIUM', 'EXCHANGE_S_STANDARD', 'INTUNE_A', 'OFFICE_BUSINESS'], includesEntraP1: true },
} as const satisfies Record<string, SkuCatalogEntry>;

export function servicePlansFor(entry: SkuCatalogEntry, planId: (name: string) => string): SimServicePlan[] {
  return entry.servicePlanNames.map((name) => ({ servicePlanId: planId(name), servicePlanName: name, appliesTo: 'User' }));
}
