// Storylines: what joins an incident and what stays out. Built like the simulated seed case: the
// intruder works as the admin from abroad while the real admin keeps working at the office.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CanonicalEvent } from '../core/event.ts';
import { detectSync } from './engine.ts';
import { ALICE, ATTACKER_IP, BOB, by, CAROL, change, ev, MALLORY, OFFICE_IP, role, user, type Person } from './fixtures.ts';

const NEW_HIRE: Person = { id: 'f5f5f5f5-0000-4000-8000-000000000005', upn: 'y.mori@contoso.example' };

function signin(who: Person, ip: string, time: string, country: string, failed = false): CanonicalEvent {
  return ev({ action: failed ? 'signin.failed' : 'signin', source: 'entra.signin', result: failed ? 'failure' : 'success', time, actor: by(who, ip), raw: { location: { countryOrRegion: country } } });
}

/** Days before 2026-10-25, at hh:mm UTC. */
function ago(days: number, hh: number, mm: number): string {
  return new Date(Date.parse('2026-10-25T00:00:00Z') - days * 86_400_000 + (hh * 60 + mm) * 60_000).toISOString();
}

function simulatedSeedCase(): CanonicalEvent[] {
  const out: CanonicalEvent[] = [];
  // A month of staff sign-ins from Japan.
  for (let d = 30; d > 0; d--) out.push(signin(BOB, OFFICE_IP, ago(d, 0, 30), 'JP'), signin(CAROL, '198.51.100.57', ago(d, 0, 40), 'JP'));
  // Day -21: password spraying succeeds; an Authenticator is registered on the admin.
  out.push(signin(ALICE, ATTACKER_IP, ago(21, 17, 2), 'NL', true), signin(ALICE, ATTACKER_IP, ago(21, 17, 5), 'NL', true), signin(ALICE, ATTACKER_IP, ago(21, 17, 11), 'NL'));
  out.push(ev({ action: 'auth.method.registered', nativeAction: 'User registered security info', time: ago(21, 17, 16), actor: by(ALICE, ATTACKER_IP), targets: [user(ALICE)] }));
  // Day -20: the rogue Global Administrator.
  out.push(signin(ALICE, ATTACKER_IP, ago(20, 18, 40), 'NL'));
  out.push(ev({ action: 'user.created', nativeAction: 'Add user', time: ago(20, 18, 47), actor: by(ALICE, ATTACKER_IP), targets: [user(MALLORY)] }));
  out.push(ev({ action: 'role.assigned', nativeAction: 'Add member to role', time: ago(20, 18, 49), actor: by(ALICE, ATTACKER_IP), targets: [user(MALLORY), role('Global Administrator')] }));
  out.push(signin(MALLORY, ATTACKER_IP, ago(19, 19, 5), 'NL'));
  // Day -12: notifications go to the intruder.
  out.push(ev({ action: 'tenant.contacts.changed', nativeAction: 'Set Company Information', time: ago(12, 20, 12), actor: by(MALLORY, ATTACKER_IP), changes: [change('TechnicalNotificationMails', '["alice@contoso.example"]', '["it-notify@mailbox.example"]')] }));
  // The real admin's ordinary work at the office: a reset, a new hire and her licence.
  out.push(signin(ALICE, OFFICE_IP, ago(9, 1, 30), 'JP'));
  out.push(ev({ action: 'password.reset', nativeAction: 'Reset password', time: ago(9, 1, 42), actor: by(ALICE, OFFICE_IP), targets: [user(BOB)] }));
  out.push(ev({ action: 'user.created', nativeAction: 'Add user', time: ago(8, 2, 10), actor: by(ALICE, OFFICE_IP), targets: [user(NEW_HIRE)] }));
  out.push(ev({ action: 'license.changed', nativeAction: 'Change user license', time: ago(6, 0, 55), actor: by(ALICE, OFFICE_IP), targets: [user(NEW_HIRE)] }));
  // Day -4: the admin removed and deleted.
  out.push(ev({ action: 'role.unassigned', nativeAction: 'Remove member from role', time: ago(4, 18, 9), actor: by(MALLORY, ATTACKER_IP), targets: [user(ALICE), role('Global Administrator')] }));
  out.push(ev({ action: 'user.deleted', nativeAction: 'Delete user', time: ago(4, 18, 11), actor: by(MALLORY, ATTACKER_IP), targets: [user(ALICE)] }));
  return out;
}

describe('storyline', () => {
  it("keeps the real admin's office work out of the intruder's story", () => {
    const { incidents, findings } = detectSync(simulatedSeedCase());
    assert.equal(incidents.length, 1);
    assert.deepEqual(
      incidents[0]!.storyline.map((s) => s.kind),
      ['admin-signin-unusual', 'security-info-registered', 'rogue-user-created', 'made-global-admin', 'contacts-changed', 'original-admin-removed', 'original-admin-deleted'],
    );
    // The new hire was found (low), but is no part of the incident.
    const hire = findings.find((f) => f.ruleId === 'TB-M1-user-created' && f.subject?.name === NEW_HIRE.upn)!;
    assert.equal(hire.severity, 'low');
    assert.ok(!incidents[0]!.findings.includes(hire.id));
  });

  it('explains the sign-in by the password guessing and the new country', () => {
    const { findings } = detectSync(simulatedSeedCase());
    const signin = findings.find((f) => f.ruleId === 'TB-C1-admin-signin-unusual')!;
    assert.equal(signin.time, ago(21, 17, 11));
    assert.deepEqual(
      signin.text.notes.map((n) => n.split('.').pop()).sort(),
      ['afterFailures', 'newCountry', 'newIpThenChanges', 'sharedWithNewAccount'],
    );
  });

  it('gives the same incident whatever order the events come in', () => {
    const events = simulatedSeedCase();
    const a = detectSync(events);
    const b = detectSync([...events].reverse());
    assert.equal(a.incidents[0]!.id, b.incidents[0]!.id);
    assert.deepEqual(
      b.incidents[0]!.storyline.map((s) => s.kind),
      a.incidents[0]!.storyline.map((s) => s.kind),
    );
    assert.deepEqual(b.findings.map((f) => f.id).sort(), a.findings.map((f) => f.id).sort());
  });

  it('turns a removed rogue admin into containment, not a lock-out', () => {
    const events = [
      ...simulatedSeedCase(),
      ev({ action: 'role.unassigned', nativeAction: 'Remove member from role', time: ago(1, 2, 0), actor: by(CAROL, OFFICE_IP), targets: [user(MALLORY), role('Global Administrator')] }),
    ];
    const { incidents } = detectSync(events);
    const kinds = incidents[0]!.storyline.map((s) => s.kind);
    assert.equal(kinds[kinds.length - 1], 'admin-removed');
  });

  it('makes no incident of unrelated low findings', () => {
    const { incidents } = detectSync([ev({ action: 'user.created', actor: by(ALICE, OFFICE_IP), targets: [user(BOB)] }), ev({ action: 'license.changed', actor: by(ALICE, OFFICE_IP), targets: [user(BOB)] })]);
    assert.deepEqual(incidents, []);
  });
});
