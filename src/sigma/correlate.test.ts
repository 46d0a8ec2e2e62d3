// Correlation semantics at the window edges (just inside, just outside), with out-of-order input,
// chains, aliases and `generate`; and filters (mf_ documents).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHunter } from './hunter.ts';
import { auditEvent, rejection, rules, run } from './testing/harness.ts';
import type { SigmaMatch } from './types.ts';

const T0 = Date.parse('2026-10-05T01:00:00.000Z');
const at = (ms: number): string => new Date(T0 + ms).toISOString();
const S = 1000;
const M = 60 * S;

const BASE = `
title: Rule A
id: aaaaaaaa-0000-4000-8000-000000000001
name: rule_a
logsource: { product: azure, service: auditlogs }
detection:
    selection:
        Kind: a
    condition: selection
---
title: Rule B
id: aaaaaaaa-0000-4000-8000-000000000002
name: rule_b
logsource: { product: azure, service: auditlogs }
detection:
    selection:
        Kind: b
    condition: selection
`;

function correlation(body: string, extra = ''): string {
  return `title: Correlation
id: cccccccc-0000-4000-8000-000000000001
level: high
${extra}correlation:
${body}
---${BASE}`;
}

/** A third rule that matches what rule_a and rule_b match. */
const RULE_AB = `
---
title: Rule A or B
id: aaaaaaaa-0000-4000-8000-000000000003
name: rule_ab
logsource: { product: azure, service: auditlogs }
detection:
    selection:
        Kind: [a, b]
    condition: selection
`;

const ev = (kind: string, ms: number, fields: Record<string, unknown> = {}) => auditEvent({ Kind: kind, User: 'alice', ...fields }, at(ms));
const correlations = (ms: SigmaMatch[]): SigmaMatch[] => ms.filter((m) => m.kind === 'correlation');

describe('event_count', () => {
  const yaml = correlation(`    type: event_count
    rules: [rule_a]
    group-by: [User]
    timespan: 10m
    condition: { gte: 3 }`);
  const loaded = rules(yaml);

  it('fires when the count is reached inside the window (edge inclusive)', () => {
    const m = correlations(run(loaded, [ev('a', 0), ev('a', 5 * M), ev('a', 10 * M)]));
    assert.equal(m.length, 1);
    assert.equal(m[0]!.eventIds.length, 3);
    assert.equal(m[0]!.value, 3);
    assert.deepEqual(m[0]!.group, { User: 'alice' });
    assert.equal(m[0]!.groupKey, 'User=alice');
    assert.equal(m[0]!.time, at(10 * M));
  });

  it('does not fire when the first hit falls just outside', () => {
    assert.equal(correlations(run(loaded, [ev('a', 0), ev('a', 5 * M), ev('a', 10 * M + 1)])).length, 0);
  });

  it('keeps groups apart and skips hits without the group-by field', () => {
    const events = [ev('a', 0), ev('a', S, { User: 'bob' }), ev('a', 2 * S), ev('a', 3 * S, { User: undefined })];
    assert.equal(correlations(run(loaded, events)).length, 0);
  });

  it('gives one match per burst: the window restarts after firing', () => {
    const events = [0, 1, 2, 3, 4, 5].map((i) => ev('a', i * S));
    assert.equal(correlations(run(loaded, events)).length, 2);
  });

  it('referenced rules do not report on their own, unless generate: true', () => {
    const events = [ev('a', 0), ev('a', S), ev('a', 2 * S)];
    assert.equal(run(loaded, events).filter((m) => m.kind === 'rule').length, 0);
    const gen = rules(yaml.replace('level: high\n', 'level: high\ngenerate: true\n'));
    assert.equal(run(gen, events).filter((m) => m.kind === 'rule').length, 3);
  });

  it('counts an event that two of its rules match once', () => {
    const both = rules(
      correlation(`    type: event_count
    rules: [rule_a, rule_ab]
    group-by: [User]
    timespan: 10m
    condition: { gte: 2 }`) + RULE_AB,
    );
    assert.equal(correlations(run(both, [ev('a', 0)])).length, 0, 'one event, however many rules match it');
    const m = correlations(run(both, [ev('a', 0), ev('b', M)]));
    assert.equal(m.length, 1);
    assert.equal(m[0]!.value, 2);
    assert.equal(new Set(m[0]!.eventIds).size, m[0]!.eventIds.length, 'no event cited twice');
  });

  it('upper-bound conditions are judged when the window closes', () => {
    const lt = rules(
      correlation(`    type: event_count
    rules: [rule_a]
    group-by: [User]
    timespan: 10m
    condition: { lt: 2 }`),
    );
    assert.equal(correlations(run(lt, [ev('a', 0), ev('a', 10 * M)])).length, 0, 'two hits in one window');
    const m = correlations(run(lt, [ev('a', 0), ev('a', 10 * M + 1)]));
    assert.equal(m.length, 2, 'two windows of one hit each');
  });

  it('upper-bound windows of groups that never come back are judged and freed as time passes', () => {
    // One hit per group, every group distinct: windows used to wait for finish(), so memory grew with
    // the number of events (a million users: 950 MB of RSS) and every match came at the end.
    const lt = rules(
      correlation(`    type: event_count
    rules: [rule_a]
    group-by: [User]
    timespan: 10m
    condition: { lt: 2 }`),
    );
    const h = createHunter(lt, { lateness: 0 });
    let early = 0;
    for (let i = 0; i < 10_000; i++) early += correlations(h.push(ev('a', i * S, { User: `u${i}` }))).length;
    const late = correlations(h.finish()).length;
    assert.equal(early + late, 10_000, 'one match per group');
    assert.ok(late <= 4096 + 600, `windows still open at the end: ${late}`);
  });
});

describe('value_count', () => {
  const loaded = rules(
    correlation(`    type: value_count
    rules: [rule_a]
    group-by: [User]
    timespan: 1h
    condition: { field: Ip, gte: 3 }`),
  );

  it('counts distinct values in the window', () => {
    const ips = ['1.1.1.1', '1.1.1.1', '2.2.2.2', '2.2.2.2', '3.3.3.3'];
    const m = correlations(run(loaded, ips.map((ip, i) => ev('a', i * 10 * M, { Ip: ip }))));
    assert.equal(m.length, 1);
    assert.equal(m[0]!.value, 3);
  });

  it('forgets values that left the window', () => {
    const events = [ev('a', 0, { Ip: '1.1.1.1' }), ev('a', 30 * M, { Ip: '2.2.2.2' }), ev('a', 60 * M + 1, { Ip: '3.3.3.3' })];
    assert.equal(correlations(run(loaded, events)).length, 0);
    const inside = [ev('a', 0, { Ip: '1.1.1.1' }), ev('a', 30 * M, { Ip: '2.2.2.2' }), ev('a', 60 * M, { Ip: '3.3.3.3' })];
    assert.equal(correlations(run(loaded, inside)).length, 1);
  });
});

describe('temporal', () => {
  const loaded = rules(
    correlation(`    type: temporal
    rules: [rule_a, rule_b]
    group-by: [User]
    timespan: 5m`),
  );

  it('fires for both rules in either order, just inside', () => {
    assert.equal(correlations(run(loaded, [ev('b', 0), ev('a', 5 * M)])).length, 1);
    assert.equal(correlations(run(loaded, [ev('a', 0), ev('b', 5 * M)])).length, 1);
  });

  it('not just outside, nor with one rule only', () => {
    assert.equal(correlations(run(loaded, [ev('b', 0), ev('a', 5 * M + 1)])).length, 0);
    assert.equal(correlations(run(loaded, [ev('a', 0), ev('a', M)])).length, 0);
  });
});

describe('temporal_ordered', () => {
  const loaded = rules(
    correlation(`    type: temporal_ordered
    rules: [rule_a, rule_b]
    group-by: [User]
    timespan: 5m`),
  );

  it('fires in the listed order, just inside', () => {
    const m = correlations(run(loaded, [ev('a', 0), ev('b', 5 * M)]));
    assert.equal(m.length, 1);
    assert.equal(m[0]!.correlationType, 'temporal_ordered');
    assert.equal(m[0]!.eventIds.length, 2);
  });

  it('not in the other order, nor just outside', () => {
    assert.equal(correlations(run(loaded, [ev('b', 0), ev('a', M)])).length, 0);
    assert.equal(correlations(run(loaded, [ev('a', 0), ev('b', 5 * M + 1)])).length, 0);
  });

  it('uses the latest start: a later first step still counts', () => {
    assert.equal(correlations(run(loaded, [ev('a', 0), ev('a', 4 * M), ev('b', 8 * M)])).length, 1);
  });

  it('one event matching both rules does not complete the sequence alone', () => {
    const both = rules(
      correlation(`    type: temporal_ordered
    rules: [rule_a, rule_b]
    group-by: [User]
    timespan: 5m`).replace('        Kind: b', '        Kind|contains: a'),
    );
    assert.equal(correlations(run(both, [ev('a', 0)])).length, 0);
    assert.equal(correlations(run(both, [ev('a', 0), ev('a', M)])).length, 1);
  });
});

describe('out-of-order input', () => {
  const loaded = rules(
    correlation(`    type: temporal_ordered
    rules: [rule_a, rule_b]
    group-by: [User]
    timespan: 5m`),
  );
  const a = ev('a', 0);
  const b = ev('b', 2 * M);
  const later = ev('x', 10 * M);

  it('is put back in time order within the lateness allowance', () => {
    assert.equal(correlations(run(loaded, [b, a])).length, 1, 'b arrives before a, 2 minutes apart');
    assert.equal(correlations(run(loaded, [b, a], { lateness: 3 * M })).length, 1);
  });

  it('hits later than the allowance are taken in arrival order', () => {
    assert.equal(correlations(run(loaded, [b, later, a], { lateness: M })).length, 0);
    assert.equal(correlations(run(loaded, [b, later, a], { lateness: Infinity })).length, 1);
  });

  it('the same events in any order give the same matches when lateness covers them', () => {
    const events = [ev('a', 0), ev('b', M), ev('a', 20 * M), ev('b', 24 * M), ev('b', 40 * M)];
    const sorted = correlations(run(loaded, events, { lateness: Infinity })).map((m) => m.eventIds.join());
    const shuffled = correlations(run(loaded, [events[3]!, events[0]!, events[4]!, events[1]!, events[2]!], { lateness: Infinity })).map((m) => m.eventIds.join());
    assert.deepEqual(shuffled, sorted);
    assert.equal(sorted.length, 2);
  });
});

describe('chains and aliases', () => {
  it('a correlation can use another: many a then b', () => {
    const yaml = `title: Many A then B
id: cccccccc-0000-4000-8000-000000000010
correlation:
    type: temporal_ordered
    rules: [many_a, rule_b]
    group-by: [User]
    timespan: 10m
---
title: Many A
id: cccccccc-0000-4000-8000-000000000011
name: many_a
correlation:
    type: event_count
    rules: [rule_a]
    group-by: [User]
    timespan: 10m
    condition: { gte: 2 }
---${BASE}`;
    const loaded = rules(yaml);
    const m = run(loaded, [ev('a', 0), ev('a', M), ev('b', 2 * M)]);
    assert.deepEqual(
      m.map((x) => x.title),
      ['Many A then B'],
      'only the outermost correlation reports',
    );
    assert.equal(m[0]!.eventIds.length, 3);
    assert.equal(run(loaded, [ev('a', 0), ev('b', M), ev('a', 2 * M)]).length, 0);
  });

  it('aliases group by different fields per rule', () => {
    const loaded = rules(
      correlation(`    type: temporal_ordered
    rules: [rule_a, rule_b]
    group-by: [person]
    aliases:
        person:
            rule_a: Victim
            rule_b: Actor
    timespan: 1h`),
    );
    const m = correlations(run(loaded, [ev('a', 0, { Victim: 'carol' }), ev('b', M, { Actor: 'CAROL' })]));
    assert.equal(m.length, 1);
    assert.deepEqual(m[0]!.group, { person: 'carol' });
    assert.equal(correlations(run(loaded, [ev('a', 0, { Victim: 'carol' }), ev('b', M, { Actor: 'dave' })])).length, 0);
  });
});

describe('metric correlations (v2.1)', () => {
  const metric = (type: string, cond: string) =>
    rules(
      correlation(`    type: ${type}
    rules: [rule_a]
    group-by: [User]
    timespan: 1h
    condition: { field: Bytes, ${cond} }`),
    );

  it('value_sum', () => {
    const l = metric('value_sum', 'gt: 100');
    assert.equal(correlations(run(l, [ev('a', 0, { Bytes: 60 }), ev('a', M, { Bytes: '41' })])).length, 1);
    assert.equal(correlations(run(l, [ev('a', 0, { Bytes: 60 }), ev('a', 61 * M, { Bytes: 41 })])).length, 0);
  });

  it('value_sum adds an event that two of its rules match once', () => {
    const l = rules(
      correlation(`    type: value_sum
    rules: [rule_a, rule_ab]
    group-by: [User]
    timespan: 1h
    condition: { field: Bytes, gt: 100 }`) + RULE_AB,
    );
    assert.equal(correlations(run(l, [ev('a', 0, { Bytes: 60 })])).length, 0);
    assert.equal(correlations(run(l, [ev('a', 0, { Bytes: 60 }), ev('b', M, { Bytes: 41 })])).length, 1);
  });

  it('value_avg', () => {
    const l = metric('value_avg', 'gte: 50');
    const m = correlations(run(l, [ev('a', 0, { Bytes: 10 }), ev('a', M, { Bytes: 90 })]));
    assert.equal(m.length, 1);
    assert.equal(m[0]!.value, 50);
  });

  it('value_percentile: the share of the event value among the window, in percent', () => {
    const l = metric('value_percentile', 'lte: 10');
    const common = Array.from({ length: 19 }, (_, i) => ev('a', i * S, { Bytes: 'svchost' }));
    const m = correlations(run(l, [...common, ev('a', 20 * S, { Bytes: 'rare.exe' })]));
    assert.equal(m.length, 1);
    assert.equal(m[0]!.value, 5);
  });
});

describe('correlation rules are refused with the reason', () => {
  it('unknown reference', () => {
    const yaml = `title: C\ncorrelation:\n    type: temporal\n    rules: [nope, rule_a]\n    group-by: [User]\n    timespan: 5m\n---${BASE}`;
    assert.match(rejection(yaml) ?? '', /refers to 'nope', which is not the id or name of any loaded rule/);
  });

  it('bad timespan, type and condition', () => {
    assert.match(rejection(correlation('    type: event_count\n    rules: [rule_a]\n    timespan: 1w\n    condition: { gte: 1 }')) ?? '', /timespan "1w"/);
    assert.match(rejection(correlation('    type: sequence\n    rules: [rule_a]\n    timespan: 1h')) ?? '', /correlation type "sequence"/);
    assert.match(rejection(correlation('    type: event_count\n    rules: [rule_a]\n    timespan: 1h')) ?? '', /needs a condition/);
    assert.match(rejection(correlation('    type: value_count\n    rules: [rule_a]\n    timespan: 1h\n    condition: { gte: 2 }')) ?? '', /needs condition.field/);
  });

  it('a cycle', () => {
    const yaml = `title: X\nname: x\ncorrelation:\n    type: temporal\n    rules: [y, rule_a]\n    timespan: 5m\n---\ntitle: Y\nname: y\ncorrelation:\n    type: temporal\n    rules: [x, rule_b]\n    timespan: 5m\n---${BASE}`;
    assert.match(rejection(yaml) ?? '', /cycle|did not load/);
  });

  it('grouping the matches of a correlation by a field it does not group by', () => {
    const chain = (outer: string, inner: string, aliases = '') =>
      `title: Outer\nid: cccccccc-0000-4000-8000-000000000020\ncorrelation:\n    type: event_count\n    rules: [many_a]\n    group-by: [${outer}]\n    timespan: 1h\n    condition: { gte: 1 }\n${aliases}---\ntitle: Many A\nname: many_a\ncorrelation:\n    type: event_count\n    rules: [rule_a]\n    group-by: [${inner}]\n    timespan: 10m\n    condition: { gte: 1 }\n---${BASE}`;
    assert.equal(rejection(chain('Ip', 'User')), "group-by 'Ip': the correlation 'many_a' it uses does not group by this field, so none of its matches could be grouped by it");
    assert.equal(rejection(chain('user', 'User, Ip')), undefined, 'a subset, in any case, is fine');
    assert.equal(rejection(chain('who', 'User', '    aliases:\n        who:\n            many_a: User\n')), undefined, 'an alias names its field');
  });

  it('a reference to a rule that did not load says why', () => {
    const yaml = correlation('    type: temporal\n    rules: [rule_a, rule_b]\n    timespan: 5m').replace('        Kind: b', '        Kind|bogus: b');
    const r = rules.bind(null);
    assert.throws(() => r(yaml), /refers to 'rule_b', which did not load: Kind\|bogus: unknown modifier 'bogus'/);
  });
});

describe('filters (mf_ documents)', () => {
  const filter = `title: Ignore the service account
logsource: { product: azure, service: auditlogs }
filter:
    rules:
        - aaaaaaaa-0000-4000-8000-000000000001
        - not_loaded_rule
    selection:
        User|startswith: svc_
    condition: selection
---${BASE}`;

  it('suppresses matches of the listed rules only', () => {
    const loaded = rules(filter);
    const titles = run(loaded, [ev('a', 0, { User: 'svc_backup' }), ev('a', S), ev('b', 2 * S, { User: 'svc_backup' })]).map((m) => m.title);
    assert.deepEqual(titles, ['Rule A', 'Rule B']);
    assert.deepEqual(loaded.rules.find((r) => r.name === 'rule_a')!.filters, ['Ignore the service account']);
    assert.match(loaded.warnings[0]!.message, /refers to 'not_loaded_rule'/);
    assert.deepEqual([loaded.warnings[0]!.code, loaded.warnings[0]!.params], ['filter_ref_missing', { ref: 'not_loaded_rule' }]);
  });

  it('is not applied across log sources', () => {
    const loaded = rules(filter.replace('service: auditlogs }\nfilter', 'service: signinlogs }\nfilter'));
    assert.equal(run(loaded, [ev('a', 0, { User: 'svc_backup' })]).length, 1);
    assert.match(loaded.warnings.map((w) => w.message).join(), /logsource service differs/);
    assert.ok(loaded.warnings.some((w) => w.code === 'filter_logsource_differs' && w.params.field === 'service'));
  });
});
