// The Graph client against the fake over HTTPS: paging is exact, Retry-After is waited for, faults
// are retried, and a failure that outlasts the retries is a typed error naming the endpoint.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFakeM365, type FakeM365 } from '../../sim/m365/start.ts';
import { clientSecretToken, graphAll } from '../../sim/m365/testing/fake-client.ts';
import { collectLog, DIRECTORY_AUDITS, type LogCount } from './collect/audit-logs.ts';
import { memoryCursors } from './collect/cursors.ts';
import { collectSnapshot } from './collect/snapshot.ts';
import { GraphError } from './errors.ts';
import { GraphClient } from './graph.ts';
import { fakeConnection, QUICK_RETRY } from './testing/fake-connection.ts';

const NOW = '2026-06-01T12:00:00Z';

describe('graph client: paging', () => {
  let fake: FakeM365;
  let graph: GraphClient;
  before(async () => {
    fake = await startFakeM365({ scenario: { id: 'scale', users: 2_500, auditEvents: 2_500, signIns: 10, days: 10 }, now: NOW, faults: { reportingThrottle: false } });
    graph = new GraphClient(fakeConnection(fake));
  });
  after(async () => {
    graph.close();
    await fake.close();
  });

  it('reads every user exactly once through delta, in as few pages as the page size allows', async () => {
    fake.requestLog.clear();
    const ids: string[] = [];
    let deltaLink: string | undefined;
    for await (const page of graph.pages('/users/delta?$select=id', { Prefer: 'odata.maxpagesize=999' })) {
      ids.push(...page.value.map((u) => String(u.id)));
      deltaLink = page.deltaLink ?? deltaLink;
    }
    assert.equal(ids.length, fake.state.users.count);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(deltaLink);
    assert.equal(fake.requestLog.count((e) => e.class === 'users'), Math.ceil(fake.state.users.count / 999));
  });

  it('reads the whole audit log oldest first, 1000 a page, the same records another client sees', async () => {
    const token = await clientSecretToken(fake);
    const expected = await graphAll(fake, '/auditLogs/directoryAudits', token);
    const seen: string[] = [];
    const counts: LogCount = { count: 0, rejected: 0, pages: 0 };
    await collectLog(graph, DIRECTORY_AUDITS, { tenant: fake.tenantId, cursors: memoryCursors(), overlapMs: 0, sink: (batch) => Promise.resolve(void seen.push(...batch.map((e) => e.time))) }, counts);
    assert.equal(counts.count, expected.items.length);
    assert.equal(counts.pages, Math.ceil(expected.items.length / 1000));
    assert.deepEqual(seen, [...seen].sort());
  });

  it('refuses to send its token to a host a link points at', () => {
    assert.throws(() => graph.url('https://graph.example.net/v1.0/users'), /off the Graph host/);
  });
});

describe('graph client: throttling and faults', () => {
  let fake: FakeM365;
  before(async () => {
    fake = await startFakeM365({ scenario: 'seed-case', now: NOW });
  });
  after(() => fake.close());

  const timed = async (graph: GraphClient, path: string): Promise<number> => {
    const start = Date.now();
    await graph.get(path);
    return Date.now() - start;
  };

  it('waits as long as Retry-After says, on 429 and on 503', async () => {
    for (const kind of ['throttle', 'unavailable'] as const) {
      fake.setFaults({ rules: [{ kind, match: { class: 'organization' }, at: [1], retryAfterSeconds: 1 }] });
      const graph = new GraphClient(fakeConnection(fake), { retry: QUICK_RETRY });
      try {
        fake.requestLog.clear();
        const waited = await timed(graph, '/organization');
        assert.ok(waited >= 1000, `${kind}: waited ${waited} ms`);
        assert.ok(waited < 2500, `${kind}: waited ${waited} ms`);
        assert.deepEqual(fake.requestLog.entries.filter((e) => e.class === 'organization').map((e) => e.status), [kind === 'throttle' ? 429 : 503, 200]);
      } finally {
        graph.close();
      }
    }
  });

  it('backs off by itself when there is no Retry-After, and gets past a dropped connection', async () => {
    fake.setFaults({
      rules: [
        { kind: 'throttle-no-retry-after', match: { class: 'domains' }, at: [1, 2] },
        { kind: 'gateway-timeout', match: { class: 'domains' }, at: [3] },
        { kind: 'drop', match: { class: 'domains' }, at: [4] },
      ],
    });
    const graph = new GraphClient(fakeConnection(fake), { retry: QUICK_RETRY });
    try {
      fake.requestLog.clear();
      const domains = await graph.all('/domains');
      assert.equal(domains.length, 2);
      assert.deepEqual(fake.requestLog.entries.filter((e) => e.class === 'domains').map((e) => e.status), [429, 429, 504, 0, 200]);
      assert.equal(graph.stats.retries, 4);
    } finally {
      graph.close();
    }
  });

  it('gives up after the attempts allowed with an error naming the endpoint, and the source says so', async () => {
    fake.setFaults({ rules: [{ kind: 'throttle-no-retry-after', match: { class: 'domains' } }] });
    const graph = new GraphClient(fakeConnection(fake), { retry: { ...QUICK_RETRY, maxAttempts: 3 } });
    try {
      await assert.rejects(graph.get('/domains'), (error: unknown) => {
        assert.ok(error instanceof GraphError);
        assert.equal(error.code, 'm365.graph.gave_up');
        assert.deepEqual([error.endpoint, error.status, error.graphCode, error.params.attempts], ['GET /v1.0/domains', 429, 'TooManyRequests', 3]);
        return true;
      });
      const snapshot = await collectSnapshot(graph, { cursors: memoryCursors() });
      assert.equal(snapshot.sources.domains?.state, 'error');
      // The verified domains still show, from the organization object.
      assert.deepEqual(snapshot.info?.domains.map((d) => d.name), ['kitahama-design.example', 'kitahamadesign.onmicrosoft.com']);
      assert.equal(snapshot.sources.organization?.state, 'ok');
    } finally {
      graph.close();
      fake.setFaults({});
    }
  });
});
