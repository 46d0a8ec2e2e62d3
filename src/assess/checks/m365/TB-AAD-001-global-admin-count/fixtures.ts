import type { Snapshot } from '../../../../core/snapshot.ts';
import { PEOPLE, ROLE, person } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

const onlyGlobalAdmins = (...ids: string[]) => (s: Snapshot) => {
  s.roleAssignments = s.roleAssignments.filter((a) => a.roleTemplateId !== ROLE.globalAdmin || ids.includes(a.principalId));
};

export const fixtures: CheckFixtures = {
  pass: [
    { name: 'exactly two', patch: onlyGlobalAdmins(PEOPLE.owner.id, PEOPLE.deputy.id) },
    {
      name: 'eight',
      patch: (s) => {
        for (let i = 0; i < 4; i++) {
          s.principals.push({ id: `u-extra${i}`, kind: 'user', upn: `extra${i}@contoso.example`, enabled: true });
          s.roleAssignments.push({ principalId: `u-extra${i}`, roleTemplateId: ROLE.globalAdmin, kind: 'active' });
        }
      },
    },
  ],
  fail: [
    { name: 'one Global Administrator (the seed case)', patch: onlyGlobalAdmins(PEOPLE.owner.id), items: ['tooFew'], automated: false },
    {
      name: 'the second one is disabled',
      patch: (s) => {
        onlyGlobalAdmins(PEOPLE.owner.id, PEOPLE.deputy.id)(s);
        person(s, PEOPLE.deputy.id).enabled = false;
      },
      items: ['tooFew'],
    },
    {
      name: 'nine',
      patch: (s) => {
        for (let i = 0; i < 5; i++) {
          s.principals.push({ id: `u-extra${i}`, kind: 'user', upn: `extra${i}@contoso.example`, enabled: true });
          s.roleAssignments.push({ principalId: `u-extra${i}`, roleTemplateId: ROLE.globalAdmin, kind: 'active' });
        }
      },
      items: ['tooMany'],
    },
  ],
  skip: [
    { name: 'role assignments denied', patch: (s) => (s.sources.roleAssignments = { state: 'denied', permission: 'RoleManagement.Read.Directory' }), reason: 'source-denied' },
    {
      name: 'one user and a group hold the role',
      patch: (s) => {
        onlyGlobalAdmins(PEOPLE.owner.id)(s);
        s.principals.push({ id: 'g-admins', kind: 'group', name: 'IT admins' });
        s.roleAssignments.push({ principalId: 'g-admins', roleTemplateId: ROLE.globalAdmin, kind: 'active' });
      },
      reason: 'data-missing',
    },
  ],
};
