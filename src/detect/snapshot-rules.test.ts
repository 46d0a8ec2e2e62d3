// State rules on small snapshots (a base plus a patch per test), and the seed case as a first scan of a
// Free tenant: the audit log holds only its last 7 days, so the story is told from creation dates, the
// recycle bin, the contacts and the subscriptions, with the two records that are still in the log.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Snapshot } from '../core/snapshot.ts';
import { GLOBAL_ADMIN_TEMPLATE_ID } from '../providers/m365/map/roles.ts';
import { detectSync } from './engine.ts';
import { ALICE, ATTACKER_IP, baseSnapshot, BOB, by, ev, MALLORY, patched, role, user } from './fixtures.ts';
import { DETECT_TEXT } from './registry.ts';

const RESTORE_PREFIX = ALICE.id.replace(/-/g, '');

/** The tenant on 2026-10-25 after the takeover: the rogue admin, the admin in the recycle bin, contacts and a licence changed. */
function takenOver(collectedAt = '2026-10-25T00:00:00.000Z'): Snapshot {
  return patched(baseSnapshot(collectedAt), (s) => {
    s.principals = s.principals.filter((p) => p.id !== ALICE.id);
    s.principals.push({ id: MALLORY.id, kind: 'user', upn: MALLORY.upn, enabled: true, createdAt: '2026-10-05T18:47:00Z' });
    s.roleAssignments = [{ principalId: MALLORY.id, roleTemplateId: GLOBAL_ADMIN_TEMPLATE_ID, roleName: 'Global Administrator', kind: 'active' }];
    s.deletedPrincipals = [{ id: ALICE.id, upn: `${RESTORE_PREFIX}${ALICE.upn}`, deletedAt: '2026-10-21T18:11:00Z' }];
    s.info!.notificationContacts.technical = ['it-notify@mailbox.example'];
    s.subscriptions.push({ id: 'sub-2', skuPartNumber: 'O365_BUSINESS_ESSENTIALS', totalLicenses: 5, isTrial: false, createdAt: '2026-10-22T19:30:00Z' });
  });
}

/** What a Free tenant's 7-day audit log still holds on 2026-10-25. */
const lastWeek = [
  ev({ action: 'role.unassigned', nativeAction: 'Remove member from role', time: '2026-10-21T18:09:00.000Z', actor: by(MALLORY, ATTACKER_IP), targets: [user(ALICE), role('Global Administrator')] }),
  ev({ action: 'user.deleted', nativeAction: 'Delete user', time: '2026-10-21T18:11:00.000Z', actor: by(MALLORY, ATTACKER_IP), targets: [{ kind: 'user', id: ALICE.id, name: `${RESTORE_PREFIX}${ALICE.upn}` }] }),
];

describe('snapshot rules', () => {
  it('tell the takeover on a first scan, from state and the last week of logs', () => {
    const { incidents } = detectSync(lastWeek, { current: takenOver() }, { now: '2026-10-25T00:00:00Z' });
    assert.equal(incidents.length, 1);
    const inc = incidents[0]!;
    assert.equal(inc.severity, 'critical');
    assert.deepEqual(
      inc.storyline.map((s) => s.kind),
      ['rogue-user-created', 'made-global-admin', 'original-admin-removed', 'original-admin-deleted', 'licence-bought', 'contacts-changed'],
    );
    const deleted = inc.storyline.find((s) => s.kind === 'original-admin-deleted')!;
    assert.deepEqual(deleted.ruleIds.sort(), ['TB-D3-admin-vanished', 'TB-M5-admin-deleted-or-disabled']);
    assert.equal(deleted.subject?.name, ALICE.upn, 'the recycle-bin prefix is not shown');
    assert.equal(deleted.params.restorableUntil, '2026-11-20');
    assert.equal(deleted.params.daysLeft, 27);
    const licence = inc.storyline.find((s) => s.kind === 'licence-bought')!;
    assert.deepEqual(licence.ruleIds, ['TB-D5-subscription-appeared']);
    assert.equal(licence.params.licence, 'O365_BUSINESS_ESSENTIALS ×5');
    // Nothing dates the contact change: it is shown as noticed at the scan.
    const contacts = inc.storyline.find((s) => s.kind === 'contacts-changed')!;
    assert.equal(contacts.timeExact, false);
  });

  it('tell it from two snapshots alone, without any log', () => {
    const previous = baseSnapshot('2026-10-01T00:00:00.000Z');
    const { findings, incidents } = detectSync([], { current: takenOver(), previous });
    const rules = findings.map((f) => f.ruleId).sort();
    assert.deepEqual(rules, [
      'TB-D1-new-admin-account',
      'TB-D2-made-admin',
      'TB-D3-admin-vanished',
      'TB-D4-contacts-changed',
      'TB-D5-subscription-appeared',
      'TB-S7-takeover-chain',
    ]);
    assert.equal(incidents.length, 1);
    assert.equal(incidents[0]!.severity, 'critical');
    const contacts = findings.find((f) => f.ruleId === 'TB-D4-contacts-changed')!;
    assert.match(DETECT_TEXT.render(contacts.text.notes[0]!, 'en', contacts.params), /alice@contoso\.example at the previous scan \(2026-10-01\)/);
  });

  it('report nothing when two snapshots are the same', () => {
    const { findings } = detectSync([], { current: baseSnapshot(), previous: baseSnapshot('2026-10-01T00:00:00.000Z') });
    assert.deepEqual(findings, []);
  });

  it('do not take an unreadable source for a vanished admin', () => {
    const current = patched(baseSnapshot(), (s) => {
      s.roleAssignments = [];
      s.principals = [];
      s.sources.users = { state: 'error', detail: '503 from Graph' };
    });
    const { findings } = detectSync([], { current, previous: baseSnapshot('2026-10-01T00:00:00.000Z') });
    assert.deepEqual(findings.map((f) => f.ruleId), []);
  });

  it('say a recently deleted account of unknown role is restorable, at low', () => {
    const current = patched(baseSnapshot(), (s) => (s.deletedPrincipals = [{ id: BOB.id, upn: BOB.upn, deletedAt: '2026-10-20T00:00:00Z', restorableUntil: '2026-11-19T00:00:00Z' }]));
    const { findings } = detectSync([], { current }, { now: '2026-10-25T00:00:00Z' });
    const f = findings.find((x) => x.ruleId === 'TB-D3-admin-vanished')!;
    assert.equal(f.severity, 'low');
    assert.equal(f.params.restorableUntil, '2026-11-19');
    assert.equal(f.params.daysLeft, 25);
  });
});
