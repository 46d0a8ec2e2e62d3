import { PEOPLE, person } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [{ name: 'a synchronised Helpdesk Administrator (not privileged)', patch: (s) => (person(s, PEOPLE.helpdesk.id).synced = true) }],
  fail: [{ name: 'a synchronised Global Administrator', patch: (s) => (person(s, PEOPLE.deputy.id).synced = true), items: ['synced'], automated: false }],
  skip: [{ name: 'sync state unknown', patch: (s) => delete person(s, PEOPLE.owner.id).synced, reason: 'data-missing' }],
};
