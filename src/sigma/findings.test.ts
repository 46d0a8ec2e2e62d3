// Sigma matches become findings like the built-in ones: severity from the level, ATT&CK techniques
// from the tags, the matched events as evidence, and the rule's attribution rendered in both languages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CanonicalEvent } from '../core/event.ts';
import { DETECT_TEXT } from '../detect/registry.ts';
import { attackTechniques, capMatchesPerRule, huntFindings, omittedMatches, severityOfLevel, SIGMA_RULE_PREFIX } from './findings.ts';
import type { SigmaMatch } from './types.ts';
import { check } from './testing/harness.ts';
import { auditEvent } from './testing/render.ts';

const RULE = `title: Admin role granted <b>test</b>
id: 0b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8
description: Someone was added to a directory role.
author: Jane Doe
license: DRL-1.1
status: test
logsource:
    product: azure
    service: auditlogs
detection:
    selection:
        activityDisplayName: Add member to role
    condition: selection
falsepositives:
    - Planned role changes
level: high
tags:
    - attack.persistence
    - attack.t1098.003
---
title: Two role grants by one actor
id: 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d
author: Jane Doe
correlation:
    type: event_count
    rules:
        - 0b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8
    group-by:
        - InitiatedBy.user.userPrincipalName
    timespan: 1h
    condition:
        gte: 2
generate: true
level: critical
`;

function grant(time: string, target: string): CanonicalEvent {
  return auditEvent(
    { activity: 'Add member to role', category: 'RoleManagement', actor: 'mallory@evil.example', time, targets: [{ type: 'User', id: target, upn: `${target}@contoso.example` }] },
    'graph',
  );
}

function findingsFor(events: CanonicalEvent[]) {
  const loaded = check(RULE).loaded;
  assert.deepEqual(loaded.rejected, []);
  return huntFindings(loaded, events, new Map(events.map((e) => [e.id, e])));
}

describe('Sigma matches as findings', () => {
  it('maps levels to severities and tags to ATT&CK techniques', () => {
    assert.equal(severityOfLevel('informational'), 'info');
    assert.equal(severityOfLevel('CRITICAL'), 'critical');
    assert.equal(severityOfLevel(undefined), 'low');
    assert.deepEqual(attackTechniques(['attack.persistence', 'attack.t1098.003', 'attack.T1078', 'cve.2021-1234']), ['T1098.003', 'T1078']);
  });

  it('turns a rule match into a finding with its evidence, entities and attribution', () => {
    const ev = grant('2026-10-05T01:00:00Z', 'victim');
    const [f, ...rest] = findingsFor([ev]);
    assert.equal(rest.length, 0);
    assert.ok(f);
    assert.equal(f.ruleId, `${SIGMA_RULE_PREFIX}0b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8`);
    assert.equal(f.kind, 'sigma');
    assert.equal(f.severity, 'high');
    assert.deepEqual(f.attack, ['T1098.003']);
    assert.equal(f.tenant, ev.tenant);
    assert.equal(f.time, ev.time);
    assert.deepEqual(f.evidence.events, [ev.id]);
    assert.ok(f.entities.actors.some((a) => a.name === 'mallory@evil.example'));
    assert.ok(f.entities.targets.some((t) => t.name === 'victim@contoso.example' || t.id === 'victim'));

    const en = (key: string) => DETECT_TEXT.render(key, 'en', f.params);
    assert.equal(en(f.text.title), 'Sigma: Admin role granted <b>test</b>');
    assert.match(en(f.text.explanation), /matched this event/);
    assert.match(en(f.text.nextSteps), /Planned role changes/);
    const notes = f.text.notes.map(en);
    assert.ok(notes.includes('What the rule looks for (its author’s words): Someone was added to a directory role.'));
    assert.ok(notes.some((n) => /^Attribution: Sigma rule "Admin role granted <b>test<\/b>" by Jane Doe, .*DRL/.test(n)), notes.join('\n'));
    const ja = f.text.notes.map((k) => DETECT_TEXT.render(k, 'ja', f.params));
    assert.ok(ja.some((n) => n.startsWith('帰属表示: Sigma rule')));
    assert.match(DETECT_TEXT.render(f.text.title, 'ja', f.params), /^Sigma ルール: /);
  });

  it('turns a correlation into one finding over all its events, and the finding id is stable', () => {
    const events = [grant('2026-10-05T01:00:00Z', 'a'), grant('2026-10-05T01:30:00Z', 'b')];
    const first = findingsFor(events);
    const corr = first.find((f) => f.ruleId === `${SIGMA_RULE_PREFIX}9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d`);
    assert.ok(corr, first.map((f) => f.ruleId).join());
    assert.equal(corr.severity, 'critical');
    assert.deepEqual(corr.evidence.events, events.map((e) => e.id));
    assert.match(DETECT_TEXT.render(corr.text.explanation, 'en', corr.params), /was met by 2 events \(mallory@evil\.example\)/);
    assert.deepEqual(findingsFor(events).map((f) => f.id), first.map((f) => f.id));
  });

  it('reports nothing when no rule matches', () => {
    const ev = auditEvent({ activity: 'Update user', category: 'UserManagement' }, 'graph');
    assert.deepEqual(findingsFor([ev]), []);
  });

  it('keeps the first matches of each rule and counts the rest, over several tenants', () => {
    const match = (ruleId: string, minute: number): SigmaMatch => ({
      kind: 'rule',
      ruleId,
      title: `Rule ${ruleId}`,
      tags: [],
      attribution: '',
      time: new Date(Date.UTC(2026, 9, 1, 0, minute)).toISOString(),
      eventIds: [`${ruleId}-${minute}`],
    });
    // Tenant A: rule a five times (out of order once), rule b once. Tenant B: rule a twice.
    const a = capMatchesPerRule([match('a', 1), match('b', 2), match('a', 3), match('a', 0), match('a', 4), match('a', 5)], 3);
    assert.deepEqual(a.kept.map((m) => m.eventIds[0]), ['a-1', 'b-2', 'a-3', 'a-0']);
    const b = capMatchesPerRule([match('a', 7), match('a', 8)], 3);
    assert.equal(b.kept.length, 2);
    assert.deepEqual(omittedMatches([a.perRule, b.perRule]), [
      { ruleId: 'a', title: 'Rule a', total: 7, listed: 5, first: match('a', 0).time, last: match('a', 8).time },
    ]);
    assert.deepEqual(omittedMatches([b.perRule]), []);
  });
});
