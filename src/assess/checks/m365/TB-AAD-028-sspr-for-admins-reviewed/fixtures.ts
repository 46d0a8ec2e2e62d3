import { authorization } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [],
  fail: [{ name: 'admins may reset themselves (the default, the seed case)', patch: (s) => (authorization(s).allowedToUseSSPR = true), items: ['adminsCanReset', 'resetMethods'], automated: true }],
  skip: [
    { name: 'setting absent', patch: (s) => delete authorization(s).allowedToUseSSPR, reason: 'data-missing' },
    { name: 'policy unreadable', patch: (s) => (s.sources.authorizationPolicy = { state: 'denied', permission: 'Policy.Read.All' }), reason: 'source-denied' },
  ],
};
