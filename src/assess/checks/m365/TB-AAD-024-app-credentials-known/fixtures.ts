import { daysAgo } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [{ name: 'an unknown app whose only secret expired', patch: (s) => s.appCredentials.push({ appId: 'app-old', kind: 'password', endAt: daysAgo(5) }) }],
  fail: [{ name: 'a secret on an undeclared app', patch: (s) => s.appCredentials.push({ appId: 'app-rogue', appName: 'Mail Sync', kind: 'password', startAt: daysAgo(3), endAt: daysAgo(-700) }), items: ['unknownApp'], automated: false }],
  skip: [{ name: 'no app list in the config', ctx: (c) => delete c.expected!.apps, reason: 'config-missing' }],
};
