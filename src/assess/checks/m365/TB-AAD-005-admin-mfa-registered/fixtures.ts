import { PEOPLE, ROLE, person } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [
    { name: 'a phone counts as a second factor', patch: (s) => (person(s, PEOPLE.helpdesk.id).authMethods = [{ type: 'password' }, { type: 'phone', detail: '+81 90 0000 0000' }]) },
    { name: 'a disabled admin is not asked', patch: (s) => Object.assign(person(s, PEOPLE.deputy.id), { enabled: false, authMethods: [{ type: 'password' }] }) },
  ],
  fail: [
    {
      name: 'a new Global Administrator with a password only (the seed case)',
      patch: (s) => {
        s.principals.push({ id: 'u-rogue', kind: 'user', upn: 'it-support@contoso.onmicrosoft.com', enabled: true, authMethods: [{ type: 'password' }] });
        s.roleAssignments.push({ principalId: 'u-rogue', roleTemplateId: ROLE.globalAdmin, kind: 'active' });
      },
      items: ['noMfa'],
      automated: false,
    },
    { name: 'email is not a second factor', patch: (s) => (person(s, PEOPLE.helpdesk.id).authMethods = [{ type: 'password' }, { type: 'email', detail: 'x@mail.example' }]), items: ['noMfa'] },
  ],
  skip: [
    { name: 'methods not readable', patch: (s) => (s.sources.authMethods = { state: 'denied', permission: 'UserAuthenticationMethod.Read.All' }), reason: 'source-denied' },
    { name: 'one admin has no method list', patch: (s) => delete person(s, PEOPLE.deputy.id).authMethods, reason: 'data-missing' },
  ],
};
