import { PEOPLE, caPolicy } from '../../../testing/base.ts';
import { SECURITY_DEFAULTS_UNREADABLE, type CheckFixtures } from '../../../testing/run-fixtures.ts';

const free = { tier: 'Free', auditRetentionDays: 7, signInLogs: false };

export const fixtures: CheckFixtures = {
  pass: [
    { name: 'Free tenant with security defaults on', patch: (s) => Object.assign(s, { licence: free, policies: { ...s.policies, securityDefaultsEnabled: true, conditionalAccess: [] } }) },
    { name: 'phishing-resistant MFA for everyone is enough', patch: (s) => (caPolicy(s, 'ca-all-mfa').state = 'disabled') },
  ],
  fail: [
    { name: 'Free tenant, security defaults off (the seed case)', patch: (s) => Object.assign(s, { licence: free, policies: { ...s.policies, conditionalAccess: [] } }), items: ['securityDefaultsOff'], automated: true },
    {
      name: 'only admins are asked',
      patch: (s) => {
        caPolicy(s, 'ca-all-mfa').state = 'disabled';
        caPolicy(s, 'ca-all-pr').state = 'disabled';
      },
      items: ['partial'],
      automated: true,
    },
    {
      name: 'no MFA policy at all, other policies on',
      patch: (s) => {
        for (const id of ['ca-all-mfa', 'ca-all-pr', 'ca-admins-mfa', 'ca-admins-pr']) caPolicy(s, id).state = 'disabled';
      },
      items: ['none'],
      automated: true,
    },
    {
      name: 'a user is excluded',
      patch: (s) => {
        for (const id of ['ca-all-mfa', 'ca-all-pr']) caPolicy(s, id).conditions.users.excludeUsers = [PEOPLE.bg1.id, PEOPLE.staff.id];
      },
      items: ['partial'],
    },
  ],
  skip: [
    SECURITY_DEFAULTS_UNREADABLE,
    { name: 'policies unreadable', patch: (s) => (s.sources.conditionalAccess = { state: 'denied', permission: 'Policy.Read.All' }), reason: 'source-denied' },
    { name: 'a group is excluded', patch: (s) => { for (const id of ['ca-all-mfa', 'ca-all-pr']) caPolicy(s, id).conditions.users.excludeGroups = ['g-1']; }, reason: 'data-missing' },
  ],
};
