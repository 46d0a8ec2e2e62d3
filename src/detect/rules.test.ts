// Repo-wide invariants of the rule set: unique well-formed ids, text in both languages, valid ATT&CK
// ids, every catalogue indicator covered, and every rule's fixtures firing / staying quiet as declared.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectSync } from './engine.ts';
import { SEVERITIES } from './finding.ts';
import { ALL_RULES, DETECT_TEXT } from './registry.ts';
import type { Rule, RuleFixture } from './rule.ts';
import { textEntries } from './text.ts';

const INDICATORS = [...Array.from({ length: 32 }, (_, i) => `M${i + 1}`), ...Array.from({ length: 16 }, (_, i) => `G${i + 1}`)];

function run(rule: Rule, fx: RuleFixture) {
  const snapshots = { ...(fx.current ? { current: fx.current } : {}), ...(fx.previous ? { previous: fx.previous } : {}) };
  return detectSync(fx.events ?? [], snapshots).findings.filter((f) => f.ruleId === rule.id);
}

describe('rule set', () => {
  it('has unique ids of the form TB-<indicator>-<slug>', () => {
    const ids = new Set<string>();
    for (const r of ALL_RULES) {
      assert.match(r.id, /^TB-(M\d{1,2}|G\d{1,2}|C\d|D\d{1,2}|S\d)-[a-z0-9]+(-[a-z0-9]+)*$/, r.id);
      assert.ok(!ids.has(r.id), `duplicate id ${r.id}`);
      ids.add(r.id);
      if (r.indicator !== undefined) assert.ok(r.id.startsWith(`TB-${r.indicator}-`), `${r.id} does not carry its indicator ${r.indicator}`);
    }
  });

  it('covers every indicator M1–M32 and G1–G16 of the catalogue', () => {
    const covered = new Set(ALL_RULES.map((r) => r.indicator).filter((x) => x !== undefined));
    const missing = INDICATORS.filter((i) => !covered.has(i));
    assert.deepEqual(missing, []);
  });

  it('gives every rule a severity and valid ATT&CK technique ids', () => {
    for (const r of ALL_RULES) {
      assert.ok(SEVERITIES.includes(r.severity), r.id);
      assert.ok(r.attack.length > 0, `${r.id} has no ATT&CK technique`);
      for (const t of r.attack) assert.match(t, /^T\d{4}(\.\d{3})?$/, `${r.id}: ${t}`);
    }
  });

  it('has English and Japanese text for every rule, with the same placeholders', () => {
    for (const r of ALL_RULES) {
      for (const [key, l] of textEntries(r.id, r.text)) {
        assert.ok(l.en.trim().length > 0, `${key} en`);
        assert.ok(l.ja.trim().length > 0, `${key} ja`);
        assert.match(l.ja, /[\u3040-\u30ff\u4e00-\u9fff]/, `${key} ja is not Japanese`);
        const ph = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
        assert.deepEqual(ph(l.ja), ph(l.en), `${key}: placeholders differ between en and ja`);
        assert.ok(DETECT_TEXT.has(key), key);
      }
    }
  });

  it('has at least one fixture that fires and one near miss for every rule', () => {
    for (const r of ALL_RULES) {
      assert.ok(r.fixtures.fires.length > 0, `${r.id} has no firing fixture`);
      assert.ok(r.fixtures.nearMiss.length > 0, `${r.id} has no near miss`);
    }
  });

  for (const rule of ALL_RULES) {
    describe(rule.id, () => {
      for (const fx of rule.fixtures.fires) {
        it(`fires: ${fx.name}`, () => {
          const found = run(rule, fx);
          assert.ok(found.length > 0, `${rule.id} did not fire on "${fx.name}"`);
          if (fx.severity !== undefined) assert.equal(found[0]!.severity, fx.severity);
          for (const f of found) {
            assert.ok(f.time.length > 0);
            assert.ok(f.evidence.events.length > 0 || f.evidence.findings.length > 0 || f.evidence.snapshot !== undefined, 'finding without evidence');
          }
        });
      }
      for (const fx of rule.fixtures.nearMiss) {
        it(`stays quiet: ${fx.name}`, () => {
          assert.deepEqual(run(rule, fx).map((f) => f.id), []);
        });
      }
    });
  }
});
