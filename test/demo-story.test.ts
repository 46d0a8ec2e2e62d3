// The demo's story, end to end: one scan of the simulated seed-case tenant (Free: Entra audit 7 days,
// no sign-in log) over HTTPS, through the same path `takeback demo` takes, tells the whole takeover
// from its start three weeks ago, because the Unified Audit Log (180 days) is read too.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { detectFromStore } from '../src/cli/detection.ts';
import { fakeConnection } from '../src/providers/m365/testing/fake-connection.ts';
import { scanM365 } from '../src/scan/m365.ts';
import { startFakeM365 } from '../src/sim/m365/start.ts';
import { openStore } from '../src/store/open.ts';
import { tempDir } from './helpers/cli.ts';

const DAY = 86_400_000;

describe('the demo story (seed case, first scan)', () => {
  it('is one incident with the eight steps in order, dated when they happened', async () => {
    const fake = await startFakeM365({ scenario: 'seed-case', seed: 1, faults: { reportingThrottle: false }, auditLogQueries: { delayMs: 200 } });
    const store = openStore(join(tempDir(), 'demo.db'));
    try {
      const scan = await scanM365(fakeConnection(fake), store, { scope: 'demo', ualPolling: { firstDelayMs: 100 } });
      assert.equal(scan.logs.unifiedAuditLog.state, 'ok');
      assert.ok(scan.logs.unifiedAuditLog.count > 0);
      assert.equal(scan.logs.signIns.state, 'unlicensed');
      const { incidents } = await detectFromStore(store, { tenant: scan.tenant });
      assert.equal(incidents.length, 1);
      const story = incidents[0]!.storyline;
      assert.deepEqual(
        story.map((s) => s.kind),
        ['admin-signin-unusual', 'security-info-registered', 'rogue-user-created', 'made-global-admin', 'contacts-changed', 'original-admin-removed', 'original-admin-deleted', 'licence-bought'],
      );
      const step = (kind: string) => story.find((s) => s.kind === kind)!;
      const ago = (kind: string) => (Date.now() - Date.parse(step(kind).time)) / DAY;
      // The start of the attack: three weeks ago, older than the Entra audit log's 7 days.
      assert.ok(ago('admin-signin-unusual') > 20, `sign-in ${step('admin-signin-unusual').time}`);
      assert.ok(ago('rogue-user-created') > 19);
      // The contacts change is dated by its record, not by the scan that noticed it.
      assert.equal(step('contacts-changed').timeExact, true);
      assert.ok(ago('contacts-changed') > 11 && ago('contacts-changed') < 13, step('contacts-changed').time);
      const times = story.map((s) => Date.parse(s.time));
      assert.deepEqual(times, [...times].sort((a, b) => a - b));
    } finally {
      await store.close();
      await fake.close();
    }
  });
});
