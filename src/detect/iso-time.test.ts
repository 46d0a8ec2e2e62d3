// isoMs must agree with Date.parse on every input: canonical times take the fast path, the rest fall back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoMs } from './iso-time.ts';

function same(iso: string): void {
  const want = Date.parse(iso);
  const got = isoMs(iso);
  assert.ok(got === want || (Number.isNaN(got) && Number.isNaN(want)), `${iso}: ${got} ≠ ${want}`);
}

describe('isoMs', () => {
  it('reads canonical times exactly as Date.parse', () => {
    for (let t = Date.UTC(1990, 0, 1); t < Date.UTC(2040, 0, 1); t += 7_777_777_777) same(new Date(t).toISOString());
    same('2026-10-19T03:06:20.000Z');
    same('1970-01-01T00:00:00.000Z');
  });

  it('falls back on everything else, with the same result', () => {
    for (const s of ['2026-02-29T00:00:00.000Z', '2024-02-29T23:59:59.999Z', '2026-13-01T00:00:00.000Z', '2026-10-19T24:00:00.000Z', '0050-01-01T00:00:00.000Z', '2026-10-19T03:06:20Z', '2026-10-19T03:06:20.000+09:00', '2026-1a-19T03:06:20.000Z', 'garbage', '']) same(s);
  });
});
