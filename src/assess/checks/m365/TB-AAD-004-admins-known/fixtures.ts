import { PEOPLE, ROLE, daysAgo } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [{ name: 'declared by object id', ctx: (c) => (c.expected!.admins = [PEOPLE.owner.id, PEOPLE.deputy.id, PEOPLE.helpdesk.id]) }],
  fail: [
    {
      name: 'an undeclared Global Administrator (the seed case)',
      patch: (s) => {
        s.principals.push({ id: 'u-rogue', kind: 'user', name: 'IT Support', upn: 'it-support@contoso.onmicrosoft.com', enabled: true });
        s.roleAssignments.push({ principalId: 'u-rogue', roleTemplateId: ROLE.globalAdmin, kind: 'active' });
      },
      items: ['unknownAdmin'],
      automated: false,
    },
    {
      name: 'the owner was deleted (restorable)',
      patch: (s) => {
        s.principals = s.principals.filter((p) => p.id !== PEOPLE.owner.id);
        s.roleAssignments = s.roleAssignments.filter((a) => a.principalId !== PEOPLE.owner.id);
        s.deletedPrincipals.push({ id: PEOPLE.owner.id, upn: `0123456789abcdef0123456789abcdef${PEOPLE.owner.upn}`, deletedAt: daysAgo(4), restorableUntil: daysAgo(-26) });
      },
      items: ['expectedDeleted'],
    },
    { name: 'a declared admin lost the role', patch: (s) => (s.roleAssignments = s.roleAssignments.filter((a) => a.principalId !== PEOPLE.deputy.id)), items: ['expectedNotAdmin'] },
    { name: 'a declared admin does not exist', ctx: (c) => c.expected!.admins!.push('ghost@contoso.example'), items: ['expectedMissing'] },
  ],
  skip: [
    { name: 'no admin list in the config', ctx: (c) => delete c.expected!.admins, reason: 'config-missing' },
    { name: 'deleted users unreadable', patch: (s) => (s.sources.deletedUsers = { state: 'denied', permission: 'User.Read.All' }), reason: 'source-denied' },
  ],
};
