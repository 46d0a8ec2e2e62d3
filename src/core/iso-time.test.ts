// isoMs must agree with Date.parse on every input: canonical times take the fast path, the rest fall back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCanonicalIso, isoMs } from './iso-time.ts';

function same(text: string): void {
  const want = Date.parse(text);
  const got = isoMs(text);
  assert.ok(Object.is(got, want), `${text}: ${got} instead of ${want}`);
}

/** Times in the canonical shape with every field drawn at random, out-of-range values included. */
function randomTimes(seed: number, count: number): string[] {
  let state = seed;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  return Array.from(
    { length: count },
    () => `${pad(next(10000), 4)}-${pad(next(14), 2)}-${pad(next(33), 2)}T${pad(next(26), 2)}:${pad(next(62), 2)}:${pad(next(62), 2)}.${pad(next(1000), 3)}Z`,
  );
}

describe('isoMs', () => {
  it('agrees with Date.parse on canonical times and their edge cases', () => {
    for (const t of [
      '2026-10-01T00:00:00.000Z',
      '2026-12-31T23:59:59.999Z',
      '2024-02-29T12:00:00.000Z',
      '2026-02-29T12:00:00.000Z',
      '2026-02-31T00:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '2026-00-10T00:00:00.000Z',
      '2026-04-31T00:00:00.000Z',
      '2026-01-01T24:00:00.000Z',
      '2026-01-01T23:60:00.000Z',
      '2026-01-01T23:00:60.000Z',
      '0050-01-01T00:00:00.000Z',
      '0000-01-01T00:00:00.000Z',
      '1900-02-29T00:00:00.000Z',
      '2000-02-29T00:00:00.000Z',
      '2100-02-29T00:00:00.000Z',
      '2400-02-29T00:00:00.000Z',
      '2026-01-31T00:00:00.000Z',
      '2026-06-30T23:59:59.999Z',
      '2026-06-31T00:00:00.000Z',
      '1970-01-01T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '0100-03-01T00:00:00.000Z',
      '0400-02-29T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      '2026-1a-01T00:00:00.000Z',
      '2026-10-01T00:00:00Z',
      '2026-10-01T00:00:00.000+01:00',
      '2026-10-01 00:00:00.000Z',
      '',
      'not a time',
    ]) {
      same(t);
    }
  });

  it('agrees with Date.parse on random times', () => {
    for (const t of randomTimes(7, 20000)) same(t);
  });

  it('says a time is canonical only when its text order is the order of its instants', () => {
    const canonical: string[] = [];
    for (const t of randomTimes(11, 20000)) {
      const ms = Date.parse(t);
      // Canonical: the text is a real instant written back exactly (no day or hour rolled over).
      const exact = Number.isFinite(ms) && ms >= Date.parse('0100-01-01T00:00:00.000Z') && new Date(ms).toISOString() === t;
      assert.equal(isCanonicalIso(t), exact, t);
      if (exact) canonical.push(t);
    }
    assert.ok(canonical.length > 1000);
    const byText = [...canonical].sort();
    const byInstant = [...canonical].sort((a, b) => Date.parse(a) - Date.parse(b));
    assert.deepEqual(byText, byInstant);
    for (const t of ['2026-02-30T00:00:00.000Z', '2026-04-31T00:00:00.000Z', '2026-10-01T00:00:00Z', '2026-1a-01T00:00:00.000Z', '0099-12-31T23:59:59.999Z']) {
      assert.equal(isCanonicalIso(t), false, t);
    }
    assert.equal(isCanonicalIso('2024-02-29T23:59:59.999Z'), true);
  });
});
