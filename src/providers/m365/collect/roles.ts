// Directory role assignments, keyed by role template id (for built-in roles the assignment's
// roleDefinitionId is the template id), never by display name. Principals come expanded, so
// service principals and groups holding roles are known without a request each.
import type { Principal, RoleAssignment } from '../../../core/snapshot.ts';
import { isObj, str } from '../../common/values.ts';
import type { GraphClient, Json } from '../graph.ts';
import { findRoleTemplate } from '../map/roles.ts';

export interface RolesData {
  assignments: RoleAssignment[];
  /** Role holders as the expansion described them (users also come, fuller, from the users source). */
  principals: Principal[];
}

function principalKind(json: Json): Principal['kind'] | undefined {
  const type = str(json['@odata.type'])?.toLowerCase() ?? '';
  if (type.endsWith('.user')) return 'user';
  if (type.endsWith('.serviceprincipal')) return 'servicePrincipal';
  if (type.endsWith('.group')) return 'group';
  return undefined;
}

export async function collectRoleAssignments(graph: GraphClient): Promise<RolesData> {
  const rows = await graph.all('/roleManagement/directory/roleAssignments?$expand=principal');
  const assignments: RoleAssignment[] = [];
  const principals = new Map<string, Principal>();
  for (const row of rows) {
    const principalId = str(row.principalId);
    const roleTemplateId = str(row.roleDefinitionId)?.toLowerCase();
    if (!principalId || !roleTemplateId) continue;
    const roleName = findRoleTemplate(roleTemplateId)?.name;
    const scope = str(row.directoryScopeId);
    assignments.push({ principalId, roleTemplateId, ...(roleName ? { roleName } : {}), kind: 'active', ...(scope ? { scope } : {}) });
    const principal = isObj(row.principal) ? row.principal : undefined;
    const kind = principal ? principalKind(principal) : undefined;
    if (principal && kind) {
      const name = str(principal.displayName);
      const upn = kind === 'user' ? str(principal.userPrincipalName) : undefined;
      principals.set(principalId, { id: principalId, kind, ...(name ? { name } : {}), ...(upn ? { upn } : {}) });
    }
  }
  return { assignments, principals: [...principals.values()] };
}
