import { authorization } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [{ name: 'limited (the default)', patch: (s) => (authorization(s).guestUserRoleId = '10dae51f-b6af-4016-8d66-8c2a99b929b3') }],
  fail: [{ name: 'same as members', patch: (s) => (authorization(s).guestUserRoleId = 'a0b1b346-4d3e-4e8b-98f8-753987be4970'), items: ['sameAsMembers'], automated: true }],
  skip: [{ name: 'setting absent', patch: (s) => delete authorization(s).guestUserRoleId, reason: 'data-missing' }],
};
