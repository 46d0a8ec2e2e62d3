// Role membership changes. "Add member to role" / "Remove member from role" carry the role's
// object id, display name, template id and well-known name on the member target (live capture).
import { changed, otherTarget, userTarget, writeAudit } from '../audit-writer.ts';
import { roleTemplate } from '../catalog.ts';
import type { Actor, SimRoleAssignment } from '../model.ts';
import { badRequest, notFound } from '../sim-error.ts';
import type { TenantState } from '../tenant-state.ts';

function memberTarget(state: TenantState, principalId: string, props: ReturnType<typeof changed>[]) {
  const user = state.users.get(principalId);
  if (user) return userTarget(user.id, user.userPrincipalName, [...props, changed('TargetId.UserType', null, user.userType)]);
  const sp = state.servicePrincipals.find((s) => s.id === principalId);
  return otherTarget('ServicePrincipal', principalId, sp?.displayName ?? null, props);
}

function roleProps(state: TenantState, templateId: string, side: 'old' | 'new') {
  const template = roleTemplate(templateId);
  const objectId = state.roles.activate(templateId);
  const values: [string, string][] = [
    ['Role.ObjectID', objectId],
    ['Role.DisplayName', template?.displayName ?? ''],
    ['Role.TemplateId', templateId],
    ['Role.WellKnownObjectName', template?.wellKnownObjectName ?? ''],
  ];
  return values.map(([name, value]) => (side === 'new' ? changed(name, null, value) : changed(name, value, null)));
}

export function addRoleMember(state: TenantState, actor: Actor, at: number, templateId: string, principalId: string, scope = '/'): SimRoleAssignment {
  if (!roleTemplate(templateId)) throw badRequest(`Invalid value specified for property 'roleDefinitionId' of resource 'UnifiedRoleAssignment'.`);
  if (scope !== '/') throw badRequest('Only tenant-wide scope "/" is supported by this simulator.');
  const principalExists = state.users.get(principalId) ?? state.servicePrincipals.find((s) => s.id === principalId);
  if (!principalExists) throw notFound(principalId);
  if (state.roles.find(templateId, principalId)) {
    throw badRequest('A conflicting object with one or more of the specified property values is present in the directory.', 'Request_BadRequest');
  }
  const assignment = state.roles.add(templateId, principalId);
  writeAudit(state, actor, at, [
    {
      activity: 'Add member to role',
      category: 'RoleManagement',
      service: 'Core Directory',
      operationType: 'Assign',
      targets: [memberTarget(state, principalId, roleProps(state, templateId, 'new')), otherTarget('Role', state.roles.activate(templateId), null)],
    },
  ]);
  return assignment;
}

export function removeRoleMember(state: TenantState, actor: Actor, at: number, assignmentId: string): void {
  const assignment = state.roles.get(assignmentId);
  if (!assignment) throw notFound(assignmentId);
  state.roles.remove(assignmentId);
  writeAudit(state, actor, at, [
    {
      activity: 'Remove member from role',
      category: 'RoleManagement',
      service: 'Core Directory',
      operationType: 'Unassign',
      targets: [memberTarget(state, assignment.principalId, roleProps(state, assignment.roleDefinitionId, 'old')), otherTarget('Role', state.roles.activate(assignment.roleDefinitionId), null)],
    },
  ]);
}
