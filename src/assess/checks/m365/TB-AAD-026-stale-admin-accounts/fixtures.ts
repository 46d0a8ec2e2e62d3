import { PEOPLE, daysAgo, person } from '../../../testing/base.ts';
import type { CheckFixtures } from '../../../testing/run-fixtures.ts';

export const fixtures: CheckFixtures = {
  pass: [{ name: 'emergency accounts unused for 200 days', patch: (s) => (person(s, PEOPLE.bg1.id).lastSignInAt = daysAgo(400)) }],
  fail: [
    { name: 'a disabled admin keeps the role', patch: (s) => (person(s, PEOPLE.deputy.id).enabled = false), items: ['disabledAdmin'], automated: false },
    { name: 'no sign-in for 120 days', patch: (s) => (person(s, PEOPLE.helpdesk.id).lastSignInAt = daysAgo(120)), items: ['noRecentSignIn'] },
    { name: 'a disabled admin on a Free tenant (no sign-in times needed)', patch: (s) => { s.licence = { tier: 'Free', auditRetentionDays: 7, signInLogs: false }; for (const p of s.principals) delete p.lastSignInAt; person(s, PEOPLE.deputy.id).enabled = false; }, items: ['disabledAdmin'] },
  ],
  skip: [
    { name: 'Free tenant: no sign-in times', patch: (s) => { s.licence = { tier: 'Free', auditRetentionDays: 7, signInLogs: false }; for (const p of s.principals) delete p.lastSignInAt; }, reason: 'needs-licence' },
    { name: 'sign-in activity not collected', patch: (s) => { delete s.sources.signInActivity; for (const p of s.principals) delete p.lastSignInAt; }, reason: 'not-collected' },
  ],
};
