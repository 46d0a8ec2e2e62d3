// One change logged several times (Entra's two records and their Unified Audit Log copies) is one
// finding with every record as evidence; a different change, or the same one later, stays separate.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CanonicalEvent } from '../core/event.ts';
import { detectSync } from './engine.ts';
import { ALICE, BOB, by, CAROL, change, ev, madeGlobalAdmin, MALLORY, OFFICE_IP, role, user } from './fixtures.ts';
import { DETECT_TEXT } from './registry.ts';

const E3 = '["[SkuName=ENTERPRISEPACK, AccountId=x, SkuId=6fd2c87f-b296-4f0f-b0c7-6ab0e40c6fd9, DisabledPlans=[]]"]';

/** A licence change as Entra logs it (two records) and as the UAL copies it (two more, seconds later). */
function licenceChange(at: string, to = BOB): CanonicalEvent[] {
  const later = new Date(Date.parse(at) + 4000).toISOString();
  const licence = (source: string, time: string, nativeAction: string, withChange: boolean) =>
    ev({ action: 'license.changed', source, time, nativeAction, actor: by(ALICE, OFFICE_IP), targets: [user(to)], changes: withChange ? [change('AssignedLicense', '[]', E3)] : [] });
  return [
    licence('entra.audit', at, 'Change user license', false),
    licence('entra.audit', at, 'Update user', true),
    licence('ual', later, 'Change user license.', false),
    licence('ual', later, 'Update user.', true),
  ];
}

const m14 = (events: CanonicalEvent[]) => detectSync(events).findings.filter((f) => f.ruleId === 'TB-M14-licence-changed');

describe('twin records of one change', () => {
  it('are one finding, with every record as evidence and the licence its better-informed record names', () => {
    const events = licenceChange('2026-10-05T01:00:00.000Z');
    const found = m14(events);
    assert.equal(found.length, 1);
    assert.deepEqual([...found[0]!.evidence.events].sort(), events.map((e) => e.id).sort());
    assert.match(DETECT_TEXT.render(found[0]!.text.explanation, 'en', found[0]!.params), /\(ENTERPRISEPACK\)/);
  });

  it('keep a second change of the same kind an hour later, or for someone else, apart', () => {
    const events = [...licenceChange('2026-10-05T01:00:00.000Z'), ...licenceChange('2026-10-05T02:00:00.000Z'), ...licenceChange('2026-10-05T01:00:30.000Z', CAROL)];
    assert.equal(m14(events).length, 3);
  });

  it('do not merge two different roles given to one person in the same minute', () => {
    const grant = (name: string) => ev({ action: 'role.assigned', nativeAction: 'Add member to role', time: '2026-10-05T01:00:00.000Z', actor: by(ALICE, OFFICE_IP), targets: [user(MALLORY), role(name)] });
    const found = detectSync([madeGlobalAdmin(ALICE), grant('Global Administrator'), grant('Exchange Administrator')]).findings.filter((f) => f.ruleId === 'TB-M2-privileged-role-assigned' && f.subject?.id === MALLORY.id);
    assert.equal(found.length, 2, found.map((f) => f.params.role).join());
  });
});
