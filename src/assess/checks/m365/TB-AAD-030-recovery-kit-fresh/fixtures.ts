import { daysAgo } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [{ name: 'made yesterday', ctx: (c) => (c.recoveryKit = { lastMadeAt: daysAgo(1) }) }],
  fail: [
    { name: 'never made (the seed case)', ctx: (c) => (c.recoveryKit = { lastMadeAt: null }), items: ['none'], automated: false },
    { name: 'made 120 days ago', ctx: (c) => (c.recoveryKit = { lastMadeAt: daysAgo(120) }), items: ['stale'] },
  ],
  skip: [{ name: 'takeback could not tell', ctx: (c) => delete c.recoveryKit, reason: 'config-missing' }],
};
