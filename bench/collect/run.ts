// The collection benchmark, against the fake tenant over HTTPS on loopback:
//   - requests for a full snapshot divided by the fewest pages it could take (target ≤ 1.1),
//   - requests for a watch cycle when nothing changed (target: the same at every tenant size),
//   - wall time of both, and of reading 200,000 audit events, with 20 ms latency per request.
//
//   node --import tsx bench/collect/run.ts [--sizes 1000,10000,50000] [--audit-events 200000] [--latency 20]
import { parseArgs } from 'node:util';
import { collectAuditEvents } from '../../src/providers/m365/collect/audit-events.ts';
import { memoryCursors } from '../../src/providers/m365/collect/cursors.ts';
import { collectSnapshot } from '../../src/providers/m365/collect/snapshot.ts';
import { GraphClient, type GraphTuning } from '../../src/providers/m365/graph.ts';
import { fakeConnection } from '../../src/providers/m365/testing/fake-connection.ts';
import type { FaultOptions } from '../../src/sim/m365/faults/fault-injector.ts';
import { startFakeM365, type FakeM365 } from '../../src/sim/m365/start.ts';
import { minimalLogPages, minimalSnapshotPages } from './pages.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    'audit-events': { type: 'string', default: '200000' },
    latency: { type: 'string', default: '20' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const auditEvents = Number(values['audit-events']);
const latency = Number(values.latency);
const NOW = '2026-06-01T12:00:00Z';

interface Row {
  measure: string;
  users: number;
  requests: number;
  pages?: number;
  /** Left out where waits on the service's limits, not the work, would decide it. */
  ms?: number;
}

const rows: Row[] = [];
let throttledByService = 0;
const graphRequests = (fake: FakeM365): number => {
  throttledByService += fake.requestLog.count((e) => e.status === 429 && !e.fault);
  return fake.requestLog.count((e) => e.class !== 'identity');
};

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - start)];
}

// Between two timed runs the limit windows (10 s for the audit logs) empty, as between watch cycles.
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 11_000));

/** A full snapshot, then a quiet watch cycle. */
async function cycle(fake: FakeM365, label: string, users: number, timeIt: boolean): Promise<void> {
  const graph = new GraphClient(fakeConnection(fake));
  try {
    const cursors = memoryCursors();
    if (timeIt) await pause();
    fake.requestLog.clear();
    const [full, fullMs] = await timed(() => collectSnapshot(graph, { cursors }));
    rows.push({ measure: `full snapshot${label}`, users, requests: graphRequests(fake), pages: minimalSnapshotPages(fake), ...(timeIt ? { ms: fullMs } : {}) });
    if (timeIt) await pause();
    fake.requestLog.clear();
    const [, quietMs] = await timed(() => collectSnapshot(graph, { cursors, previous: full }));
    rows.push({ measure: `watch cycle, no change${label}`, users, requests: graphRequests(fake), ...(timeIt ? { ms: quietMs } : {}) });
  } finally {
    graph.close();
  }
}

// The service's own limits stay on (Conditional Access 1/s, reporting 5 per 10 s): the client's
// limiter must keep the snapshot under them without a single 429.
for (const users of sizes) {
  const fake = await startFakeM365({ scenario: { id: 'scale', users, auditEvents: 1_000, signIns: 1_000 }, now: NOW });
  try {
    await cycle(fake, '', users, false);
    fake.setLatency(latency);
    await cycle(fake, `, ${latency} ms latency`, users, true);
    fake.setLatency(0);
    // 2% of requests for each of the five kinds: 10% in all.
    const kinds = ['throttle', 'throttle-no-retry-after', 'unavailable', 'gateway-timeout', 'drop'] as const;
    const faults: FaultOptions = { seed: 5, rules: kinds.map((kind) => ({ kind, probability: 0.02, retryAfterSeconds: 1 })) };
    fake.setFaults(faults);
    await cycle(fake, ', 10% faults', users, false);
    fake.setFaults({});
  } finally {
    await fake.close();
  }
  process.stderr.write(`done: ${users} users\n`);
}

// The audit logs: the service's reporting limit is off here. At 5 requests per 10 s, a real tenant
// needs (pages / 5) × 10 s for the first read, whatever the client does; that figure is printed too.
{
  const fake = await startFakeM365({ scenario: { id: 'scale', users: 10_000, auditEvents, signIns: 0, days: 29 }, now: NOW, faults: { reportingThrottle: false } });
  const tuning: GraphTuning = { limits: { reporting: { concurrency: 2 } } };
  const graph = new GraphClient(fakeConnection(fake), tuning);
  try {
    fake.setLatency(latency);
    const cursors = memoryCursors();
    let stored = 0;
    const sink = (batch: unknown[]): Promise<void> => {
      stored += batch.length;
      return Promise.resolve();
    };
    const [, ms] = await timed(() => collectAuditEvents(graph, { cursors, sink }));
    const pages = minimalLogPages(stored) + 1; // + the empty sign-in log
    rows.push({ measure: `audit events (${stored.toLocaleString('en-US')}), ${latency} ms latency`, users: 10_000, requests: graphRequests(fake), pages, ms });
    // The first 5 go at once, then 5 more every 10 s.
    rows.push({ measure: 'audit events at the real reporting limit (computed)', users: 10_000, requests: pages, pages, ms: (Math.ceil(pages / 5) - 1) * 10_000 });
    fake.requestLog.clear();
    const [, quietMs] = await timed(() => collectAuditEvents(graph, { cursors, sink }));
    rows.push({ measure: `audit events, next run, ${latency} ms latency`, users: 10_000, requests: graphRequests(fake), ms: quietMs });
  } finally {
    graph.close();
    await fake.close();
  }
}

process.stderr.write(`requests the service throttled (its own limits, not injected faults): ${throttledByService}\n`);
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const header = ['measure', 'users', 'requests', 'fewest pages', 'ratio', 'wall time'];
const table = rows.map((r) => [r.measure, fmt(r.users), fmt(r.requests), r.pages === undefined ? '' : fmt(r.pages), r.pages === undefined ? '' : fmt(r.requests / r.pages, 2), r.ms === undefined ? '' : `${fmt(r.ms)} ms`]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] ?? '').length)));
const line = (cells: string[]): string => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
process.stdout.write(`${line(header)}\n|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|\n${table.map(line).join('\n')}\n`);
