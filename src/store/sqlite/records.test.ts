// A record leaves out the event id when the raw record holds the value it is derived from, and
// reading it back gives the same event; any other id is kept as it is.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stableEventId, type CanonicalEvent } from '../../core/event.ts';
import { decodeRecord, decodeRecordFields, packRecords, recordText } from './records.ts';

function event(id: string, raw: unknown): CanonicalEvent {
  return {
    id,
    tenant: 't1',
    provider: 'm365',
    source: 'ual',
    time: '2026-10-05T01:00:00.000Z',
    action: 'user.created',
    nativeAction: 'Add user.',
    actor: { kind: 'user', name: 'admin@contoso.example' },
    targets: [{ kind: 'user', name: 'new@contoso.example' }],
    changes: [],
    result: 'success',
    raw,
  };
}

function roundTrip(e: CanonicalEvent, rawText?: string): { text: string; back: CanonicalEvent } {
  const r = recordText(e, rawText);
  const text = packRecords([r], false).bytes.toString('utf8');
  return { text, back: decodeRecord(text) };
}

describe('records', () => {
  it('derive the id from the raw record when it is the hash of its Id, and read back the same event', () => {
    const native = '4d2f3b6a-1c9e-4f0b-8a7d-2e5c6b9a0f13';
    const raw = { Id: native, Operation: 'Add user.', CreationTime: '2026-10-05T01:00:00' };
    const e = event(stableEventId('m365', 'ual', native), raw);
    const { text, back } = roundTrip(e, JSON.stringify(raw));
    assert.ok(!text.includes(e.id), 'the 32-hex id is not stored');
    assert.deepEqual(back, e);
    assert.deepEqual(Object.keys(back)[0], 'id');
    assert.equal(decodeRecordFields(text).id, e.id);
  });

  it('finds the id inside a Purview row (AuditData.Id)', () => {
    const native = '0f0e0d0c-0b0a-4909-8807-060504030201';
    const raw = { RecordId: 'other', AuditData: { Id: native } };
    const e = event(stableEventId('m365', 'ual', native), raw);
    const { text, back } = roundTrip(e);
    assert.ok(!text.includes(e.id));
    assert.deepEqual(back, e);
  });

  it('keeps an id that is not derived from the raw record, or derived from content', () => {
    for (const e of [event('fx-000001', { Id: 'x' }), event(stableEventId('m365', 'ual', 'elsewhere'), { Id: 'x' })]) {
      const { text, back } = roundTrip(e);
      assert.ok(text.includes(e.id));
      assert.deepEqual(back, e);
    }
  });

  it('refuses to invent an id when the raw record no longer holds its source', () => {
    const native = 'abc';
    const e = event(stableEventId('m365', 'ual', native), { Id: native });
    const text = packRecords([recordText(e, undefined)], false).bytes.toString('utf8').replace('"Id":"abc"', '"Id":""');
    assert.throws(() => decodeRecord(text), /cannot be derived/);
  });
});
