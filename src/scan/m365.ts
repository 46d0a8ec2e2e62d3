// One Microsoft 365 scan: audit logs since the last run into the evidence store (the Entra logs, then
// the Unified Audit Log, which keeps 180 days where Entra keeps 7), then a snapshot of the tenant's state. Shared by `takeback scan` and `takeback demo`.
import type { Snapshot, SourceStatus } from '../core/snapshot.ts';
import {
  collectAuditEvents,
  collectSnapshot,
  collectUnifiedAuditLog,
  GraphClient,
  type AuditEventsResult,
  type CursorStore,
  type GraphTuning,
  type M365Connection,
  type QueryPolling,
  type UalOutcome,
} from '../providers/m365/index.ts';
import type { EvidenceStore } from '../store/store.ts';

export interface M365ScanOptions {
  /** Cursors and the tenant's id are kept under this name (the profile's). */
  scope: string;
  now?: Date;
  http?: GraphTuning;
  onProgress?: (source: string, state: SourceStatus['state'] | 'running', count?: number) => void;
  /** How long to wait for the Unified Audit Log query (tests shorten it). */
  ualPolling?: Partial<QueryPolling>;
}

export interface M365ScanResult {
  tenant: string;
  snapshot: Snapshot;
  previous?: Snapshot;
  logs: AuditEventsResult & { unifiedAuditLog: UalOutcome };
  events: { inserted: number; duplicates: number };
  startedAt: string;
  finishedAt: string;
}

const TENANT_KEY = 'm365.tenant';

function storeCursors(store: EvidenceStore, scope: string): CursorStore {
  return { get: (key) => store.getCursor(scope, key), set: (key, value) => store.setCursor(scope, key, value) };
}

export async function scanM365(conn: M365Connection, store: EvidenceStore, options: M365ScanOptions): Promise<M365ScanResult> {
  const startedAt = new Date().toISOString();
  const cursors = storeCursors(store, options.scope);
  const graph = new GraphClient(conn, options.http);
  try {
    const events = { inserted: 0, duplicates: 0 };
    const sink = async (batch: Parameters<EvidenceStore['append']>[0]): Promise<void> => {
      const r = await store.append(batch);
      events.inserted += r.inserted;
      events.duplicates += r.duplicates;
    };
    const entra = await collectAuditEvents(graph, {
      cursors,
      http: options.http ?? {},
      sink,
      onProgress: (p) => options.onProgress?.(p.source, 'running', p.events),
    });
    const unifiedAuditLog = await collectUnifiedAuditLog(graph, {
      cursors,
      sink,
      ...(options.now ? { now: () => options.now as Date } : {}),
      ...(options.ualPolling ? { polling: options.ualPolling } : {}),
      onProgress: (p) => options.onProgress?.(p.source, 'running', p.events),
    });
    const logs = { ...entra, unifiedAuditLog };
    const known = await store.getCursor(options.scope, TENANT_KEY);
    const [previous] = known ? await store.latestSnapshots(known, 1) : [];
    const snapshot = await collectSnapshot(graph, {
      cursors,
      ...(previous ? { previous } : {}),
      ...(options.now ? { now: options.now } : {}),
      onProgress: (p) => options.onProgress?.(p.source, p.state),
    });
    await store.saveSnapshot(snapshot);
    await store.setCursor(options.scope, TENANT_KEY, snapshot.tenant);
    return {
      tenant: snapshot.tenant,
      snapshot,
      ...(previous ? { previous } : {}),
      logs,
      events,
      startedAt,
      finishedAt: new Date().toISOString(),
    };
  } finally {
    graph.close();
  }
}
