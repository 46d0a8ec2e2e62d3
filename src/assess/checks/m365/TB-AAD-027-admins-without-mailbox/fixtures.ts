import { PEOPLE } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

const mailboxes = (s: { policies: { other?: Record<string, unknown> } }): Record<string, boolean> => s.policies.other!.adminMailboxes as Record<string, boolean>;

export const fixtures: CheckFixtures = {
  pass: [{ name: 'a Helpdesk Administrator with a mailbox (not privileged)', patch: (s) => (mailboxes(s)[PEOPLE.helpdesk.id] = true) }],
  fail: [
    { name: 'the owner reads mail as Global Administrator', patch: (s) => (mailboxes(s)[PEOPLE.owner.id] = true), items: ['mailbox'], automated: false },
    { name: 'an emergency account has a mailbox', patch: (s) => (mailboxes(s)[PEOPLE.bg1.id] = true), items: ['emergencyMailbox'] },
  ],
  skip: [
    { name: 'not collected yet', patch: (s) => delete s.sources.adminMailboxes, reason: 'not-collected' },
    { name: 'one admin unknown', patch: (s) => delete mailboxes(s)[PEOPLE.deputy.id], reason: 'data-missing' },
  ],
};
