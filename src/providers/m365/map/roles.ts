// Entra directory role templates. Admin-ness is decided by role template id, never by display name
// (names are localised and renamed; Global Administrator is also "Company Administrator" / "TenantAdmins").
// Ids: Microsoft Entra built-in roles reference; legacy names: AzureAD module role templates;
// WellKnownObjectName values: `Role.WellKnownObjectName` in "Add member to role" audit records.

export const GLOBAL_ADMIN_TEMPLATE_ID = '62e90394-69f5-4237-9190-012177145e10';

export interface RoleTemplate {
  templateId: string;
  name: string;
  /** Other names the same role goes by in audit records (legacy names, WellKnownObjectName). */
  aliases: string[];
  /**
   * Tier 0: a holder can, alone, take over a Global Administrator or tenant-wide identity control
   * (credentials of admins, role assignment, federation, CA/auth policy, app credentials, admins' devices).
   */
  privileged: boolean;
}

export const ROLE_TEMPLATES: readonly RoleTemplate[] = [
  // Tier 0
  { templateId: GLOBAL_ADMIN_TEMPLATE_ID, name: 'Global Administrator', aliases: ['Company Administrator', 'TenantAdmins'], privileged: true },
  { templateId: 'e8611ab8-c189-46e8-94e1-60213ab1f814', name: 'Privileged Role Administrator', aliases: ['PrivilegedRoleAdmins'], privileged: true },
  { templateId: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13', name: 'Privileged Authentication Administrator', aliases: [], privileged: true },
  { templateId: '194ae4cb-b126-40b2-bd5b-6091b380977d', name: 'Security Administrator', aliases: [], privileged: true },
  // Resets passwords of limited admins and manages users and groups.
  { templateId: 'fe930be7-5e62-47db-91af-98c3a49a38b1', name: 'User Administrator', aliases: ['User Account Administrator', 'UserAccountAdmins'], privileged: true },
  // Can add credentials to any service principal, including ones holding directory roles.
  { templateId: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', name: 'Application Administrator', aliases: [], privileged: true },
  { templateId: '158c047a-c907-4556-b7ef-446551a6b5f7', name: 'Cloud Application Administrator', aliases: ['Application Proxy Service Administrator'], privileged: true },
  { templateId: 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9', name: 'Conditional Access Administrator', aliases: [], privileged: true },
  { templateId: '0526716b-113d-4c15-b2c8-68e3c22b9f80', name: 'Authentication Policy Administrator', aliases: [], privileged: true },
  // Federation and sync: both let an outsider mint sign-ins for any user.
  { templateId: '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2', name: 'Hybrid Identity Administrator', aliases: [], privileged: true },
  { templateId: '8329153b-31d0-4727-b945-745eb3bc5f31', name: 'Domain Name Administrator', aliases: [], privileged: true },
  { templateId: 'be2f45a1-457d-42af-a067-6ec1fa63bc45', name: 'External Identity Provider Administrator', aliases: [], privileged: true },
  { templateId: 'd29b2b05-8046-44ba-8758-1e26182fcf32', name: 'Directory Synchronization Accounts', aliases: [], privileged: true },
  // Can reset the password of any user, Global Administrators included.
  { templateId: 'e00e864a-17c5-4a4b-9c06-f5b95a8d5bd8', name: 'Partner Tier2 Support', aliases: [], privileged: true },
  // Runs code on every managed device, admins' workstations included.
  { templateId: '3a2c62db-5318-420d-8d74-23affee5d9d5', name: 'Intune Administrator', aliases: ['Intune Service Administrator'], privileged: true },
  // Every mailbox and tenant-wide mail flow (forwarding, transport rules): the business-email-compromise path.
  { templateId: '29232cdf-9323-42fd-ade2-1d097af3e4de', name: 'Exchange Administrator', aliases: ['Exchange Service Administrator'], privileged: true },

  // Admin roles that cannot take over an admin on their own
  { templateId: '729827e3-9c14-49f7-bb1b-9608f156bbb8', name: 'Helpdesk Administrator', aliases: [], privileged: false },
  { templateId: '966707d0-3269-4727-9be2-8c3a10f19b9d', name: 'Password Administrator', aliases: [], privileged: false },
  { templateId: 'c4e39bd9-1100-46d3-8c65-fb160da0071f', name: 'Authentication Administrator', aliases: [], privileged: false },
  { templateId: 'b0f54661-2d74-4c50-afa3-1ec803f12efe', name: 'Billing Administrator', aliases: [], privileged: false },
  { templateId: '4d6ac14f-3453-41d0-bef9-a3e0c569773a', name: 'License Administrator', aliases: [], privileged: false },
  { templateId: 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c', name: 'SharePoint Administrator', aliases: ['SharePoint Service Administrator'], privileged: false },
  { templateId: '69091246-20e8-4a56-aa4d-066075b2a7a8', name: 'Teams Administrator', aliases: ['Teams Service Administrator'], privileged: false },
  { templateId: '75941009-915a-4869-abe7-691bff18279e', name: 'Skype for Business Administrator', aliases: ['Lync Service Administrator'], privileged: false },
  { templateId: 'fdd7a751-b60b-444a-984c-02652fe8fa1c', name: 'Groups Administrator', aliases: [], privileged: false },
  { templateId: '17315797-102d-40b4-93e0-432062caca18', name: 'Compliance Administrator', aliases: [], privileged: false },
  { templateId: '5f2222b1-57c3-48ba-8ad5-d4759f1fde6f', name: 'Security Operator', aliases: [], privileged: false },
  { templateId: '4ba39ca4-527c-499a-b93d-d9b492c50246', name: 'Partner Tier1 Support', aliases: [], privileged: false },
  { templateId: '9360feb5-f418-4baa-8175-e2a00bac4301', name: 'Directory Writers', aliases: [], privileged: false },

  // Readers: see everything, change nothing
  { templateId: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451', name: 'Global Reader', aliases: [], privileged: false },
  { templateId: '5d6b6bb7-de71-4623-b4af-96380a352509', name: 'Security Reader', aliases: [], privileged: false },
  { templateId: '4a5d8f65-41da-4de4-8968-e035b65339cf', name: 'Reports Reader', aliases: [], privileged: false },
  { templateId: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b', name: 'Directory Readers', aliases: [], privileged: false },
];

// Roles that administer the tenant although their name does not say "Administrator".
const ADMIN_WITHOUT_THE_NAME: ReadonlySet<string> = new Set([
  'e00e864a-17c5-4a4b-9c06-f5b95a8d5bd8', // Partner Tier2 Support
  '4ba39ca4-527c-499a-b93d-d9b492c50246', // Partner Tier1 Support
  'd29b2b05-8046-44ba-8758-1e26182fcf32', // Directory Synchronization Accounts
  '9360feb5-f418-4baa-8175-e2a00bac4301', // Directory Writers
]);

/** Audit values arrive as `"\"Global Administrator\""`, `["TenantAdmins"]` or `{62e9…}`: strip that wrapping. */
function roleKey(idOrName: string): string {
  return idOrName
    .trim()
    .replace(/^[\s"'[{\\]+|[\s"'\]}\\]+$/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

const byKey: ReadonlyMap<string, RoleTemplate> = (() => {
  const m = new Map<string, RoleTemplate>();
  for (const r of ROLE_TEMPLATES) {
    for (const k of [r.templateId, r.name, ...r.aliases]) m.set(roleKey(k), r);
  }
  return m;
})();

/** Finds a role by template id, display name or well-known object name (case-insensitive). */
export function findRoleTemplate(idOrName: string): RoleTemplate | undefined {
  return byKey.get(roleKey(idOrName));
}

/** True only for a known tier-0 role; an unknown id or name is not assumed privileged. */
export function isPrivilegedRole(idOrName: string): boolean {
  return findRoleTemplate(idOrName)?.privileged ?? false;
}

/**
 * True for any administrative role: every privileged role, any role named "… Administrator" (custom roles
 * included), well-known object names such as "TenantAdmins", and the partner/sync roles. Readers are not admins.
 */
export function isAdminRole(idOrName: string): boolean {
  const r = findRoleTemplate(idOrName);
  if (r) {
    return (
      r.privileged ||
      ADMIN_WITHOUT_THE_NAME.has(r.templateId) ||
      [r.name, ...r.aliases].some((n) => /administrator$/i.test(n))
    );
  }
  return /(administrator|admins)$/i.test(roleKey(idOrName));
}
