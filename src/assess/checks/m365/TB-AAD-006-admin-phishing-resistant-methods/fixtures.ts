import { PEOPLE, person } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [{ name: 'a Helpdesk Administrator (not privileged) with Authenticator only', patch: (s) => (person(s, PEOPLE.helpdesk.id).authMethods = [{ type: 'microsoftAuthenticator' }]) }],
  fail: [{ name: 'a Global Administrator with Authenticator only', patch: (s) => (person(s, PEOPLE.deputy.id).authMethods = [{ type: 'password' }, { type: 'microsoftAuthenticator', detail: 'iPhone' }]), items: ['notPhishingResistant'], automated: false }],
  skip: [
    { name: 'one admin has no method list', patch: (s) => delete person(s, PEOPLE.owner.id).authMethods, reason: 'data-missing' },
  ],
};
