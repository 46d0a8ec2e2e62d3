import { INITIAL, PEOPLE, ROLE, person } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [
    { name: 'not declared, recognised by exclusion from every Conditional Access policy', ctx: (c) => delete c.breakGlass },
    {
      name: 'not declared, recognised by name on a Free tenant',
      patch: (s) => {
        s.licence = { tier: 'Free', auditRetentionDays: 7, signInLogs: false };
        s.policies.conditionalAccess = [];
      },
      ctx: (c) => delete c.breakGlass,
    },
  ],
  fail: [
    {
      name: 'none at all (the seed case)',
      patch: (s) => {
        s.roleAssignments = s.roleAssignments.filter((a) => a.principalId !== PEOPLE.bg1.id && a.principalId !== PEOPLE.bg2.id);
        s.policies.conditionalAccess = [];
      },
      ctx: (c) => delete c.breakGlass,
      items: ['tooFew', 'notDeclared'],
      automated: false,
    },
    { name: 'a declared account does not exist', ctx: (c) => (c.breakGlass = [PEOPLE.bg1.upn, `ghost@${INITIAL}`]), items: ['tooFew', 'declaredMissing'] },
    { name: 'one is on the custom domain', ctx: (c) => (c.breakGlass = [PEOPLE.bg1.upn, PEOPLE.owner.upn]), items: ['tooFew', 'notInitialDomain'] },
    { name: 'one is synchronised', patch: (s) => (person(s, PEOPLE.bg2.id).synced = true), items: ['synced'] },
    { name: 'one is disabled', patch: (s) => (person(s, PEOPLE.bg2.id).enabled = false), items: ['disabled'] },
    {
      name: 'one lost its role',
      patch: (s) => (s.roleAssignments = s.roleAssignments.filter((a) => !(a.principalId === PEOPLE.bg2.id && a.roleTemplateId === ROLE.globalAdmin))),
      items: ['notGlobalAdmin'],
    },
  ],
  skip: [{ name: 'users unreadable', patch: (s) => (s.sources.users = { state: 'denied', permission: 'User.Read.All' }), reason: 'source-denied' }],
};
