// Events read back with shared strings are the same events, in the same key order; the table of
// shared strings stays bounded.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CanonicalEvent } from '../../core/event.ts';
import { StringInterner } from './intern.ts';
import { decodeRecord, packRecords, recordText } from './records.ts';

function signIn(i: number): CanonicalEvent {
  return {
    id: `e${i}`,
    tenant: 'contoso.example',
    provider: 'm365',
    source: 'entra.signin',
    time: `2026-10-05T01:00:0${i}.000Z`,
    action: 'signin',
    nativeAction: 'Sign-in activity',
    actor: { kind: 'user', id: 'u-1', name: 'admin@contoso.example', ip: '203.0.113.7', userAgent: 'Mozilla/5.0' },
    targets: [{ kind: 'app', id: 'a-1', name: 'Azure Portal' }],
    changes: [{ name: 'StrongAuthenticationMethod', old: null, new: '[]' }],
    result: 'success',
    raw: { id: `n${i}`, userPrincipalName: 'admin@contoso.example' },
  };
}

describe('StringInterner', () => {
  it('reads back every event unchanged, keys in canonical order, whatever form its record has', () => {
    const strings = new StringInterner();
    const events = [signIn(1), signIn(2), { ...signIn(3), raw: undefined as unknown }];
    for (const e of events) {
      const text = packRecords([recordText(e, undefined)], false).bytes.toString('utf8');
      const back = decodeRecord(text, strings);
      assert.deepEqual(back, JSON.parse(JSON.stringify(e)));
      assert.deepEqual(Object.keys(back), Object.keys(JSON.parse(JSON.stringify(e)) as object));
    }
    assert.ok(strings.size > 0 && strings.size < 20, `a few distinct strings kept (${strings.size})`);
  });

  it('leaves a record of another shape as it is: no property added, nothing but strings replaced', () => {
    const strings = new StringInterner();
    for (const text of [
      '{"id":"x","tenant":"t1","actor":null,"targets":"none","changes":[null,7]}',
      '{"id":"y","tenant":7,"actor":{"kind":"user"},"targets":[{"kind":"user"},null,"z"]}',
      '{"id":"z"}',
    ]) {
      const back = decodeRecord(text, strings) as unknown;
      assert.deepEqual(back, JSON.parse(text));
      assert.equal(JSON.stringify(back), text, 'same keys, same order');
    }
  });

  it('keeps one copy of a repeated string and leaves long text alone', () => {
    const strings = new StringInterner();
    const first = ['admin@', 'contoso.example'].join('');
    assert.equal(strings.intern(first), first);
    assert.equal(strings.intern(`admin@contoso.${'example'}`), first);
    assert.equal(strings.size, 1);
    strings.intern('x'.repeat(600));
    assert.equal(strings.size, 1, 'free text is not kept');
  });

  it('starts its table again instead of growing without bound', () => {
    const strings = new StringInterner();
    for (let i = 0; i < 250_000; i++) strings.intern(`user${i}@contoso.example`);
    assert.ok(strings.size <= 100_000, `at most 100,000 strings kept (${strings.size})`);
  });
});
