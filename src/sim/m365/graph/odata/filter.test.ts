// The $filter subset: comparisons, and/or/not precedence, functions, lambdas, literals, time bounds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate, pathsOf, timeBounds } from './filter-eval.ts';
import { FilterSyntaxError, parseFilter } from './filter-parse.ts';

const audit = {
  activityDisplayName: 'Add member to role',
  activityDateTime: '2026-05-12T18:49:00.1234567Z',
  initiatedBy: { user: { id: 'abc', userPrincipalName: "o'brien@example.com" }, app: null },
  targetResources: [{ id: 't1', type: 'User' }, { id: 't2', type: 'Role' }],
};

describe('$filter', () => {
  it('evaluates comparisons, precedence and case-insensitive strings', () => {
    assert.ok(evaluate(parseFilter("activityDisplayName eq 'add member to ROLE'"), audit));
    assert.ok(evaluate(parseFilter("activityDisplayName eq 'x' or activityDisplayName eq 'Add member to role' and initiatedBy/user/id eq 'abc'"), audit));
    assert.ok(!evaluate(parseFilter("(activityDisplayName eq 'x' or activityDisplayName eq 'Add member to role') and initiatedBy/user/id eq 'zzz'"), audit));
    assert.ok(evaluate(parseFilter("not (initiatedBy/app/appId eq 'q')"), audit));
    assert.ok(evaluate(parseFilter("initiatedBy/user/userPrincipalName eq 'o''brien@example.com'"), audit));
    assert.ok(evaluate(parseFilter("startswith(activityDisplayName, 'Add ')"), audit));
  });

  it('compares unquoted timestamps as instants and extracts the window', () => {
    const node = parseFilter('activityDateTime ge 2026-05-12T00:00:00Z and activityDateTime le 2026-05-13T00:00:00.000Z');
    assert.ok(evaluate(node, audit));
    assert.deepEqual(timeBounds(node, 'activityDateTime'), { from: Date.parse('2026-05-12T00:00:00Z'), to: Date.parse('2026-05-13T00:00:00Z') });
    assert.deepEqual(timeBounds(parseFilter("activityDisplayName eq 'x'"), 'activityDateTime'), { from: -Infinity, to: Infinity });
  });

  it('runs any/all lambdas and names the paths they touch', () => {
    const node = parseFilter("targetResources/any(t: t/type eq 'Role' and t/id eq 't2')");
    assert.ok(evaluate(node, audit));
    assert.ok(!evaluate(parseFilter("targetResources/all(t: t/type eq 'Role')"), audit));
    assert.deepEqual(pathsOf(node), ['targetResources/type', 'targetResources/id']);
    assert.ok(evaluate(parseFilter("tags/any(x: x eq 'b')"), { tags: ['a', 'b'] }));
    assert.deepEqual(pathsOf(parseFilter("tags/any(x: x eq 'b')")), ['tags']);
  });

  it('reads guids, numbers, booleans and null', () => {
    assert.ok(evaluate(parseFilter('skuId eq CDD28E44-67E3-425E-BE4C-737FAB2899D3'), { skuId: 'cdd28e44-67e3-425e-be4c-737fab2899d3' }));
    assert.ok(evaluate(parseFilter('status/errorCode ne 0 and isInteractive eq true and x eq null'), { status: { errorCode: 50126 }, isInteractive: true }));
  });

  it('rejects malformed filters', () => {
    for (const bad of ["activityDisplayName eq 'open", 'activityDisplayName eq', 'eq 3', "a eq 'x' and", 'a % 3']) {
      assert.throws(() => parseFilter(bad), FilterSyntaxError, bad);
    }
  });
});
