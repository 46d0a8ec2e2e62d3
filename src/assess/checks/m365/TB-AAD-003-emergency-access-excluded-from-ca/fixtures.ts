import { PEOPLE, caPolicy } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [
    { name: 'a policy asks them only for phishing-resistant MFA', patch: (s) => (caPolicy(s, 'ca-admins-pr').conditions.users.excludeUsers = []) },
    { name: 'a policy that applies is off', patch: (s) => { const p = caPolicy(s, 'ca-legacy'); p.conditions.users.excludeUsers = []; p.state = 'disabled'; } },
  ],
  fail: [
    { name: 'the MFA policy applies to one of them', patch: (s) => (caPolicy(s, 'ca-all-mfa').conditions.users.excludeUsers = [PEOPLE.bg1.id]), items: ['notExcluded'], automated: true },
    { name: 'a blocking policy applies through their role', patch: (s) => (caPolicy(s, 'ca-admins-mfa').conditions.users.excludeUsers = []), items: ['notExcluded'] },
  ],
  skip: [
    { name: 'Free tenant', patch: (s) => (s.licence = { tier: 'Free', auditRetentionDays: 7, signInLogs: false }), reason: 'needs-licence' },
    { name: 'no emergency account declared or named', ctx: (c) => delete c.breakGlass, patch: (s) => { for (const p of s.principals) if (p.name?.startsWith('Emergency')) { p.name = 'Spare admin'; p.upn = p.upn!.replace('emergency', 'spare'); } }, reason: 'config-missing' },
    { name: 'policies read without permission', patch: (s) => (s.sources.conditionalAccess = { state: 'denied', permission: 'Policy.Read.All' }), reason: 'source-denied' },
    { name: 'a policy excludes a group', patch: (s) => (caPolicy(s, 'ca-legacy').conditions.users = { includeUsers: ['All'], excludeUsers: [], excludeGroups: ['g-1'] }), reason: 'data-missing' },
  ],
};
