import { caPolicy } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [{ name: 'listed as an array of flows', patch: (s) => (caPolicy(s, 'ca-device-code').conditions.authenticationFlows = { transferMethods: ['deviceCodeFlow', 'authenticationTransfer'] }) }],
  fail: [
    { name: 'no such policy', patch: (s) => (s.policies.conditionalAccess = s.policies.conditionalAccess!.filter((p) => (p as { id: string }).id !== 'ca-device-code')), items: ['none'], automated: false },
    { name: 'only outside trusted locations', patch: (s) => (caPolicy(s, 'ca-device-code').conditions.locations = { includeLocations: ['All'], excludeLocations: ['AllTrusted'] }), items: ['none'] },
  ],
  skip: [{ name: 'Free tenant', patch: (s) => (s.licence = { tier: 'Free', auditRetentionDays: 7, signInLogs: false }), reason: 'needs-licence' }],
};
