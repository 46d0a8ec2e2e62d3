// Entra directory role templates. Admin-ness is decided by role template id, never by display name
// (names are localised and renamed; Global Administrator is also "Company Administrator" / "TenantAdmins").
// STUB: the mapping work fills this in.

export const GLOBAL_ADMIN_TEMPLATE_ID = '62e90394-69f5-4237-9190-012177145e10';

export interface RoleTemplate {
  templateId: string;
  name: string;
  /** Other names the same role goes by in audit records (legacy names, WellKnownObjectName). */
  aliases: string[];
  privileged: boolean;
}

export const ROLE_TEMPLATES: readonly RoleTemplate[] = [
  { templateId: GLOBAL_ADMIN_TEMPLATE_ID, name: 'Global Administrator', aliases: ['Company Administrator', 'TenantAdmins'], privileged: true },
];

/** Finds a role by template id, display name or well-known object name (case-insensitive). */
export function findRoleTemplate(idOrName: string): RoleTemplate | undefined {
  const key = idOrName.trim().toLowerCase();
  return ROLE_TEMPLATES.find(
    (r) => r.templateId === key || r.name.toLowerCase() === key || r.aliases.some((a) => a.toLowerCase() === key),
  );
}
