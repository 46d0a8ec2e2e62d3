// The client-side limits keep requests under the service's own: against the fake's sliding-window
// reporting throttle (which answers 429 without Retry-After), no request is refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startFakeM365 } from '../../sim/m365/start.ts';
import { GraphClient } from './graph.ts';
import { ClassLimiter, limitClassOf } from './limits.ts';
import { fakeConnection } from './testing/fake-connection.ts';

describe('limits', () => {
  it('classifies Graph paths and links', () => {
    assert.equal(limitClassOf('/auditLogs/signIns?$top=1'), 'reporting');
    assert.equal(limitClassOf('https://graph.microsoft.com/v1.0/auditLogs/directoryAudits?$skiptoken=x'), 'reporting');
    assert.equal(limitClassOf('https://graph.microsoft.com/beta/identity/conditionalAccess/policies'), 'conditionalAccess');
    assert.equal(limitClassOf('/identityProtection/riskyUsers'), 'identityProtection');
    assert.equal(limitClassOf('/users/delta'), 'default');
  });

  it('starts at most N requests per window and at most M at once', async () => {
    const limiter = new ClassLimiter({ concurrency: 2, rate: { requests: 3, windowMs: 200 } });
    const starts: number[] = [];
    let active = 0;
    let most = 0;
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: 7 }, async () => {
        const release = await limiter.acquire();
        starts.push(Date.now() - t0);
        most = Math.max(most, ++active);
        await new Promise((r) => setTimeout(r, 20));
        active--;
        release();
      }),
    );
    assert.equal(most, 2);
    for (let i = 3; i < starts.length; i++) assert.ok((starts[i] ?? 0) - (starts[i - 3] ?? 0) >= 195, `starts ${starts.join(', ')}`);
  });

  it('stays under the reporting throttle of the service: no 429 at all', async () => {
    const fake = await startFakeM365({ scenario: 'seed-case', now: '2026-06-01T12:00:00Z', faults: { reportingThrottle: { limit: 5, windowMs: 1000 } } });
    const graph = new GraphClient(fakeConnection(fake), { limits: { reporting: { concurrency: 2, rate: { requests: 5, windowMs: 1050 } } } });
    try {
      const t0 = Date.now();
      await Promise.all(Array.from({ length: 12 }, () => graph.get('/auditLogs/directoryAudits?$top=1')));
      assert.ok(Date.now() - t0 >= 2000);
      assert.deepEqual(new Set(fake.requestLog.entries.filter((e) => e.class === 'auditLogs').map((e) => e.status)), new Set([200]));
    } finally {
      graph.close();
      await fake.close();
    }
  });
});
