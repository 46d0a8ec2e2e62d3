import { authorization } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [],
  fail: [
    { name: 'sign-up on (the seed case)', patch: (s) => (authorization(s).allowedToSignUpEmailBasedSubscriptions = true), items: ['signUp'], automated: true },
    { name: 'joining by email on', patch: (s) => (authorization(s).allowEmailVerifiedUsersToJoinOrganization = true), items: ['join'] },
  ],
  skip: [{ name: 'setting absent', patch: (s) => delete authorization(s).allowEmailVerifiedUsersToJoinOrganization, reason: 'data-missing' }],
};
