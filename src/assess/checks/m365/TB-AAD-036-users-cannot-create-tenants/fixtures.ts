import { authorization } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [],
  fail: [{ name: 'the default (the seed case)', patch: (s) => (authorization(s).defaultUserRolePermissions.allowedToCreateTenants = true), items: ['usersCanCreate'], automated: true }],
  skip: [{ name: 'setting absent', patch: (s) => delete authorization(s).defaultUserRolePermissions.allowedToCreateTenants, reason: 'data-missing' }],
};
