import { ROLE } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [{ name: 'an app with a reader role', patch: (s) => { s.principals.push({ id: 'sp-1', kind: 'servicePrincipal', name: 'Reporting' }); s.roleAssignments.push({ principalId: 'sp-1', roleTemplateId: ROLE.globalReader, kind: 'active' }); } }],
  fail: [{ name: 'an app is Global Administrator', patch: (s) => { s.principals.push({ id: 'sp-2', kind: 'servicePrincipal', name: 'Sync helper' }); s.roleAssignments.push({ principalId: 'sp-2', roleTemplateId: ROLE.globalAdmin, kind: 'active' }); }, items: ['appAdmin'], automated: false }],
  skip: [
    { name: 'an unnamed holder', patch: (s) => s.roleAssignments.push({ principalId: 'x-9', roleTemplateId: ROLE.privilegedRoleAdmin, kind: 'active' }), reason: 'data-missing' },
    { name: 'roles unreadable', patch: (s) => (s.sources.roleAssignments = { state: 'denied', permission: 'RoleManagement.Read.Directory' }), reason: 'source-denied' },
  ],
};
