import { authorization } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [{ name: 'nobody may invite', patch: (s) => (authorization(s).allowInvitesFrom = 'none') }],
  fail: [
    { name: 'everyone (the seed case)', patch: (s) => (authorization(s).allowInvitesFrom = 'everyone'), items: ['everyone'], automated: true },
    { name: 'all members', patch: (s) => (authorization(s).allowInvitesFrom = 'adminsGuestInvitersAndAllMembers'), items: ['allMembers'] },
  ],
  skip: [{ name: 'setting absent', patch: (s) => delete authorization(s).allowInvitesFrom, reason: 'data-missing' }],
};
