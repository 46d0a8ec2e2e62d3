import { PEOPLE, caPolicy } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [
    { name: 'the all-users policy covers admins', patch: (s) => (caPolicy(s, 'ca-admins-pr').state = 'disabled') },
    { name: 'a custom strength of passkeys only', patch: (s) => { caPolicy(s, 'ca-all-pr').state = 'disabled'; caPolicy(s, 'ca-admins-pr').grantControls = { operator: 'OR', authenticationStrength: { id: 'custom-1', allowedCombinations: ['fido2'] } }; } },
  ],
  fail: [
    {
      name: 'admins need only ordinary MFA',
      patch: (s) => {
        caPolicy(s, 'ca-admins-pr').state = 'disabled';
        caPolicy(s, 'ca-all-pr').state = 'disabled';
      },
      items: ['notCovered'],
      automated: false,
    },
    {
      name: 'an admin is excluded',
      patch: (s) => {
        for (const id of ['ca-admins-pr', 'ca-all-pr']) caPolicy(s, id).conditions.users.excludeUsers = [PEOPLE.bg1.id, PEOPLE.bg2.id, PEOPLE.owner.id];
      },
      items: ['notCovered'],
    },
  ],
  skip: [
    { name: 'Free tenant (no Conditional Access)', patch: (s) => (s.licence = { tier: 'Free', auditRetentionDays: 7, signInLogs: false }), reason: 'needs-licence' },
    { name: 'policies unreadable', patch: (s) => (s.sources.conditionalAccess = { state: 'unlicensed', licence: 'Microsoft Entra ID P1' }), reason: 'source-unlicensed' },
  ],
};
