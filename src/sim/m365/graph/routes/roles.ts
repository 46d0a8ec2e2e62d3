// Directory roles (legacy, only activated ones) and unified role management (definitions,
// assignments with $filter on roleDefinitionId/principalId and $expand=principal).
import { ROLE_TEMPLATES, roleTemplate } from '../../tenant/catalog.ts';
import { addRoleMember, removeRoleMember } from '../../tenant/operations/roles.ts';
import { badRequest, notFound } from '../../tenant/sim-error.ts';
import type { TenantState } from '../../tenant/tenant-state.ts';
import { evaluate } from '../odata/filter-eval.ts';
import { collectionReply, contextUrl, entityReply, pageList, project, readFilter, readSelect } from '../odata/query.ts';
import { PERMISSIONS } from '../permissions.ts';
import type { GraphContext, GraphRoute } from '../route.ts';
import { directoryRoleJson, roleAssignmentJson, roleDefinitionJson } from '../shapes/directory.ts';
import { servicePrincipalJson } from '../shapes/apps.ts';
import { USER_DEFAULT_PROPERTIES, userJson } from '../shapes/users.ts';
import { bodyObject, NO_CONTENT, now } from './helpers.ts';
import { text } from '../../util/text.ts';

/** A role member or assignment principal as a directoryObject with its @odata.type. */
export function principalJson(state: TenantState, principalId: string): Record<string, unknown> | undefined {
  const user = state.users.get(principalId);
  if (user) return { '@odata.type': '#microsoft.graph.user', ...project(userJson(user), USER_DEFAULT_PROPERTIES) };
  const sp = state.servicePrincipals.find((s) => s.id === principalId);
  if (sp) return { '@odata.type': '#microsoft.graph.servicePrincipal', ...servicePrincipalJson(sp) };
  return undefined;
}

function roleByObjectId(ctx: GraphContext): string {
  const templateId = ctx.state.roles.templateOfRoleObject(ctx.params.id ?? '');
  if (!templateId) throw notFound(ctx.params.id ?? '');
  return templateId;
}

function roleByTemplate(ctx: GraphContext): string {
  const templateId = (ctx.params.templateId ?? '').toLowerCase();
  if (!ctx.state.roles.activatedRoles().some(([t]) => t === templateId)) throw notFound(templateId);
  return templateId;
}

function roleReply(ctx: GraphContext, templateId: string) {
  const template = roleTemplate(templateId);
  if (!template) throw notFound(templateId);
  return entityReply(ctx, 'directoryRoles/$entity', project(directoryRoleJson(template, ctx.state.roles.activate(templateId)), readSelect(ctx)));
}

function membersReply(ctx: GraphContext, templateId: string) {
  const members = ctx.state.roles.membersOf(templateId).map((id) => principalJson(ctx.state, id)).filter((m) => m !== undefined);
  const { page, next } = pageList(ctx, members, 100, 999);
  return collectionReply(ctx, 'directoryObjects', page, next);
}

export const roleRoutes: GraphRoute[] = [
  {
    method: 'GET',
    pattern: '/directoryRoles',
    class: 'roles',
    permission: PERMISSIONS.roleRead,
    handle: (ctx) => {
      const roles = ctx.state.roles.activatedRoles().flatMap(([templateId, objectId]) => {
        const template = roleTemplate(templateId);
        return template ? [project(directoryRoleJson(template, objectId), readSelect(ctx))] : [];
      });
      return collectionReply(ctx, 'directoryRoles', roles);
    },
  },
  { method: 'GET', pattern: "/directoryRoles(roleTemplateId='{templateId}')", class: 'roles', permission: PERMISSIONS.roleRead, handle: (ctx) => roleReply(ctx, roleByTemplate(ctx)) },
  { method: 'GET', pattern: "/directoryRoles(roleTemplateId='{templateId}')/members", class: 'roles', permission: PERMISSIONS.roleRead, handle: (ctx) => membersReply(ctx, roleByTemplate(ctx)) },
  { method: 'GET', pattern: '/directoryRoles/{id}', class: 'roles', permission: PERMISSIONS.roleRead, handle: (ctx) => roleReply(ctx, roleByObjectId(ctx)) },
  { method: 'GET', pattern: '/directoryRoles/{id}/members', class: 'roles', permission: PERMISSIONS.roleRead, handle: (ctx) => membersReply(ctx, roleByObjectId(ctx)) },
  {
    method: 'GET',
    pattern: '/roleManagement/directory/roleDefinitions',
    class: 'roles',
    permission: PERMISSIONS.roleRead,
    handle: (ctx) => {
      const filter = readFilter(ctx, { entity: 'UnifiedRoleDefinition', properties: ['id', 'displayName', 'templateId', 'isBuiltIn'] });
      const all = ROLE_TEMPLATES.map(roleDefinitionJson).filter((d) => !filter || evaluate(filter, d));
      return collectionReply(ctx, 'roleManagement/directory/roleDefinitions', all.map((d) => project(d, readSelect(ctx))));
    },
  },
  {
    method: 'GET',
    pattern: '/roleManagement/directory/roleDefinitions/{id}',
    class: 'roles',
    permission: PERMISSIONS.roleRead,
    handle: (ctx) => {
      const template = roleTemplate((ctx.params.id ?? '').toLowerCase());
      if (!template) throw notFound(ctx.params.id ?? '');
      return entityReply(ctx, 'roleManagement/directory/roleDefinitions/$entity', project(roleDefinitionJson(template), readSelect(ctx)));
    },
  },
  {
    method: 'GET',
    pattern: '/roleManagement/directory/roleAssignments',
    class: 'roles',
    permission: PERMISSIONS.roleRead,
    handle: (ctx) => {
      const filter = readFilter(ctx, { entity: 'UnifiedRoleAssignment', properties: ['id', 'roleDefinitionId', 'principalId', 'directoryScopeId'] });
      const expand = (ctx.query.get('$expand') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      for (const e of expand) if (e !== 'principal' && e !== 'roleDefinition') throw badRequest(`Could not find a property named '${e}' on type 'microsoft.graph.unifiedRoleAssignment'.`, 'BadRequest');
      const rows = ctx.state.roles
        .all()
        .map(roleAssignmentJson)
        .filter((a) => !filter || evaluate(filter, a))
        .map((a) => {
          const row = project(a, readSelect(ctx));
          if (expand.includes('principal')) row.principal = principalJson(ctx.state, String(a.principalId)) ?? null;
          if (expand.includes('roleDefinition')) {
            const template = roleTemplate(String(a.roleDefinitionId));
            row.roleDefinition = template ? roleDefinitionJson(template) : null;
          }
          return row;
        });
      const { page, next } = pageList(ctx, rows, 100, 999);
      const fragment = expand.length > 0 ? `roleManagement/directory/roleAssignments(${expand.map((e) => `${e}()`).join(',')})` : 'roleManagement/directory/roleAssignments';
      return collectionReply(ctx, fragment, page, next);
    },
  },
  {
    method: 'POST',
    pattern: '/roleManagement/directory/roleAssignments',
    class: 'roles',
    permission: PERMISSIONS.roleWrite,
    handle: (ctx) => {
      const body = bodyObject(ctx);
      const assignment = addRoleMember(ctx.state, ctx.actor, now(ctx), text(body.roleDefinitionId).toLowerCase(), text(body.principalId), text(body.directoryScopeId, '/'));
      return { status: 201, body: { '@odata.context': contextUrl(ctx, 'roleManagement/directory/roleAssignments/$entity'), ...roleAssignmentJson(assignment) } };
    },
  },
  {
    method: 'GET',
    pattern: '/roleManagement/directory/roleAssignments/{id}',
    class: 'roles',
    permission: PERMISSIONS.roleRead,
    handle: (ctx) => {
      const assignment = ctx.state.roles.get(ctx.params.id ?? '');
      if (!assignment) throw notFound(ctx.params.id ?? '');
      return entityReply(ctx, 'roleManagement/directory/roleAssignments/$entity', project(roleAssignmentJson(assignment), readSelect(ctx)));
    },
  },
  {
    method: 'DELETE',
    pattern: '/roleManagement/directory/roleAssignments/{id}',
    class: 'roles',
    permission: PERMISSIONS.roleWrite,
    handle: (ctx) => {
      removeRoleMember(ctx.state, ctx.actor, now(ctx), ctx.params.id ?? '');
      return NO_CONTENT;
    },
  },
];
