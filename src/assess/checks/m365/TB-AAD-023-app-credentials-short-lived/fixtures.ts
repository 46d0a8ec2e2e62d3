import { daysAgo } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [{ name: 'an old long-lived secret that has expired', patch: (s) => s.appCredentials.push({ appId: 'app-old', kind: 'password', startAt: daysAgo(3000), endAt: daysAgo(100) }) }],
  fail: [
    { name: 'a secret valid for two years', patch: (s) => s.appCredentials.push({ appId: 'app-x', appName: 'Backup tool', kind: 'password', keyId: 'k-x', startAt: daysAgo(10), endAt: daysAgo(-720) }), items: ['longLived'], automated: false },
    { name: 'a certificate without an end date', patch: (s) => s.appCredentials.push({ appId: 'app-y', kind: 'certificate', keyId: 'k-y', startAt: daysAgo(10) }), items: ['noExpiry'] },
  ],
  skip: [{ name: 'apps unreadable', patch: (s) => (s.sources.applications = { state: 'denied', permission: 'Application.Read.All' }), reason: 'source-denied' }],
};
