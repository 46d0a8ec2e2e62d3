// The acceptance file is validated before use: a typo must never silently accept nothing (or, worse,
// look accepted). Dates without a time run to the end of that day.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AcceptanceError, isExpired, loadAcceptances, parseAcceptances } from './acceptance.ts';
import { CHECK_IDS } from './registry.ts';

const problemsOf = (text: string): string[] => {
  try {
    parseAcceptances(text, 'a.yaml', CHECK_IDS);
  } catch (e) {
    assert.ok(e instanceof AcceptanceError);
    assert.equal(e.code, 'assess.acceptance_invalid');
    return e.problems;
  }
  assert.fail('expected an AcceptanceError');
};

describe('acceptance file', () => {
  it('reads a valid file from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-accept-'));
    try {
      const file = join(dir, 'acceptances.yaml');
      writeFileSync(file, 'version: 1\nacceptances:\n  - check: TB-AAD-028-sspr-for-admins-reviewed\n    reason: admins reset with their own phones, checked 2026-10-01\n    expires: 2027-04-01\n    scope:\n      subjects: [owner@contoso.example]\n');
      const list = loadAcceptances(file, CHECK_IDS);
      assert.equal(list.acceptances.length, 1);
      assert.deepEqual(list.acceptances[0]?.scope?.subjects, ['owner@contoso.example']);
      assert.equal(list.file, file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('treats an empty file as no acceptances', () => {
    assert.deepEqual(parseAcceptances('', 'a.yaml').acceptances, []);
  });

  it('names each problem: missing reason, bad date, unknown check, unknown field', () => {
    assert.ok(problemsOf('acceptances:\n  - check: TB-AAD-001-global-admin-count\n    expires: 2027-01-01\n').some((p) => /acceptances\[0\].*reason/.test(p)));
    assert.ok(problemsOf('acceptances:\n  - check: TB-AAD-001-global-admin-count\n    reason: why not\n    expires: next year\n').some((p) => /acceptances\[0\]\.expires/.test(p)));
    assert.ok(problemsOf('acceptances:\n  - check: TB-AAD-001-global-admin-cuont\n    reason: typo\n    expires: 2027-01-01\n').some((p) => /no check TB-AAD-001-global-admin-cuont/.test(p)));
    assert.ok(problemsOf('acceptances:\n  - check: TB-AAD-001-global-admin-count\n    reason: sound\n    expires: 2027-01-01\n    until: 2028-01-01\n').some((p) => /additional/.test(p)));
    assert.ok(problemsOf('acceptances: [\n').length > 0, 'broken YAML');
    assert.ok(problemsOf('acceptances:\n  - check: TB-AAD-001-global-admin-count\n    reason: sound\n    expires: 2027-02-30\n').some((p) => /expires/.test(p)), 'an impossible date');
  });

  it('names the line of each problem, the unknown field, and every problem at once', () => {
    const text = [
      'version: 1',
      'acceptances:',
      '  - check: TB-AAD-028-sspr-for-admins-reviewed',
      '    reason: admins reset with their own phones',
      '    expires: 2027-02-30',
      '  - check: TB-AAD-001-global-admin-count',
      '    resaon: typo in the field name',
      '    expires: 2027-01-01',
      '',
    ].join('\n');
    const problems = problemsOf(text);
    assert.ok(problems.includes('line 5: acceptances[0].expires: not a date'), problems.join(' | '));
    assert.ok(problems.includes("line 6: acceptances[1]: must have required property 'reason'"), problems.join(' | '));
    assert.ok(problems.includes('line 6: acceptances[1]: must NOT have additional properties (resaon)'), problems.join(' | '));
    assert.ok(problemsOf('acceptances:\n  - check: TB-AAD-001-global-admin-count\n    reason: sound\n    expires: 2027-01-01\n    expires: 2027-02-01\n').some((p) => /line 5/.test(p)), 'a repeated key');
  });

  it('runs a date to the end of that day (UTC)', () => {
    const a = { check: 'x', reason: 'r', expires: '2026-10-20' };
    assert.equal(isExpired(a, '2026-10-20T23:59:59Z'), false);
    assert.equal(isExpired(a, '2026-10-21T00:00:01Z'), true);
    assert.equal(isExpired({ ...a, expires: '2026-10-20T12:00:00Z' }, '2026-10-20T13:00:00Z'), true);
  });
});
