// A scan under faults stores exactly what a clean scan stores. The tenant: 10,000 users and 200,000
// directory audit events (and 20,000 sign-ins). Faults: each of 429 with Retry-After, 429 without,
// 503, 504 and a connection dropped half way through the body hits 10% of all requests, the token
// requests included. Retry-After values are 0 here (the wait itself is tested in graph.test.ts),
// and the service's reporting limit is off: at 5 requests per 10 s the 220 log pages alone would
// take over 7 minutes, as they would on a real tenant of this size.
// The snapshot is compared with a clean run's. The events are compared with the log itself (every
// record the fake holds, as event ids), which is what a clean run stores (graph.test.ts checks the
// paging against another client) and saves reading 220,000 records a second time.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stableEventId, type CanonicalEvent } from '../../../core/event.ts';
import type { Snapshot } from '../../../core/snapshot.ts';
import type { FaultOptions } from '../../../sim/m365/faults/fault-injector.ts';
import { startFakeM365, type FakeM365 } from '../../../sim/m365/start.ts';
import { GraphClient, type GraphTuning } from '../graph.ts';
import { ENTRA_AUDIT_SOURCE } from '../map/directory-audit.ts';
import { ENTRA_SIGNIN_SOURCE } from '../map/sign-in.ts';
import { fakeConnection, QUICK_RETRY } from '../testing/fake-connection.ts';
import { collectAuditEvents } from './audit-events.ts';
import { memoryCursors } from './cursors.ts';
import { collectSnapshot } from './snapshot.ts';

const KINDS = ['throttle', 'throttle-no-retry-after', 'unavailable', 'gateway-timeout', 'drop'] as const;

const FAULTS: FaultOptions = {
  seed: 11,
  reportingThrottle: false,
  rules: [
    // The first sign-in meets a dropped connection and a 429 for sure, whatever the dice say.
    { kind: 'drop', match: { class: 'identity' }, at: [1] },
    { kind: 'throttle', match: { class: 'identity' }, at: [2], retryAfterSeconds: 0 },
    ...KINDS.map((kind) => ({ kind, probability: 0.1, retryAfterSeconds: 0 })),
  ],
};

// Four requests in ten fail: 20 attempts make giving up on a request about a one-in-fifty-million event.
const TUNING: GraphTuning = { retry: { ...QUICK_RETRY, maxAttempts: 20 }, limits: { reporting: { concurrency: 2 } } };

/** The event ids of every record in the fake's two logs. */
function logIds(fake: FakeM365): string[] {
  const all = { fromMs: -Infinity, toMs: fake.state.clock.now(), descending: false, limit: Infinity, scanBudget: Infinity };
  return [
    ...fake.state.auditLog.page(all).items.map((r) => stableEventId('m365', ENTRA_AUDIT_SOURCE, r.id)),
    ...fake.state.signInLog.page(all).items.map((r) => stableEventId('m365', ENTRA_SIGNIN_SOURCE, r.id)),
  ];
}

async function scan(fake: FakeM365, withLogs: boolean): Promise<{ snapshot: Snapshot; events: Set<string>; stored: number }> {
  const graph = new GraphClient(fakeConnection(fake), TUNING);
  try {
    const cursors = memoryCursors();
    // The store keys events by id (as the real one does); ids are all this comparison needs.
    const events = new Set<string>();
    let stored = 0;
    const sink = (batch: CanonicalEvent[]): Promise<void> => {
      stored += batch.length;
      for (const e of batch) events.add(e.id);
      return Promise.resolve();
    };
    const snapshot = await collectSnapshot(graph, { cursors, now: new Date('2026-06-01T12:00:00Z') });
    if (withLogs) {
      const logs = await collectAuditEvents(graph, { cursors, sink });
      assert.equal(logs.directoryAudits.state, 'ok');
      assert.equal(logs.signIns.state, 'ok');
    }
    return { snapshot, events, stored };
  } finally {
    graph.close();
  }
}

describe('collection under faults', () => {
  it('stores the same events and snapshot as a clean run', async () => {
    // 29 days of activity: all of it stays inside the 30-day retention while the two runs go by.
    const fake = await startFakeM365({ scenario: { id: 'scale', users: 10_000, auditEvents: 200_000, signIns: 20_000, days: 29 }, seed: 3, now: '2026-06-01T12:00:00Z', faults: { reportingThrottle: false } });
    try {
      const clean = await scan(fake, false);
      assert.equal(clean.snapshot.principals.filter((p) => p.kind === 'user').length, fake.state.users.count);
      const expected = logIds(fake);
      assert.ok(expected.length >= 220_000, `the log holds ${expected.length}`);

      fake.setFaults(FAULTS);
      fake.requestLog.clear();
      const faulty = await scan(fake, true);
      const faults = new Map<string, number>();
      for (const e of fake.requestLog.entries) if (e.fault) faults.set(e.fault, (faults.get(e.fault) ?? 0) + 1);
      for (const kind of KINDS) assert.ok((faults.get(kind) ?? 0) >= 10, `${kind}: ${faults.get(kind) ?? 0} faults`);
      assert.ok(fake.requestLog.entries.some((e) => e.class === 'identity' && e.fault), 'token requests met faults too');

      assert.equal(faulty.stored, expected.length, 'nothing stored twice in a first run');
      assert.deepEqual([...faulty.events].sort(), expected.sort());
      const { collectedAt: _a, ...cleanRest } = clean.snapshot;
      const { collectedAt: _b, ...faultyRest } = faulty.snapshot;
      assert.deepEqual(faultyRest, cleanRest);
    } finally {
      await fake.close();
    }
  });
});
