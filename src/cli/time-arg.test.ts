import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTimeArg, scopeFilter } from './time-arg.ts';

const NOW = new Date('2026-11-01T12:00:00.000Z');

describe('time arguments', () => {
  it('--since starts at the time written, in UTC unless a zone is given', () => {
    assert.equal(parseTimeArg('2021-04-28', '--since', NOW), '2021-04-28T00:00:00.000Z');
    assert.equal(parseTimeArg('2021-04-28T14:08', '--since', NOW), '2021-04-28T14:08:00.000Z');
    assert.equal(parseTimeArg('2021-04-28 14:08:45', '--since', NOW), '2021-04-28T14:08:45.000Z');
    assert.equal(parseTimeArg('2021-04-28T14:08:45.5Z', '--since', NOW), '2021-04-28T14:08:45.500Z');
    assert.equal(parseTimeArg('2021-04-28T23:08:45+09:00', '--since', NOW), '2021-04-28T14:08:45.000Z');
    assert.equal(parseTimeArg('2021-04-28T23:08:45+0900', '--since', NOW), '2021-04-28T14:08:45.000Z');
    assert.equal(parseTimeArg('7d', '--since', NOW), '2026-10-25T12:00:00.000Z');
  });

  it('--until includes the whole day, minute or second written (the table shows times to the second)', () => {
    assert.equal(parseTimeArg('2021-04-28', '--until', NOW, 'end'), '2021-04-28T23:59:59.999Z');
    assert.equal(parseTimeArg('2021-04-28T14:08', '--until', NOW, 'end'), '2021-04-28T14:08:59.999Z');
    assert.equal(parseTimeArg('2021-04-28 14:08:45', '--until', NOW, 'end'), '2021-04-28T14:08:45.999Z');
    assert.equal(parseTimeArg('2021-04-28T14:08:45.4Z', '--until', NOW, 'end'), '2021-04-28T14:08:45.499Z');
    assert.equal(parseTimeArg('2021-04-28T14:08:45.123Z', '--until', NOW, 'end'), '2021-04-28T14:08:45.123Z');
    assert.equal(parseTimeArg('2021-04-28T23:08:45+09:00', '--until', NOW, 'end'), '2021-04-28T14:08:45.999Z');
    assert.equal(parseTimeArg('24h', '--until', NOW, 'end'), '2026-10-31T12:00:00.000Z');
    assert.deepEqual(scopeFilter({ since: '2021-04-28', until: '2021-04-28' }), { since: '2021-04-28T00:00:00.000Z', until: '2021-04-28T23:59:59.999Z' });
  });

  it('refuses dates that do not exist and text that is not a time, naming the option', () => {
    for (const bad of ['2021-02-30', '2021-13-01', '2021-04-28T25:00', '2021-04-28T14:61', 'garbage', '', '2021-04-28T14:08:45+25:00', '28/04/2021']) {
      assert.throws(
        () => parseTimeArg(bad, '--until', NOW, 'end'),
        (e: Error & { code?: string; params?: Record<string, string> }) => e.code === 'cli.bad_time' && e.params?.option === '--until' && e.params.value === bad,
        bad,
      );
    }
  });
});
