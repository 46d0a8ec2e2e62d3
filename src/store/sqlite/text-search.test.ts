// The stored-text shortcut of the text filter must never drop an event whose JSON holds the needle:
// checked against the filter's definition on chosen records and on random ones.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeEvent } from '../../../test/helpers/events.ts';
import { stableEventId, type CanonicalEvent } from '../../core/event.ts';
import { decodeRecord, packRecords, recordText } from './records.ts';
import { recordMayHold, searchableInRecord } from './text-search.ts';

/** A UAL event whose id is derived from its raw record's Id, as the importers make it. */
function event(raw: Record<string, unknown>): CanonicalEvent {
  return makeEvent({ source: 'ual', raw, id: stableEventId('m365', 'ual', String(raw.Id)) });
}

/** The stored record of an event whose source wrote its raw record as `rawText`. */
function stored(e: CanonicalEvent, rawText?: string): string {
  return packRecords([recordText(e, rawText)], false).bytes.toString('utf8');
}

/** The filter's definition: the decoded event's JSON holds the needle, ignoring case. */
function matches(record: string, needle: string): boolean {
  return JSON.stringify(decodeRecord(record)).toLowerCase().includes(needle.toLowerCase());
}

function shortcut(record: string, needle: string): boolean {
  const lower = needle.toLowerCase();
  return recordMayHold(record, lower, searchableInRecord(lower));
}

describe('text search on stored records', () => {
  it('skips a record that cannot hold the needle and keeps one that does', () => {
    const record = stored(event({ Id: 'a1', Operation: 'Add user.', UserId: 'Mallory@evil.example' }));
    assert.equal(shortcut(record, 'MALLORY'), true);
    assert.equal(matches(record, 'MALLORY'), true);
    assert.equal(shortcut(record, 'zzz-nowhere'), false);
  });

  it('finds what only the decoded event shows: escapes, numbers, the left-out id', () => {
    const e = event({ Id: 'b2', Name: 'Zoë <admin>/ops', Count: 1000, Ratio: 0.5 });
    // The source wrote the name with \u escapes and \/, the numbers in other forms, and spaces.
    const rawText = '{"Id": "b2", "Name": "Zo\\u00EB \\u003cadmin\\u003e\\/ops", "Count": 1E3, "Ratio": 0.50}';
    const record = stored(e, rawText);
    assert.ok(!record.includes(e.id), 'the id is derived, not stored');
    for (const needle of ['zoë', '<admin>', 'admin>/ops', '1000', e.id.slice(3, 11), '0.5']) {
      assert.equal(matches(record, needle), true, needle);
      assert.equal(shortcut(record, needle), true, needle);
    }
  });

  it('checks structural and id-like needles on the decoded event', () => {
    assert.equal(searchableInRecord('"operation":"add user."'), false);
    assert.equal(searchableInRecord('deadbeef'), false);
    assert.equal(searchableInRecord('1e+21'), false);
    assert.equal(searchableInRecord('add user'), true);
    assert.equal(searchableInRecord('203.0.113.7 x'), true);
  });

  it('never drops a match on random records', () => {
    let seed = 20261127;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const alphabet = ['a', 'B', 'z', 'é', 'Σ', 'ς', 'İ', '日', '"', '\\', '/', '\n', '\t', '\u0001', '\u2028', ' ', ':', ',', '1', '.', 'e', 'Q', '\ud83d\ude00'];
    const word = (): string => Array.from({ length: 1 + rand(8) }, () => alphabet[rand(alphabet.length)]!).join('');
    // Ways a source may write a value JSON.stringify writes otherwise.
    const writeString = (s: string): string =>
      rand(2) === 0
        ? JSON.stringify(s)
        : `"${s.split('').map((c) => (c === '"' || c === '\\' || c < ' ' || rand(3) === 0 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c === '/' ? '\\/' : c)).join('')}"`;
    const writeNumber = (n: number): string => [String(n), n.toExponential(), Number.isInteger(n) ? `${n}.0` : `${n}0`][rand(3)]!;
    let checked = 0;
    for (let i = 0; i < 400; i++) {
      const raw: Record<string, unknown> = { Id: `id-${i}` };
      const parts = [`"Id": "id-${i}"`];
      for (let k = 0; k < 4; k++) {
        const key = `K${k}${word()}`;
        const value = rand(3) === 0 ? rand(100000) / 100 : word();
        raw[key] = value;
        parts.push(`${writeString(key)}${rand(2) ? ' : ' : ':'}${typeof value === 'number' ? writeNumber(value) : writeString(value)}`);
      }
      // JSON.parse keeps the last of keys written twice: keys here are distinct.
      const rawText = `{${parts.join(rand(2) ? ', ' : ',')}}`;
      assert.deepEqual(JSON.parse(rawText), raw);
      const record = stored(event(raw), rawText);
      const json = JSON.stringify(decodeRecord(record)).toLowerCase();
      for (let n = 0; n < 20; n++) {
        const from = rand(json.length);
        const needle = rand(4) === 0 ? word() : json.slice(from, from + 1 + rand(12));
        if (matches(record, needle)) {
          checked++;
          assert.equal(shortcut(record, needle), true, `${JSON.stringify(needle)} in ${record}`);
        }
      }
    }
    assert.ok(checked > 4000, `enough matching needles were tried (${checked})`);
  });
});
