import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stableEventId } from '../../../core/event.ts';
import { RecordError } from '../../common/normalise.ts';
import { googleParams, isGoogleActivity, normaliseGoogleActivity } from './activity.ts';

describe('Google Workspace activity', () => {
  const activity = {
    kind: 'admin#reports#activity',
    id: { time: '2026-10-05T01:27:30.123Z', uniqueQualifier: '-42', applicationName: 'admin', customerId: 'C01' },
    actor: { callerType: 'KEY', key: 'SYSTEM' },
    events: [
      { type: 'USER_SETTINGS', name: 'CHANGE_PASSWORD', parameters: [{ name: 'USER_EMAIL', value: 'owner@example.com' }] },
      { type: 'GROUP_SETTINGS', name: 'ADD_GROUP_MEMBER', parameters: [{ name: 'GROUP_EMAIL', value: 'admins@example.com' }, { name: 'USER_EMAIL', value: 'x@example.com' }] },
    ],
  };

  it('one event per entry, ids by index, system actor', () => {
    assert.ok(isGoogleActivity(activity));
    const events = normaliseGoogleActivity(activity, { fallbackTenant: 'fallback' });
    assert.equal(events.length, 2);
    assert.equal(events[0]!.id, stableEventId('gws', 'gws.admin', '2026-10-05T01:27:30.123Z|-42|0'));
    assert.equal(events[1]!.id, stableEventId('gws', 'gws.admin', '2026-10-05T01:27:30.123Z|-42|1'));
    assert.equal(events[0]!.tenant, 'C01');
    assert.deepEqual(events[0]!.actor, { kind: 'system' });
    assert.deepEqual(events[1]!.targets, [
      { kind: 'user', name: 'x@example.com' },
      { kind: 'group', name: 'admins@example.com' },
    ]);
  });

  it('parameter value slots', () => {
    assert.deepEqual(
      googleParams([
        { name: 'a', value: 'x' },
        { name: 'b', intValue: '12' },
        { name: 'c', boolValue: false },
        { name: 'd', multiValue: ['p', 'q'] },
        { name: 'e', multiIntValue: ['1', '2'] },
        { name: 'f', messageValue: { parameter: [{ name: 'k', value: 'v' }] } },
      ]),
      { a: 'x', b: '12', c: false, d: ['p', 'q'], e: ['1', '2'], f: '{"parameter":[{"name":"k","value":"v"}]}' },
    );
  });

  it('an activity without events or time is rejected', () => {
    assert.throws(() => normaliseGoogleActivity({ ...activity, events: [] }), (e: unknown) => e instanceof RecordError && e.code === 'import.record.no_action');
    assert.throws(
      () => normaliseGoogleActivity({ ...activity, id: { ...activity.id, time: undefined } }),
      (e: unknown) => e instanceof RecordError && e.code === 'import.record.no_time',
    );
  });
});
