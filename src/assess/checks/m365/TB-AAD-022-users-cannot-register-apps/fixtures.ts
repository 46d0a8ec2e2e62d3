import { authorization } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [],
  fail: [{ name: 'the default (the seed case)', patch: (s) => (authorization(s).defaultUserRolePermissions.allowedToCreateApps = true), items: ['usersCanRegister'], automated: true }],
  skip: [
    { name: 'setting absent', patch: (s) => delete authorization(s).defaultUserRolePermissions.allowedToCreateApps, reason: 'data-missing' },
    { name: 'policy unreadable', patch: (s) => (s.sources.authorizationPolicy = { state: 'denied', permission: 'Policy.Read.All' }), reason: 'source-denied' },
  ],
};
