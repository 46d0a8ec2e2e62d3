import { PEOPLE, caPolicy } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [{ name: 'other policies off', patch: (s) => (caPolicy(s, 'ca-all-mfa').state = 'disabled') }],
  fail: [
    { name: 'the policy is report-only', patch: (s) => (caPolicy(s, 'ca-signin-risk').state = 'enabledForReportingButNotEnforced'), items: ['none'], automated: true },
    { name: 'it asks for MFA instead of blocking', patch: (s) => (caPolicy(s, 'ca-signin-risk').grantControls = { operator: 'OR', builtInControls: ['mfa'] }), items: ['none'] },
    { name: 'a user is exempt', patch: (s) => (caPolicy(s, 'ca-signin-risk').conditions.users.excludeUsers = [PEOPLE.staff.id]), items: ['partial'] },
  ],
  skip: [{ name: 'P1 tenant', patch: (s) => (s.licence = { tier: 'P1', auditRetentionDays: 30, signInLogs: true }), reason: 'needs-licence' }],
};
