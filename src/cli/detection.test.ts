// detectFromStore streams each tenant's events through the detector and keeps only the events the
// findings cite: the same findings as detect() over every event held in memory, without holding them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CanonicalEvent } from '../core/event.ts';
import { detect } from '../detect/engine.ts';
import { EXAMPLES, SAMPLES } from '../detect/test-support.ts';
import { importFile } from '../importers/run.ts';
import { loadRules } from '../sigma/load.ts';
import { openStore } from '../store/open.ts';
import type { EvidenceStore } from '../store/store.ts';
import { detectFromStore } from './detection.ts';

const SEED_TENANT = '5b1c1a4e-3f0d-4c55-9a8e-2d7b6f0e9c31';

describe('detectFromStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'takeback-detect-'));
  let store: EvidenceStore;
  const all: CanonicalEvent[] = [];

  before(async () => {
    store = openStore(join(dir, 'store.db'));
    await importFile(store, join(EXAMPLES, 'seed-case-purview.csv'));
    await importFile(store, join(SAMPLES, 'otrf-golden-saml', 'AADAuditEvents.json'));
    for await (const e of store.queryEvents({})) all.push(e);
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts the days left to restore a deleted admin from today, not from the newest record', async () => {
    const until = Date.parse('2026-11-18T03:06:20.000Z');
    const { findings } = await detectFromStore(store, { tenant: SEED_TENANT });
    const m5 = findings.find((f) => f.ruleId === 'TB-M5-admin-deleted-or-disabled')!;
    // The newest record is 2026-10-21 (28 days before the deadline); the report is read today.
    assert.equal(m5.params.daysLeft, Math.max(0, Math.ceil((until - Date.now()) / 86_400_000)));
    const later = await detectFromStore(store, { tenant: SEED_TENANT }, [], { now: '2026-12-01T00:00:00Z' });
    assert.equal(later.findings.find((f) => f.ruleId === 'TB-M5-admin-deleted-or-disabled')!.params.daysLeft, 0);
  });

  it('lists the tenants that have events', async () => {
    const tenants = [...new Set(all.map((e) => e.tenant))].sort();
    assert.equal(tenants.length, 2);
    assert.deepEqual(await store.eventTenants(), tenants);
  });

  it('finds what detect() finds over every event, per tenant, and keeps only the cited events', async () => {
    const r = await detectFromStore(store);
    const want = [];
    for (const tenant of r.tenants) want.push(...(await detect(all.filter((e) => e.tenant === tenant))).findings);
    want.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
    assert.deepEqual(
      r.findings.map((f) => f.id),
      want.map((f) => f.id),
    );
    assert.ok(r.incidents.some((i) => i.tenant === SEED_TENANT && i.severity === 'critical'));
    const cited = new Set(r.findings.flatMap((f) => f.evidence.events));
    assert.deepEqual([...r.events.keys()].sort(), [...cited].sort());
    assert.ok(r.events.size < all.length);
    // The coverage still counts every event read, not only the cited ones.
    assert.equal(r.window.count, all.length);
    assert.equal(r.window.first, all.map((e) => e.time).sort()[0]);
  });

  it('fetches no evidence when asked not to, and still makes Sigma findings with their events', async () => {
    const sigma = loadRules(join(SAMPLES, '..', 'sigma'));
    const r = await detectFromStore(store, { tenant: SEED_TENANT }, [], { evidence: false, sigma });
    const fromSigma = r.findings.filter((f) => f.kind === 'sigma');
    assert.ok(fromSigma.length > 0);
    for (const f of fromSigma) assert.equal(f.tenant, SEED_TENANT);
    // Only the Sigma matches' events were fetched (they name the finding's tenant and entities).
    assert.deepEqual([...r.events.keys()].sort(), [...new Set(fromSigma.flatMap((f) => f.evidence.events))].sort());
    assert.deepEqual(r.tenants, [SEED_TENANT]);
  });
});
