import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [
    { name: 'no partner at all needs no list', patch: (s) => (s.partners = []), ctx: (c) => delete c.expected!.partners },
    { name: 'declared by name', ctx: (c) => (c.expected!.partners = ['Osaka IT Support KK']) },
  ],
  fail: [{ name: 'a partner nobody declared', patch: (s) => s.partners.push({ id: 'tenant-x', name: 'Global Cloud Helpers', kind: 'dap' }), items: ['unknownPartner'], automated: false }],
  skip: [
    { name: 'partners are not collected yet', patch: (s) => delete s.sources.partners, reason: 'not-collected' },
    { name: 'no partner list in the config', ctx: (c) => delete c.expected!.partners, reason: 'config-missing' },
  ],
};
