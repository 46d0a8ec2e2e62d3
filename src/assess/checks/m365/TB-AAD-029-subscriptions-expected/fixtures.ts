import { daysAgo } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [
    { name: 'declared by subscription id', ctx: (c) => (c.expected!.subscriptions = ['sub-spb', 'sub-p2']) },
    { name: 'an unexpected one that was deleted', patch: (s) => s.subscriptions.push({ id: 'sub-old', skuPartNumber: 'EXCHANGESTANDARD', status: 'Deleted' }) },
  ],
  fail: [
    { name: 'licences bought by the attacker (the seed case)', patch: (s) => s.subscriptions.push({ id: 'sub-x', skuPartNumber: 'O365_BUSINESS_ESSENTIALS', status: 'Enabled', totalLicenses: 5, createdAt: daysAgo(3) }), items: ['unexpected'], automated: false },
    { name: 'a trial', patch: (s) => s.subscriptions.push({ id: 'sub-t', skuPartNumber: 'ENTERPRISEPREMIUM', status: 'Enabled', isTrial: true, totalLicenses: 25 }), items: ['unexpectedTrial'] },
  ],
  skip: [
    { name: 'no list in the config', ctx: (c) => delete c.expected!.subscriptions, reason: 'config-missing' },
    { name: 'subscriptions unreadable', patch: (s) => (s.sources.subscriptions = { state: 'denied', permission: 'Organization.Read.All' }), reason: 'source-denied' },
  ],
};
