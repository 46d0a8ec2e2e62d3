import { DOMAIN, daysAgo } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [{ name: 'an address outside, one inside', patch: (s) => Object.assign(s.info!.notificationContacts, { technical: [`it@${DOMAIN}`], security: ['owner@provider-mail.example'] }) }],
  fail: [
    {
      name: 'only the admin mailbox, and it was deleted (the seed case before the attack)',
      patch: (s) => {
        Object.assign(s.info!.notificationContacts, { technical: [`k.tanaka@${DOMAIN}`], security: [] });
        s.deletedPrincipals.push({ id: 'u-gone', upn: `0123456789abcdef0123456789abcdefk.tanaka@${DOMAIN}`, deletedAt: daysAgo(4) });
      },
      items: ['deletedAccount', 'onlyInside'],
      automated: true,
    },
    {
      name: 'only inside, no outside address declared',
      patch: (s) => Object.assign(s.info!.notificationContacts, { technical: [`it@${DOMAIN}`], security: [`it@${DOMAIN}`] }),
      ctx: (c) => (c.expected!.notificationContacts = [`it@${DOMAIN}`]),
      items: ['onlyInside'],
      automated: false,
    },
  ],
  skip: [
    { name: 'no contacts at all', patch: (s) => Object.assign(s.info!.notificationContacts, { technical: [], security: [] }), reason: 'data-missing' },
    { name: 'deleted users unreadable', patch: (s) => (s.sources.deletedUsers = { state: 'denied', permission: 'User.Read.All' }), reason: 'data-missing' },
    { name: 'organisation unreadable', patch: (s) => (s.sources.organization = { state: 'denied', permission: 'Organization.Read.All' }), reason: 'source-denied' },
  ],
};
