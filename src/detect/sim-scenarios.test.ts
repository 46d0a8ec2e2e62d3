// The simulator's scenarios (what the demo serves) read as Graph records through the real normalisers:
// the seed case tells the takeover in order and keeps the admin's ordinary office work out of it; the
// benign month raises nothing above low.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CanonicalEvent } from '../core/event.ts';
import { normaliseDirectoryAudit } from '../providers/m365/map/directory-audit.ts';
import { normaliseSignIn } from '../providers/m365/map/sign-in.ts';
import { buildScenario } from '../sim/m365/scenarios/registry.ts';
import type { BuiltScenario } from '../sim/m365/scenarios/types.ts';
import { detectSync } from './engine.ts';
import { atLeast } from './finding.ts';

const NOW = Date.parse('2026-10-25T00:00:00Z');

/** Every audit and sign-in record of the scenario, oldest first, as canonical events. */
function eventsOf(sc: BuiltScenario): CanonicalEvent[] {
  const st = sc.state;
  const range = { fromMs: 0, toMs: NOW + 1, descending: false, limit: Number.MAX_SAFE_INTEGER, scanBudget: Number.MAX_SAFE_INTEGER };
  const opts = { fallbackTenant: st.tenantId };
  return [
    ...st.auditLog.page(range).items.map((r) => normaliseDirectoryAudit(r as unknown as Record<string, unknown>, opts)),
    ...st.signInLog.page(range).items.map((r) => normaliseSignIn(r as unknown as Record<string, unknown>, opts)),
  ];
}

describe('simulated scenarios', () => {
  it('seed case: one incident, the takeover in order, the office work left out', () => {
    const sc = buildScenario('seed-case', { seed: 7, nowMs: NOW, licence: 'p1' });
    const { incidents } = detectSync(eventsOf(sc), {}, { now: new Date(NOW).toISOString() });
    assert.equal(incidents.length, 1);
    assert.equal(incidents[0]!.severity, 'critical');
    assert.deepEqual(
      incidents[0]!.storyline.map((s) => s.kind),
      ['admin-signin-unusual', 'security-info-registered', 'rogue-user-created', 'made-global-admin', 'contacts-changed', 'original-admin-removed', 'original-admin-deleted'],
    );
  });

  it('benign month: nothing above low', () => {
    const sc = buildScenario('benign', { seed: 7, nowMs: NOW });
    const { findings, incidents } = detectSync(eventsOf(sc));
    assert.deepEqual(
      findings.filter((f) => atLeast(f.severity, 'medium')).map((f) => f.ruleId),
      [],
    );
    assert.deepEqual(incidents, []);
  });
});
