import { PEOPLE, caPolicy } from '../../../testing/base.ts';
import { SECURITY_DEFAULTS_UNREADABLE, type CheckFixtures } from '../../../testing/run-fixtures.ts';

const free = { tier: 'Free', auditRetentionDays: 7, signInLogs: false };

export const fixtures: CheckFixtures = {
  pass: [
    { name: 'Free tenant with security defaults on', patch: (s) => Object.assign(s, { licence: free, policies: { ...s.policies, securityDefaultsEnabled: true, conditionalAccess: [] } }) },
    { name: 'the all-users policy alone covers admins', patch: (s) => (caPolicy(s, 'ca-admins-mfa').state = 'disabled') },
  ],
  fail: [
    {
      name: 'Free tenant, security defaults off (the seed case)',
      patch: (s) => Object.assign(s, { licence: free, policies: { ...s.policies, securityDefaultsEnabled: false, conditionalAccess: [] } }),
      items: ['securityDefaultsOff'],
      automated: true,
    },
    {
      name: 'P1 without any policy: security defaults are the fix',
      patch: (s) => (s.policies.conditionalAccess = []),
      items: ['notCovered'],
      automated: true,
    },
    {
      name: 'the admin policy is report-only and the all-users one trusts office locations',
      patch: (s) => {
        caPolicy(s, 'ca-admins-mfa').state = 'enabledForReportingButNotEnforced';
        caPolicy(s, 'ca-all-mfa').conditions.locations = { includeLocations: ['All'], excludeLocations: ['AllTrusted'] };
        caPolicy(s, 'ca-admins-pr').state = 'disabled';
        caPolicy(s, 'ca-all-pr').state = 'disabled';
      },
      items: ['notCovered'],
      automated: true,
    },
    {
      name: 'an admin is excluded',
      patch: (s) => {
        for (const id of ['ca-admins-mfa', 'ca-all-mfa', 'ca-admins-pr', 'ca-all-pr']) caPolicy(s, id).conditions.users.excludeUsers = [PEOPLE.bg1.id, PEOPLE.bg2.id, PEOPLE.deputy.id];
      },
      items: ['excluded'],
    },
    {
      name: 'every policy asking for MFA leaves out one app (Azure management)',
      patch: (s) => {
        for (const id of ['ca-admins-mfa', 'ca-all-mfa', 'ca-admins-pr', 'ca-all-pr']) {
          caPolicy(s, id).conditions.applications = { includeApplications: ['All'], excludeApplications: ['797f4846-ba00-4fd7-ba43-dac1f8f63013'], includeUserActions: [] };
        }
      },
      items: ['notCovered'],
    },
    {
      name: 'MFA or a compliant device (either will do)',
      patch: (s) => {
        for (const id of ['ca-admins-mfa', 'ca-all-mfa']) caPolicy(s, id).grantControls = { operator: 'OR', builtInControls: ['mfa', 'compliantDevice'] };
        for (const id of ['ca-admins-pr', 'ca-all-pr']) caPolicy(s, id).state = 'disabled';
      },
      items: ['notCovered'],
    },
  ],
  skip: [
    SECURITY_DEFAULTS_UNREADABLE,
    { name: 'policies unreadable', patch: (s) => (s.sources.conditionalAccess = { state: 'denied', permission: 'Policy.Read.All' }), reason: 'source-denied' },
    { name: 'licence unknown', patch: (s) => delete s.licence, reason: 'licence-unknown' },
    {
      name: 'admins excluded through a group',
      patch: (s) => {
        for (const id of ['ca-admins-mfa', 'ca-all-mfa', 'ca-admins-pr', 'ca-all-pr']) caPolicy(s, id).conditions.users.excludeGroups = ['g-exempt'];
      },
      reason: 'data-missing',
    },
  ],
};
