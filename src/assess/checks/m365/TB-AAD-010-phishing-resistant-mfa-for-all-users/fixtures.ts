import { caPolicy } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [{ name: 'also fine when other policies are off', patch: (s) => (caPolicy(s, 'ca-all-mfa').state = 'disabled') }],
  fail: [
    { name: 'only admins need it', patch: (s) => (caPolicy(s, 'ca-all-pr').state = 'disabled'), items: ['notRequired'], automated: false },
    { name: 'report-only', patch: (s) => (caPolicy(s, 'ca-all-pr').state = 'enabledForReportingButNotEnforced'), items: ['notRequired'] },
  ],
  skip: [{ name: 'Free tenant', patch: (s) => (s.licence = { tier: 'Free', auditRetentionDays: 7, signInLogs: false }), reason: 'needs-licence' }],
};
