// Drift compares a snapshot with the assessment of the snapshot before it: assessing the same snapshot
// again (`assess` after `scan`, or with another acceptance file) must not compare it with itself.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { authorization, baseSnapshot } from '../assess/testing/base.ts';
import { openStore } from '../store/open.ts';
import type { EvidenceStore } from '../store/store.ts';
import { assessTenant } from './assessment.ts';

describe('assessTenant drift', () => {
  const dir = mkdtempSync(join(tmpdir(), 'takeback-assessment-'));
  const savedConfig = process.env.TAKEBACK_CONFIG_DIR;
  let store: EvidenceStore;

  before(() => {
    process.env.TAKEBACK_CONFIG_DIR = join(dir, 'config');
    store = openStore(join(dir, 'store.db'));
  });
  after(async () => {
    await store.close();
    if (savedConfig === undefined) delete process.env.TAKEBACK_CONFIG_DIR;
    else process.env.TAKEBACK_CONFIG_DIR = savedConfig;
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps comparing with the earlier snapshot when the latest one is assessed again', async () => {
    const first = baseSnapshot();
    await store.saveSnapshot(first);
    await assessTenant(store, first.tenant);

    const second = baseSnapshot();
    second.collectedAt = '2026-10-21T00:00:00.000Z';
    authorization(second).defaultUserRolePermissions.allowedToCreateApps = true;
    await store.saveSnapshot(second);
    const afterScan = (await assessTenant(store, second.tenant)).result!;
    assert.deepEqual(afterScan.drift?.newFailing, ['TB-AAD-022-users-cannot-register-apps']);
    assert.equal(afterScan.drift?.since, first.collectedAt);

    // The owner runs `takeback assess` afterwards: the same snapshot, the same drift.
    const again = (await assessTenant(store, second.tenant)).result!;
    assert.equal(again.drift?.since, first.collectedAt);
    assert.deepEqual(again.drift?.newFailing, ['TB-AAD-022-users-cannot-register-apps']);

    // With an acceptance file the check is newly accepted, still against the earlier snapshot.
    const accept = join(dir, 'risks.yaml');
    writeFileSync(accept, 'version: 1\nacceptances:\n  - check: TB-AAD-022-users-cannot-register-apps\n    reason: the interns build apps this term\n    expires: 2099-01-01\n');
    const accepted = (await assessTenant(store, second.tenant, accept)).result!;
    assert.equal(accepted.drift?.since, first.collectedAt);
    assert.deepEqual(accepted.drift?.newlyAccepted, ['TB-AAD-022-users-cannot-register-apps']);
  });
});
