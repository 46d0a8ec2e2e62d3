// Merging lazy and explicit records in time order, both directions, resumable, within a window.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TimeOrderedLog } from './time-ordered-log.ts';

function log(): TimeOrderedLog<string> {
  // Lazy records at t = 0, 10, 20, ... 990; explicit ones in between and after.
  const l = new TimeOrderedLog<string>({ count: 100, timeOf: (i) => i * 10, make: (i) => `L${i}`, indexOf: (id) => Number(id.slice(1)) });
  for (const t of [995, 5, 505, 1000]) l.add(t, `E${t}`);
  return l;
}

function readAll(l: TimeOrderedLog<string>, descending: boolean, limit: number, fromMs = 0, toMs = 10_000): string[] {
  const out: string[] = [];
  let cursor;
  do {
    const page = l.page({ fromMs, toMs, descending, limit, scanBudget: 1000, cursor });
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out;
}

describe('TimeOrderedLog', () => {
  it('merges both sources in time order across pages, newest or oldest first', () => {
    const l = log();
    const asc = readAll(l, false, 7);
    assert.equal(asc.length, 104);
    assert.deepEqual(asc.slice(0, 3), ['L0', 'E5', 'L1']);
    assert.deepEqual(asc.slice(-3), ['L99', 'E995', 'E1000']);
    assert.deepEqual(readAll(l, true, 9), [...asc].reverse());
  });

  it('keeps to the time window and filters without losing its place', () => {
    const l = log();
    assert.deepEqual(readAll(l, false, 3, 500, 520), ['L50', 'E505', 'L51', 'L52']);
    const page = l.page({ fromMs: 0, toMs: 10_000, descending: true, limit: 5, scanBudget: 20, accept: (r) => r.startsWith('E') });
    assert.deepEqual(page.items, ['E1000', 'E995']);
    assert.ok(page.next, 'a short page still carries on, as Graph does when it stops scanning');
  });

  it('finds records by id in either source', () => {
    const l = log();
    assert.deepEqual(l.find('E505', (r) => r), { t: 505, record: 'E505' });
    assert.deepEqual(l.find('L42', (r) => r), { t: 420, record: 'L42' });
    assert.equal(l.find('L420', (r) => r), undefined);
  });
});
