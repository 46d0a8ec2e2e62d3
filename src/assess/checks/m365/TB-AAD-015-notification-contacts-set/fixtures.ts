import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [{ name: 'one address each', patch: (s) => Object.assign(s.info!.notificationContacts, { technical: ['a@owner-mail.example'], security: ['a@owner-mail.example'] }) }],
  fail: [
    { name: 'no security contact (the seed case)', patch: (s) => (s.info!.notificationContacts.security = []), items: ['securityMissing'], automated: true },
    { name: 'none, and no addresses declared', patch: (s) => Object.assign(s.info!.notificationContacts, { technical: [], security: [] }), ctx: (c) => delete c.expected!.notificationContacts, items: ['technicalMissing', 'securityMissing'], automated: false },
  ],
  skip: [{ name: 'organisation unreadable', patch: (s) => (s.sources.organization = { state: 'denied', permission: 'Organization.Read.All' }), reason: 'source-denied' }],
};
