// collectUnifiedAuditLog: the Unified Audit Log (Purview audit) through Graph's audit log queries
// (reference A.1): create a query for the directory and sign-in record types from the watermark (less
// an overlap) to now, poll it until it has succeeded, page its records to the end, hand them to the
// sink, and only then move the watermark. The UAL keeps 180 days on business plans, so on a Free
// tenant (Entra audit 7 days, no sign-in log) this is what still shows how a takeover began.
//
// The query under way is a cursor of its own ({id, version, window, next page}): a scan killed while
// the query runs, or halfway through its records, resumes the same query where it stopped. Event ids
// come from the UAL record's Id, so re-reading (the overlap, a resumed page) and importing the same
// record from a Purview export never duplicate. A query that fails or outlasts the wait is the
// source's error, naming the endpoint: never a silent gap.
import { randomUUID } from 'node:crypto';
import type { CanonicalEvent } from '../../../core/event.ts';
import type { StatusReason } from '../../../core/snapshot.ts';
import { RecordError } from '../../common/normalise.ts';
import type { Obj } from '../../common/values.ts';
import { GraphError } from '../errors.ts';
import type { GraphClient, GraphTuning } from '../graph.ts';
import { normaliseGraphAuditLogRecord } from '../map/ual-record.ts';
import { TransportError } from '../http.ts';
import { isRetryableStatus, retryDelayMs, sleep } from '../retry.ts';
import { statusFromError } from '../status.ts';
import type { LogCount } from './audit-logs.ts';
import type { LogOutcome } from './audit-events.ts';
import { CURSOR_KEYS, type CursorStore } from './cursors.ts';
import { tenantGuid, withGraph, type M365Target } from './session.ts';

export type GraphVersion = 'beta' | 'v1.0';

export interface QueryPolling {
  /** Wait before the first status check. */
  firstDelayMs: number;
  /** Each wait is the previous one times this, up to `maxDelayMs`. */
  factor: number;
  maxDelayMs: number;
  /** Give up waiting after this long; the next scan goes on waiting for the same query. */
  timeoutMs: number;
}

/** Real queries take minutes (over ten on a live tenant); a scan waits a quarter of an hour at most. */
export const DEFAULT_QUERY_POLLING: QueryPolling = { firstDelayMs: 500, factor: 1.5, maxDelayMs: 30_000, timeoutMs: 15 * 60_000 };

/**
 * UAL records can reach the search up to 24 hours after the event (Microsoft's Purview audit docs), so
 * each run reads the last day again; event ids make that harmless.
 */
export const DEFAULT_UAL_OVERLAP_MINUTES = 24 * 60;

/** Purview Audit (Standard) retention: how far back the first run asks. */
export const UAL_RETENTION_DAYS = 180;

/** The record types read: Entra directory changes and Entra sign-ins (request names are camelCase). */
export const UAL_RECORD_TYPES = ['azureActiveDirectory', 'azureActiveDirectoryStsLogon'] as const;

export interface UalProgress {
  source: 'unifiedAuditLog';
  /** 'query' while waiting for the query (with its status), 'records' while paging. */
  phase: 'query' | 'records';
  status?: string;
  pages: number;
  events: number;
}

export interface UnifiedAuditLogOptions {
  cursors: CursorStore;
  /** Called with one page's events at a time; the next page waits for it. */
  sink: (batch: CanonicalEvent[]) => Promise<void>;
  onProgress?: (progress: UalProgress) => void;
  http?: GraphTuning;
  /** How far before the watermark a run starts again; default 24 hours. */
  overlapMinutes?: number;
  polling?: Partial<QueryPolling>;
  /** The end of the window searched; default the clock. */
  now?: () => Date;
}

export type UalOutcome = LogOutcome & {
  /** The query this run read (or waited for). */
  query?: { id: string; version: GraphVersion; from: string; to: string };
};

interface PendingQuery {
  id: string;
  version: GraphVersion;
  from: string;
  to: string;
  /** The next page of records still to read (a resumed run starts there). */
  next?: string;
}

const QUERIES = '/security/auditLog/queries';

/** The query ended without results, or the wait ran out (`resumable`: the next run waits on): the source's error. */
class QueryNotDone extends Error {
  constructor(
    message: string,
    /** The same in words each language has. */
    readonly reason: StatusReason,
    readonly resumable = false,
  ) {
    super(message);
  }
}

function parsePending(raw: string | undefined): PendingQuery | undefined {
  if (!raw) return undefined;
  try {
    const p = JSON.parse(raw) as Partial<PendingQuery>;
    if (typeof p.id === 'string' && (p.version === 'beta' || p.version === 'v1.0') && typeof p.from === 'string' && typeof p.to === 'string') {
      return { id: p.id, version: p.version, from: p.from, to: p.to, ...(typeof p.next === 'string' ? { next: p.next } : {}) };
    }
  } catch {
    // An unreadable cursor is no query: a new one is made.
  }
  return undefined;
}

function endpoint(method: string, graph: GraphClient, url: string): string {
  return `${method} ${new URL(graph.url(url)).pathname}`;
}

/** Creates the query on /beta (where a live tenant answered), falling back to v1.0 when beta has no such resource. */
async function createQuery(graph: GraphClient, from: string, to: string): Promise<PendingQuery> {
  // A name of its own (the window's end and a random tag) tells this query from any other.
  const body = {
    displayName: `takeback ${to} ${randomUUID().slice(0, 8)}`,
    filterStartDateTime: from,
    filterEndDateTime: to,
    recordTypeFilters: [...UAL_RECORD_TYPES],
  };
  let lastError: unknown;
  for (const version of ['beta', 'v1.0'] as const) {
    try {
      return { id: await createOn(graph, version, body), version, from, to };
    } catch (error) {
      // 404 (v1.0's UnknownError seen live) or 400 "Resource not found for the segment": try the other version.
      const missing = error instanceof GraphError && (error.status === 404 || (error.status === 400 && /segment/i.test(error.graphMessage)));
      if (!missing) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

/**
 * A failure the service may have acted on anyway: the connection dropped or the gateway gave up after
 * the request went out. (429 and 503 say the service did not act; the client has retried those.)
 */
function maybeActed(error: unknown): boolean {
  if (!(error instanceof GraphError)) return false;
  if (error.status === 0) return error.cause instanceof TransportError && error.cause.retryable;
  return isRetryableStatus(error.status) && error.status !== 429 && error.status !== 503;
}

/** The id of a query with this name, if the service has one. */
async function findQueryNamed(graph: GraphClient, version: GraphVersion, name: string): Promise<string | undefined> {
  for await (const page of graph.pages<Obj>(graph.versionUrl(version, QUERIES))) {
    const hit = page.value.find((q) => q.displayName === name && typeof q.id === 'string' && q.id !== '');
    if (hit) return hit.id as string;
  }
  return undefined;
}

/**
 * POSTs the query and returns its id. A create is not simply sent again: when the answer was lost,
 * the query may exist already, so it is looked up by its name first and only made again if absent.
 */
async function createOn(graph: GraphClient, version: GraphVersion, body: { displayName: string }): Promise<string> {
  const url = graph.versionUrl(version, QUERIES);
  for (let attempt = 1; ; attempt++) {
    try {
      const created = await graph.post<Obj>(url, body);
      const id = typeof created.id === 'string' ? created.id : '';
      if (id === '') {
        const where = endpoint('POST', graph, url);
        throw new QueryNotDone(`${where}: the answer has no query id`, { key: 'ualNoQueryId', params: { endpoint: where } });
      }
      return id;
    } catch (error) {
      if (!maybeActed(error) || attempt >= graph.retry.maxAttempts) throw error;
      const made = await findQueryNamed(graph, version, body.displayName);
      if (made) return made;
      await sleep(retryDelayMs(graph.retry, attempt, undefined));
    }
  }
}

/** Waits until the query has succeeded; a failed, cancelled or too slow query throws QueryNotDone. */
async function waitForQuery(graph: GraphClient, q: PendingQuery, polling: QueryPolling, progress: (status: string) => void): Promise<void> {
  const url = graph.versionUrl(q.version, `${QUERIES}/${encodeURIComponent(q.id)}`);
  const started = Date.now();
  let delay = polling.firstDelayMs;
  for (;;) {
    const body = await graph.get<Obj>(url);
    const status = typeof body.status === 'string' ? body.status : 'unknown';
    progress(status);
    if (status === 'succeeded') return;
    const where = endpoint('GET', graph, url);
    if (status === 'failed' || status === 'cancelled') {
      throw new QueryNotDone(`${where}: the audit log query ${status}`, { key: status === 'failed' ? 'ualQueryFailed' : 'ualQueryCancelled', params: { endpoint: where } });
    }
    const waited = Date.now() - started;
    if (waited >= polling.timeoutMs) {
      const seconds = Math.round(waited / 1000);
      throw new QueryNotDone(
        `${where}: the audit log query was still ${status} after ${seconds} s; the next scan goes on waiting for it`,
        { key: 'ualQueryUnfinished', params: { endpoint: where, seconds } },
        true,
      );
    }
    await sleep(Math.min(delay, polling.timeoutMs - waited));
    delay = Math.min(polling.maxDelayMs, delay * polling.factor);
  }
}

export async function collectUnifiedAuditLog(target: M365Target, options: UnifiedAuditLogOptions): Promise<UalOutcome> {
  return withGraph(target, options.http, async (graph) => {
    const counts: LogCount = { count: 0, rejected: 0, pages: 0 };
    const polling = { ...DEFAULT_QUERY_POLLING, ...options.polling };
    const report = (phase: UalProgress['phase'], status?: string): void =>
      options.onProgress?.({ source: 'unifiedAuditLog', phase, ...(status ? { status } : {}), pages: counts.pages, events: counts.count });
    let query: PendingQuery | undefined;
    const outcome = (): Pick<UalOutcome, 'query'> => (query ? { query: { id: query.id, version: query.version, from: query.from, to: query.to } } : {});
    try {
      const tenant = await tenantGuid(graph);
      query = parsePending(await options.cursors.get(CURSOR_KEYS.ualQuery));
      if (query) {
        // The query of a run that stopped: still there? (Queries do not live for ever.)
        try {
          await graph.get(graph.versionUrl(query.version, `${QUERIES}/${encodeURIComponent(query.id)}`));
        } catch (error) {
          if (!(error instanceof GraphError) || error.status !== 404) throw error;
          query = undefined;
        }
      }
      if (!query) {
        const now = (options.now?.() ?? new Date()).getTime();
        const watermark = Date.parse((await options.cursors.get(CURSOR_KEYS.ualWatermark)) ?? '');
        const overlap = (options.overlapMinutes ?? DEFAULT_UAL_OVERLAP_MINUTES) * 60_000;
        const from = Number.isNaN(watermark) ? now - UAL_RETENTION_DAYS * 86_400_000 : Math.min(watermark - overlap, now);
        query = await createQuery(graph, new Date(from).toISOString(), new Date(now).toISOString());
        await options.cursors.set(CURSOR_KEYS.ualQuery, JSON.stringify(query));
      }
      const current = query;
      try {
        await waitForQuery(graph, current, polling, (status) => report('query', status));
      } catch (error) {
        // A failed query gives no records: forget it, so the next run asks again for the same window.
        if (error instanceof QueryNotDone && !error.resumable) await options.cursors.set(CURSOR_KEYS.ualQuery, '');
        throw error;
      }
      const first = graph.versionUrl(current.version, `${QUERIES}/${encodeURIComponent(current.id)}/records`);
      try {
        await readRecords(graph, current.next ?? first, current, tenant, options, counts, () => report('records'));
      } catch (error) {
        // A saved page link the service no longer takes: read the query again from its first page.
        if (!(current.next && error instanceof GraphError && error.status >= 400 && error.status < 500 && error.status !== 403 && error.status !== 429)) throw error;
        delete current.next;
        await readRecords(graph, first, current, tenant, options, counts, () => report('records'));
      }
      // Everything up to the query's end is in: the watermark moves, then the query is done with.
      await options.cursors.set(CURSOR_KEYS.ualWatermark, current.to);
      await options.cursors.set(CURSOR_KEYS.ualQuery, '');
      return { state: 'ok', ...counts, ...outcome() };
    } catch (error) {
      if (error instanceof QueryNotDone) return { state: 'error', detail: error.message, reason: error.reason, ...counts, ...outcome() };
      // Graph's refusals and failures are the source's status; a failed sink or sign-in is the run's.
      if (!(error instanceof GraphError)) throw error;
      return { ...statusFromError(error, 'unifiedAuditLog'), ...counts, ...outcome() };
    }
  });
}

async function readRecords(
  graph: GraphClient,
  start: string,
  query: PendingQuery,
  tenant: string,
  options: UnifiedAuditLogOptions,
  counts: LogCount,
  progress: () => void,
): Promise<void> {
  for await (const page of graph.pages<Obj>(start)) {
    const batch: CanonicalEvent[] = [];
    for (const record of page.value) {
      try {
        batch.push(normaliseGraphAuditLogRecord(record, { recordTenant: tenant }));
      } catch (error) {
        if (!(error instanceof RecordError)) throw error;
        counts.rejected++;
      }
    }
    if (batch.length > 0) await options.sink(batch);
    counts.count += batch.length;
    counts.pages++;
    // Only after the sink resolved: the next page is where a stopped run resumes.
    if (page.nextLink) {
      query.next = page.nextLink;
      await options.cursors.set(CURSOR_KEYS.ualQuery, JSON.stringify(query));
    }
    progress();
  }
}
