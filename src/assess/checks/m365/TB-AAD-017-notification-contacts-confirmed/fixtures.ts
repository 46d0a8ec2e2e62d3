import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [{ name: 'case differs', patch: (s) => (s.info!.notificationContacts.security = ['Security@Owner-Mail.example']) }],
  fail: [
    {
      name: 'technical contact pointed outside (the seed case)',
      patch: (s) => (s.info!.notificationContacts.technical = ['it-notify.kitahama@mailbox.example']),
      items: ['unconfirmedTechnical'],
      automated: true,
    },
    { name: 'a security address added', patch: (s) => s.info!.notificationContacts.security.push('alerts@attacker.example'), items: ['unconfirmedSecurity'] },
  ],
  skip: [
    { name: 'no addresses declared', ctx: (c) => delete c.expected!.notificationContacts, reason: 'config-missing' },
    { name: 'organisation unreadable', patch: (s) => (s.sources.organization = { state: 'denied', permission: 'Organization.Read.All' }), reason: 'source-denied' },
  ],
};
