// The Unified Audit Log through Graph's audit log queries, against the fake tenant over HTTPS: on the
// seed case (Free tenant) it returns the attack of three weeks ago that the 7-day Entra audit log
// no longer has; it says which permission is missing; a run that fails half way through the records
// resumes the same query without a gap or a duplicate; a failed query is an error, not a gap.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CanonicalEvent } from '../../../core/event.ts';
import { startFakeM365, type FakeM365 } from '../../../sim/m365/start.ts';
import { GraphClient } from '../graph.ts';
import { normaliseUalRecord } from '../map/ual-record.ts';
import { fakeConnection, QUICK_RETRY } from '../testing/fake-connection.ts';
import { collectAuditEvents } from './audit-events.ts';
import { CURSOR_KEYS, memoryCursors } from './cursors.ts';
import { collectUnifiedAuditLog } from './unified-audit-log.ts';

const NOW = '2026-06-01T12:00:00Z';
const DAY = 86_400_000;
const now = (): Date => new Date(NOW);
const POLL = { firstDelayMs: 20, maxDelayMs: 50, timeoutMs: 5_000 };

function memorySink(failOnCall?: number): { events: Map<string, CanonicalEvent>; delivered: string[]; sink: (batch: CanonicalEvent[]) => Promise<void> } {
  let calls = 0;
  const store = {
    events: new Map<string, CanonicalEvent>(),
    delivered: [] as string[],
    sink: (batch: CanonicalEvent[]): Promise<void> => {
      calls++;
      if (calls === failOnCall) return Promise.reject(new Error('disk full'));
      for (const e of batch) {
        store.delivered.push(e.id);
        store.events.set(e.id, e);
      }
      return Promise.resolve();
    },
  };
  return store;
}

describe('collectUnifiedAuditLog: the seed case (Free tenant)', () => {
  let fake: FakeM365;
  let graph: GraphClient;
  before(async () => {
    fake = await startFakeM365({ scenario: 'seed-case', now: NOW, auditLogQueries: { delayMs: 100 }, faults: { reportingThrottle: false, auditQueryThrottle: false } });
    graph = new GraphClient(fakeConnection(fake), { retry: QUICK_RETRY });
  });
  after(async () => {
    graph.close();
    await fake.close();
  });

  it('returns the attack from three weeks ago, which the Entra audit log (7 days) no longer has', async () => {
    const entra = memorySink();
    await collectAuditEvents(graph, { cursors: memoryCursors(), sink: entra.sink });
    const ual = memorySink();
    const cursors = memoryCursors();
    const progress: string[] = [];
    const result = await collectUnifiedAuditLog(graph, { cursors, sink: ual.sink, now, polling: POLL, onProgress: (p) => progress.push(p.phase) });
    assert.equal(result.state, 'ok', JSON.stringify(result));
    assert.equal(result.query?.version, 'beta');
    assert.ok(result.pages > 1);
    assert.equal(result.count, ual.events.size);
    assert.equal(ual.delivered.length, ual.events.size, 'each record once');
    assert.ok(progress.includes('query') && progress.includes('records'));

    const rogueCreated = (events: Iterable<CanonicalEvent>) =>
      [...events].find((e) => e.action === 'user.created' && e.targets.some((t) => t.name?.startsWith('it-support@')));
    const created = rogueCreated(ual.events.values());
    assert.ok(created, 'the rogue admin created, in the UAL');
    assert.ok(Date.parse(NOW) - Date.parse(created.time) > 14 * DAY);
    assert.equal(created.source, 'ual');
    assert.equal(created.nativeAction, 'Add user.');
    assert.ok(created.actor.ip, 'with the attacker IP');
    assert.equal(rogueCreated(entra.events.values()), undefined, 'the Entra audit log no longer has it');
    const actions = new Set<string>([...ual.events.values()].map((e) => e.action));
    for (const a of ['signin', 'signin.failed', 'auth.method.changed', 'role.assigned', 'tenant.contacts.changed', 'role.unassigned', 'user.deleted']) assert.ok(actions.has(a), a);
    assert.ok([...ual.events.values()].every((e) => e.tenant === fake.tenantId));

    // The watermark is the query's end; no query is left pending.
    assert.equal(cursors.values.get(CURSOR_KEYS.ualWatermark), NOW.replace('Z', '.000Z'));
    assert.equal(cursors.values.get(CURSOR_KEYS.ualQuery), '');

    // The same record from a Purview export (its AuditData) gets the same event id.
    const rec = fake.state.unifiedAuditLog.page({ fromMs: 0, toMs: Date.parse(NOW), limit: 10_000, types: new Set(['AzureActiveDirectory']), accept: (r) => r.data.Operation === 'Add user.' }).items;
    const purview = rec.map((r) => normaliseUalRecord(JSON.parse(JSON.stringify(r.data)) as Record<string, unknown>));
    assert.ok(purview.some((e) => e.id === created.id));

    // The next run reads only from the watermark less the overlap.
    const next = memorySink();
    const second = await collectUnifiedAuditLog(graph, { cursors, sink: next.sink, now: () => new Date(Date.parse(NOW) + 3_600_000), polling: POLL, overlapMinutes: 60 });
    assert.equal(second.state, 'ok');
    assert.equal(second.query?.from, new Date(Date.parse(NOW) - 3_600_000).toISOString());
    assert.ok(second.count < result.count);
  });

  it('is denied without AuditLogsQuery.Read.All, and says so', async () => {
    const limited = await startFakeM365({ scenario: 'seed-case', now: NOW, appPermissions: ['Organization.Read.All', 'AuditLog.Read.All', 'User.Read.All'] });
    const client = new GraphClient(fakeConnection(limited), { retry: QUICK_RETRY });
    try {
      const cursors = memoryCursors();
      const result = await collectUnifiedAuditLog(client, { cursors, sink: memorySink().sink, now, polling: POLL });
      assert.equal(result.state, 'denied');
      assert.equal(result.state === 'denied' ? result.permission : '', 'AuditLogsQuery.Read.All');
      assert.match(result.state === 'denied' ? (result.detail ?? '') : '', /POST \/beta\/security\/auditLog\/queries: 403 Authorization_RequestDenied/);
      assert.equal(cursors.values.get(CURSOR_KEYS.ualWatermark), undefined);
    } finally {
      client.close();
      await limited.close();
    }
  });

  it('resumes the same query after a failure half way through its records: no gap, no duplicate', async () => {
    const clean = memorySink();
    await collectUnifiedAuditLog(graph, { cursors: memoryCursors(), sink: clean.sink, now, polling: POLL });

    // A sink that fails on its third batch: the run stops, its query and next page stay as cursors.
    const cursors = memoryCursors();
    const store = memorySink(3);
    await assert.rejects(collectUnifiedAuditLog(graph, { cursors, sink: store.sink, now, polling: POLL }), /disk full/);
    const pending = JSON.parse(cursors.values.get(CURSOR_KEYS.ualQuery) ?? '{}') as { id?: string; next?: string };
    assert.ok(pending.id && pending.next, 'the query and its next page are kept');
    assert.equal(cursors.values.get(CURSOR_KEYS.ualWatermark), undefined, 'no watermark before the last page');

    // Then Graph fails on a records page (504, no retries left): an error status naming the endpoint.
    fake.setFaults({ auditQueryThrottle: false, reportingThrottle: false, rules: [{ kind: 'gateway-timeout', match: { path: /\/records/ }, at: [2] }] });
    const flaky = new GraphClient(fakeConnection(fake), { retry: { ...QUICK_RETRY, maxAttempts: 1 } });
    try {
      const failed = await collectUnifiedAuditLog(flaky, { cursors, sink: store.sink, now, polling: POLL });
      assert.equal(failed.state, 'error');
      assert.match(failed.state === 'error' ? failed.detail : '', /GET \/beta\/security\/auditLog\/queries\/.+\/records: 504/);
      assert.equal(failed.query?.id, pending.id, 'the same query, resumed');
    } finally {
      flaky.close();
      fake.setFaults({ auditQueryThrottle: false, reportingThrottle: false });
    }
    const requestsBefore = fake.requestLog.entries.length;
    const resumed = await collectUnifiedAuditLog(graph, { cursors, sink: store.sink, now, polling: POLL });
    assert.equal(resumed.state, 'ok');
    assert.equal(resumed.query?.id, pending.id, 'no new query was made');
    assert.ok(!fake.requestLog.entries.slice(requestsBefore).some((e) => e.method === 'POST'));
    assert.deepEqual([...store.events.keys()].sort(), [...clean.events.keys()].sort(), 'no gap');
    assert.equal(store.delivered.length, store.events.size, 'no record delivered twice');
    assert.equal(cursors.values.get(CURSOR_KEYS.ualQuery), '');
  });

  it('gets past a dropped answer or a gateway timeout on creating the query, and never makes it twice', async () => {
    const clean = memorySink();
    await collectUnifiedAuditLog(graph, { cursors: memoryCursors(), sink: clean.sink, now, polling: POLL });
    // A drop loses the answer of a query the service made; a 504 comes back before it made one.
    for (const kind of ['drop', 'gateway-timeout'] as const) {
      fake.setFaults({ auditQueryThrottle: false, reportingThrottle: false, rules: [{ kind, match: { method: 'POST', path: '/security/auditLog/queries' }, at: [1] }] });
      const before = fake.state.auditQueries.list().length;
      try {
        const store = memorySink();
        const result = await collectUnifiedAuditLog(graph, { cursors: memoryCursors(), sink: store.sink, now, polling: POLL });
        assert.equal(result.state, 'ok', `${kind}: ${JSON.stringify(result)}`);
        assert.deepEqual([...store.events.keys()].sort(), [...clean.events.keys()].sort(), kind);
        assert.equal(fake.state.auditQueries.list().length, before + 1, `${kind}: one query made`);
      } finally {
        fake.setFaults({ auditQueryThrottle: false, reportingThrottle: false });
      }
    }
  });

  it('makes a failed query the source error, naming the endpoint, and asks again next time', async () => {
    fake.setAuditLogQueries({ outcome: 'failed' });
    const cursors = memoryCursors();
    try {
      const result = await collectUnifiedAuditLog(graph, { cursors, sink: memorySink().sink, now, polling: POLL });
      assert.equal(result.state, 'error');
      assert.match(result.state === 'error' ? result.detail : '', /GET \/beta\/security\/auditLog\/queries\/[^ ]+: the audit log query failed/);
      assert.equal(cursors.values.get(CURSOR_KEYS.ualQuery), '');
      assert.equal(cursors.values.get(CURSOR_KEYS.ualWatermark), undefined);
    } finally {
      fake.setAuditLogQueries({ outcome: 'succeeded' });
    }
    // A query slower than the wait: an error too, but the next run goes on waiting for the same one.
    fake.setAuditLogQueries({ delayMs: 60_000 });
    try {
      const slow = await collectUnifiedAuditLog(graph, { cursors, sink: memorySink().sink, now, polling: { ...POLL, timeoutMs: 100 } });
      assert.equal(slow.state, 'error');
      assert.match(slow.state === 'error' ? slow.detail : '', /still (notStarted|running)/);
      const kept = JSON.parse(cursors.values.get(CURSOR_KEYS.ualQuery) ?? '{}') as { id?: string };
      assert.equal(kept.id, slow.query?.id);
    } finally {
      fake.setAuditLogQueries({ delayMs: 100 });
    }
  });

  it('falls back to v1.0 when /beta does not have the resource', async () => {
    fake.setAuditLogQueries({ v1: 'served' });
    const beta404 = new GraphClient(fakeConnection(fake), { retry: QUICK_RETRY });
    // A /beta without the resource: its paths lead where the fake answers "Resource not found for the segment".
    const original = beta404.versionUrl.bind(beta404);
    beta404.versionUrl = (version, path) => (version === 'beta' ? original('v1.0', `/nothing${path}`) : original(version, path));
    try {
      const result = await collectUnifiedAuditLog(beta404, { cursors: memoryCursors(), sink: memorySink().sink, now, polling: POLL });
      assert.equal(result.state, 'ok', JSON.stringify(result));
      assert.equal(result.query?.version, 'v1.0');
    } finally {
      beta404.close();
      fake.setAuditLogQueries({ v1: 'unknownError' });
    }
  });
});
