import { daysAgo } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [{ name: 'configured, last run unknown', ctx: (c) => (c.watch = { configured: true }) }],
  fail: [
    { name: 'no watch on a Free tenant (the seed case)', patch: (s) => (s.licence = { tier: 'Free', auditRetentionDays: 7, signInLogs: false }), ctx: (c) => (c.watch = { configured: false }), items: ['noWatch'], automated: false },
    { name: 'the watch stopped long ago', ctx: (c) => (c.watch = { configured: true, lastRunAt: daysAgo(45) }), items: ['watchBehind'] },
  ],
  skip: [{ name: 'watch configuration not known', ctx: (c) => delete c.watch, reason: 'config-missing' }],
};
