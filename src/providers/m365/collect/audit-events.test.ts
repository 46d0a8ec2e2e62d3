// The audit logs into a sink: what a Free tenant gives, what a second run re-reads (the overlap
// only), and a run that dies half way resuming without a gap.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CanonicalEvent } from '../../../core/event.ts';
import { startFakeM365, type FakeM365 } from '../../../sim/m365/start.ts';
import { clientSecretToken, graph as simGraph, graphAll } from '../../../sim/m365/testing/fake-client.ts';
import { GraphClient } from '../graph.ts';
import { fakeConnection } from '../testing/fake-connection.ts';
import { collectAuditEvents } from './audit-events.ts';
import { CURSOR_KEYS, memoryCursors } from './cursors.ts';

const NOW = '2026-06-01T12:00:00Z';

function memorySink(): { events: Map<string, CanonicalEvent>; calls: number; sink: (batch: CanonicalEvent[]) => Promise<void> } {
  const store = { events: new Map<string, CanonicalEvent>(), calls: 0, sink: (_batch: CanonicalEvent[]) => Promise.resolve() };
  store.sink = (batch) => {
    store.calls++;
    for (const e of batch) store.events.set(e.id, e);
    return Promise.resolve();
  };
  return store;
}

describe('collectAuditEvents: the seed case (Free tenant)', () => {
  let fake: FakeM365;
  let graph: GraphClient;
  const cursors = memoryCursors();
  before(async () => {
    // Three runs in a row would wait on the reporting limit (5 requests per 10 s); limits.test.ts covers it.
    fake = await startFakeM365({ scenario: 'seed-case', now: NOW, faults: { reportingThrottle: false } });
    graph = new GraphClient(fakeConnection(fake), { limits: { reporting: { concurrency: 2 } } });
  });
  after(async () => {
    graph.close();
    await fake.close();
  });

  it('stores the 7 days of directory audits there are, and says sign-ins need Entra ID P1', async () => {
    const store = memorySink();
    const result = await collectAuditEvents(graph, { cursors, sink: store.sink });
    const expected = await graphAll(fake, '/auditLogs/directoryAudits', await clientSecretToken(fake));
    assert.deepEqual(result.directoryAudits, { state: 'ok', count: expected.items.length, rejected: 0, pages: 1 });
    assert.equal(result.signIns.state, 'unlicensed');
    assert.equal(result.signIns.state === 'unlicensed' ? result.signIns.licence : '', 'Microsoft Entra ID P1');
    assert.equal(result.signIns.count, 0);
    const events = [...store.events.values()];
    assert.equal(events.length, expected.items.length);
    assert.ok(events.every((e) => e.tenant === fake.tenantId && e.source === 'entra.audit'));
    const admin = fake.scenario.characters.admin;
    assert.ok(events.some((e) => e.nativeAction === 'Delete user' && e.targets.some((t) => t.id === admin)));
    assert.ok(events.some((e) => e.action === 'role.unassigned' && e.targets.some((t) => t.id === admin)));
    const newest = expected.items.map((r) => String(r.activityDateTime)).sort().at(-1) ?? '';
    assert.equal(cursors.values.get(CURSOR_KEYS.directoryAudits), new Date(newest).toISOString());
  });

  it('reads only the overlap on the next run, and then what is new', async () => {
    const quiet = memorySink();
    fake.requestLog.clear();
    const second = await collectAuditEvents(graph, { cursors, sink: quiet.sink, overlapMinutes: 15 });
    assert.ok(second.directoryAudits.count <= 3, `re-read ${second.directoryAudits.count}`);
    const first = fake.requestLog.entries.find((e) => e.path.startsWith('/v1.0/auditLogs/directoryAudits'));
    assert.match(decodeURIComponent(first?.path ?? ''), /\$filter=activityDateTime ge 2026-06-01T10:3\d:\d\d\.\d{3}Z/);
    const token = await clientSecretToken(fake);
    const patched = await simGraph(fake, `/organization/${fake.tenantId}`, token, { method: 'PATCH', body: { technicalNotificationMails: ['owner@kitahama-design.example'] } });
    assert.equal(patched.status, 204);
    const fresh = memorySink();
    await collectAuditEvents(graph, { cursors, sink: fresh.sink });
    assert.ok([...fresh.events.values()].some((e) => e.nativeAction === 'Set Company Information' && e.actor.kind === 'app'));
  });
});

describe('collectAuditEvents: a run that dies', () => {
  it('resumes from the last batch the sink took, with no gap and nothing twice in the store', async () => {
    const fake = await startFakeM365({ scenario: { id: 'scale', users: 200, auditEvents: 4_500, signIns: 2_500, days: 10 }, now: NOW, faults: { reportingThrottle: false } });
    const graph = new GraphClient(fakeConnection(fake), { limits: { reporting: { concurrency: 2 } } });
    try {
      const clean = memorySink();
      await collectAuditEvents(graph, { cursors: memoryCursors(), sink: clean.sink });
      assert.ok(clean.events.size > 7_000);

      // The store dies on its fourth write, as a killed process would leave it.
      const cursors = memoryCursors();
      const store = memorySink();
      let writes = 0;
      const dying = (batch: CanonicalEvent[]): Promise<void> => (++writes === 4 ? Promise.reject(new Error('killed')) : store.sink(batch));
      await assert.rejects(collectAuditEvents(graph, { cursors, sink: dying }), /killed/);
      assert.ok(store.events.size < clean.events.size);
      const resumed = await collectAuditEvents(graph, { cursors, sink: store.sink });
      assert.equal(resumed.directoryAudits.state, 'ok');
      assert.deepEqual([...store.events.keys()].sort(), [...clean.events.keys()].sort());
      // The resumed run started near where the first stopped, not from the beginning.
      assert.ok(resumed.directoryAudits.count + resumed.signIns.count < clean.events.size);
    } finally {
      graph.close();
      await fake.close();
    }
  });
});
