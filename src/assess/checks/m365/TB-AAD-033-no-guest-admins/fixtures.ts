import { PEOPLE, ROLE } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [{ name: 'a guest reader', patch: (s) => s.roleAssignments.push({ principalId: PEOPLE.guest.id, roleTemplateId: ROLE.globalReader, kind: 'active' }) }],
  fail: [{ name: 'a guest User Administrator', patch: (s) => s.roleAssignments.push({ principalId: PEOPLE.guest.id, roleTemplateId: ROLE.userAdmin, kind: 'active' }), items: ['guestAdmin'], automated: false }],
  skip: [{ name: 'users unreadable', patch: (s) => (s.sources.users = { state: 'denied', permission: 'User.Read.All' }), reason: 'source-denied' }],
};
