// The specification's schema test rules are accepted, and variants that break the specification are
// refused with the property at fault; the copied schemas are the specification's.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { schemaErrors, type DocKind } from './schema.ts';
import { check } from './testing/harness.ts';

const SPEC = new URL('../../../shared/data/sigma-spec/', import.meta.url).pathname;
const TESTS = join(SPEC, 'tests/schema');
const KIND: Record<string, DocKind> = { rules: 'rule', correlation: 'correlation', filter: 'filter' };

function specTests(): Array<{ dir: string; file: string; doc: Record<string, unknown> }> {
  return Object.keys(KIND).flatMap((dir) =>
    readdirSync(join(TESTS, dir))
      .filter((f) => f.endsWith('.yml'))
      .map((file) => ({ dir, file, doc: parse(readFileSync(join(TESTS, dir, file), 'utf8')) as Record<string, unknown> })),
  );
}

describe('Sigma JSON schemas', () => {
  it('are the specification v2.1.0 files', () => {
    for (const f of readdirSync(join(SPEC, 'json-schema'))) {
      assert.equal(readFileSync(new URL(`./schema/${f}`, import.meta.url), 'utf8'), readFileSync(join(SPEC, 'json-schema', f), 'utf8'), f);
    }
  });

  for (const t of specTests()) {
    it(`accepts the specification's ${t.dir}/${t.file}`, () => {
      assert.deepEqual(schemaErrors(KIND[t.dir]!, t.doc), []);
    });
  }

  const rule = specTests().find((t) => t.file === 'rule_1.yml')!.doc;
  const corr = specTests().find((t) => t.file === 'event_count.yml')!.doc;
  const filter = specTests().find((t) => t.file === 'filter_1.yml')!.doc;
  const variants: Array<[string, DocKind, Record<string, unknown>, RegExp]> = [
    ['rule without title', 'rule', { ...rule, title: undefined }, /'title' is required/],
    ['rule without logsource', 'rule', { ...rule, logsource: undefined }, /'logsource' is required/],
    ['rule without detection', 'rule', { ...rule, detection: undefined }, /'detection' is required/],
    ['detection without condition', 'rule', { ...rule, detection: { selection: { a: 1 } } }, /detection: 'condition' is required/],
    ['id that is not a UUID', 'rule', { ...rule, id: 'rule-1' }, /id: must match format "uuid"/],
    ['unknown level', 'rule', { ...rule, level: 'severe' }, /level/],
    ['unknown status', 'rule', { ...rule, status: 'production' }, /status/],
    ['date with slashes', 'rule', { ...rule, date: '2017/05/09' }, /date: must match pattern/],
    ['tag with capitals and spaces', 'rule', { ...rule, tags: ['attack.Persistence Now'] }, /tags.0: must match pattern/],
    ['title longer than 256', 'rule', { ...rule, title: 'x'.repeat(257) }, /title: must NOT have more than 256 characters/],
    ['related without type', 'rule', { ...rule, related: [{ id: '6c82cf5c-090d-4d57-9188-533577631108' }] }, /related.0: 'type' is required/],
    ['correlation without timespan', 'correlation', { ...corr, correlation: { ...(corr.correlation as object), timespan: undefined } }, /'timespan' is required/],
    ['correlation of an unknown type', 'correlation', { ...corr, correlation: { ...(corr.correlation as object), type: 'sequence' } }, /correlation.type/],
    ['event_count without group-by', 'correlation', { ...corr, correlation: { ...(corr.correlation as object), 'group-by': undefined } }, /'group-by' is required/],
    ['filter without rules', 'filter', { ...filter, filter: { ...(filter.filter as object), rules: undefined } }, /filter: 'rules' is required/],
    ['filter without logsource', 'filter', { ...filter, logsource: undefined }, /'logsource' is required/],
  ];
  for (const [name, kind, doc, error] of variants) {
    it(`refuses a ${name}`, () => {
      const clean = JSON.parse(JSON.stringify(doc)) as unknown;
      assert.match(schemaErrors(kind, clean).join('\n'), error);
    });
  }
});

describe('sigma check', () => {
  it('says per document whether it loads, why not, and what the schema says', () => {
    const r = check(`title: Fine
id: 545a5da6-f103-4919-a519-e9aec1026ee4
logsource: { product: azure, service: auditlogs }
detection:
    selection:
        operationName: Add user
    condition: selection
---
title: Odd date but runnable
date: 2024/01/02
logsource: { product: azure, service: auditlogs }
detection:
    selection:
        operationName: Add user
    condition: selection
---
title: Broken
logsource: { product: azure, service: auditlogs }
detection:
    selection:
        operationName|bogus: Add user
    condition: selection
---
title: Elsewhere
logsource: { product: okta, service: okta }
detection:
    selection:
        eventType: user.lifecycle.create
    condition: selection
`);
    assert.deepEqual(
      r.entries.map((e) => [e.title, e.loads, e.reason, e.schemaErrors.length > 0, e.active]),
      [
        ['Fine', true, undefined, false, true],
        ['Odd date but runnable', true, undefined, true, true],
        ['Broken', false, "operationName|bogus: unknown modifier 'bogus'", false, undefined],
        ['Elsewhere', true, 'no field map for logsource product=okta service=okta: takeback stores no events of this kind', false, false],
      ],
    );
    assert.equal(r.entries[0]!.line, 1);
    assert.equal(r.entries[1]!.line, 9);
    // The reason is the entry's state, not a warning besides it.
    assert.deepEqual(r.entries[3]!.warnings, []);
  });

  it('loads a rule with a Sigma 1.0 timeframe and says the timeframe is ignored', () => {
    const r = check(`title: Old style
logsource: { product: azure, service: auditlogs }
detection:
    selection:
        operationName: Add user
    timeframe: 5m
    condition: selection
`);
    assert.equal(r.entries[0]!.loads, true);
    assert.deepEqual(r.entries[0]!.warnings, ['detection.timeframe is Sigma 1.0 syntax and is ignored']);
    assert.deepEqual(
      r.loaded.warnings.map((w) => [w.code, w.title]),
      [['timeframe', 'Old style']],
    );
  });
});
