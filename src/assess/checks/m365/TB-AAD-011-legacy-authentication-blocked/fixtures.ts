import { PEOPLE, caPolicy } from '../../../testing/base.ts';
import { SECURITY_DEFAULTS_UNREADABLE, type CheckFixtures } from '../../../testing/run-fixtures.ts';

const free = { tier: 'Free', auditRetentionDays: 7, signInLogs: false };

export const fixtures: CheckFixtures = {
  pass: [{ name: 'Free tenant with security defaults on', patch: (s) => Object.assign(s, { licence: free, policies: { ...s.policies, securityDefaultsEnabled: true, conditionalAccess: [] } }) }],
  fail: [
    { name: 'Free tenant, security defaults off (the seed case)', patch: (s) => Object.assign(s, { licence: free, policies: { ...s.policies, conditionalAccess: [] } }), items: ['securityDefaultsOff'], automated: true },
    { name: 'the block policy is off', patch: (s) => (caPolicy(s, 'ca-legacy').state = 'disabled'), items: ['none'], automated: true },
    { name: 'only ActiveSync is blocked', patch: (s) => (caPolicy(s, 'ca-legacy').conditions.clientAppTypes = ['exchangeActiveSync']), items: ['none'] },
    { name: 'a user is exempt', patch: (s) => (caPolicy(s, 'ca-legacy').conditions.users.excludeUsers = [PEOPLE.staff.id]), items: ['partial'] },
  ],
  skip: [
    { name: 'policies unreadable', patch: (s) => (s.sources.conditionalAccess = { state: 'denied', permission: 'Policy.Read.All' }), reason: 'source-denied' },
    SECURITY_DEFAULTS_UNREADABLE,
  ],
};
