// A small Graph client: bearer token, per-class limits, retries, and @odata.nextLink paging. Own
// code rather than @microsoft/microsoft-graph-client: that client runs on global fetch (no extra CA
// in-process) and has its own retry handler, which would retry on top of ours.
import type { Agent } from 'node:https';
import { createTokenProvider, type TokenProvider } from './auth.ts';
import { resolveEndpoints, type M365Connection } from './connection.ts';
import { GraphError } from './errors.ts';
import { createAgent, send, TransportError, type HttpResponse } from './http.ts';
import { limitClassOf, Limits, type LimitConfig } from './limits.ts';
import { redact } from './redact.ts';
import { DEFAULT_RETRY, isRetryable, retryDelayMs, sleep, type RetryPolicy } from './retry.ts';

export interface GraphTuning {
  limits?: Partial<LimitConfig>;
  retry?: Partial<RetryPolicy>;
  /** Socket inactivity limit per request; default 120 s (large audit pages are slow to build). */
  timeoutMs?: number;
}

export interface GraphPage<T> {
  value: T[];
  nextLink?: string;
  deltaLink?: string;
}

export type Json = Record<string, unknown>;

export class GraphClient {
  readonly graphRoot: string;
  /** The tenant as the connection named it (a GUID or a verified domain). */
  readonly tenantHint: string;
  /** Requests sent (every attempt) and how many of them were retries. */
  readonly stats = { requests: 0, retries: 0 };
  private readonly agent: Agent;
  private readonly tokens: TokenProvider;
  private readonly limits: Limits;
  /** How often and how long requests are retried (callers that retry a whole step use it too). */
  readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly origin: string;

  constructor(conn: M365Connection, tuning: GraphTuning = {}) {
    this.graphRoot = resolveEndpoints(conn).graphRoot;
    this.tenantHint = conn.tenantId;
    this.origin = new URL(this.graphRoot).origin;
    this.agent = createAgent(conn.ca);
    this.retry = { ...DEFAULT_RETRY, ...tuning.retry };
    this.timeoutMs = tuning.timeoutMs ?? 120_000;
    this.limits = new Limits(tuning.limits);
    this.tokens = createTokenProvider(conn, this.agent, this.retry, this.timeoutMs);
  }

  /** Closes idle keep-alive sockets. */
  close(): void {
    this.agent.destroy();
  }

  /** A v1.0 path ("/users?$top=5") or a link Graph returned, as a full URL on the Graph host. */
  url(pathOrUrl: string): string {
    if (pathOrUrl.startsWith('/')) return this.versionUrl('v1.0', pathOrUrl);
    // A token goes only to the Graph host it was issued for, whatever a response links to.
    const origin = new URL(pathOrUrl).origin;
    if (origin !== this.origin) throw this.failure(pathOrUrl, 0, 'OffHostLink', `refusing to follow a link off the Graph host to ${origin}`, 1);
    return pathOrUrl;
  }

  /** A path on one Graph version ("beta", "/security/auditLog/queries") as a full URL. */
  versionUrl(version: 'v1.0' | 'beta', path: string): string {
    return `${this.graphRoot}${version}${path}`;
  }

  async get<T = Json>(pathOrUrl: string, headers: Record<string, string> = {}): Promise<T> {
    return (await this.request(this.url(pathOrUrl), headers)) as T;
  }

  /**
   * POSTs a JSON body and returns the JSON answer. Retried only when the service says it did not act
   * (429, 503): a create retried after a lost answer could happen twice.
   */
  async post<T = Json>(pathOrUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return (await this.request(this.url(pathOrUrl), headers, { method: 'POST', body: JSON.stringify(body) })) as T;
  }

  /** Every page of a collection, following @odata.nextLink verbatim until Graph stops giving one. */
  async *pages<T = Json>(pathOrUrl: string, headers: Record<string, string> = {}): AsyncGenerator<GraphPage<T>> {
    let url: string | undefined = this.url(pathOrUrl);
    const seen = new Set<string>();
    while (url !== undefined) {
      const body = await this.request(url, headers);
      const value = (body as Json | undefined)?.value;
      if (!Array.isArray(value)) throw this.failure(url, 200, 'NoValue', 'the response has no value array', 1);
      const nextLink = stringField(body, '@odata.nextLink');
      const deltaLink = stringField(body, '@odata.deltaLink');
      yield { value: value as T[], ...(nextLink ? { nextLink } : {}), ...(deltaLink ? { deltaLink } : {}) };
      if (nextLink === undefined) return;
      // A service bug that links a page to itself must not loop for ever.
      if (seen.has(nextLink)) throw this.failure(nextLink, 200, 'PagingLoop', 'the next page link repeats an earlier one', 1);
      seen.add(nextLink);
      url = this.url(nextLink);
    }
  }

  /** All items of a collection. */
  async all<T = Json>(pathOrUrl: string, headers: Record<string, string> = {}): Promise<T[]> {
    const items: T[] = [];
    for await (const page of this.pages<T>(pathOrUrl, headers)) items.push(...page.value);
    return items;
  }

  private async request(url: string, headers: Record<string, string>, write?: { method: 'POST'; body: string }): Promise<unknown> {
    const method = write?.method ?? 'GET';
    const limiter = this.limits.of(limitClassOf(url));
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const token = await this.tokens.getToken(refreshed && attempt === 1);
      const release = await limiter.acquire();
      this.stats.requests++;
      if (attempt > 1) this.stats.retries++;
      let outcome: HttpResponse | TransportError;
      let parsed: unknown;
      try {
        const sent = { Accept: 'application/json', ...(write ? { 'Content-Type': 'application/json' } : {}), ...headers, Authorization: `Bearer ${token}` };
        outcome = await send(this.agent, { method, url, headers: sent, ...(write ? { body: write.body } : {}), timeoutMs: this.timeoutMs });
        if (outcome.status >= 200 && outcome.status < 300) parsed = parseJson(outcome.body);
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        outcome = error;
      } finally {
        release();
      }
      if (!(outcome instanceof TransportError)) {
        if (outcome.status >= 200 && outcome.status < 300) {
          if (!(parsed instanceof TransportError)) return parsed;
          // A 200 whose body is not JSON was cut short on the way: same as a dropped connection.
          outcome = parsed;
        } else if (outcome.status === 401 && !refreshed) {
          // The token expired or was revoked mid-run: one fresh token, then the request again.
          refreshed = true;
          attempt = 0;
          continue;
        }
      }
      const again = write ? !(outcome instanceof TransportError) && (outcome.status === 429 || outcome.status === 503) : isRetryable(outcome);
      if (attempt < this.retry.maxAttempts && again) {
        const response = outcome instanceof TransportError ? undefined : outcome;
        const delay = retryDelayMs(this.retry, attempt, response);
        // A throttled class waits as a whole, so queued requests do not walk into the same 429.
        if (response?.status === 429) limiter.hold(Date.now() + delay);
        await sleep(delay);
        continue;
      }
      throw outcome instanceof TransportError
        ? this.failure(url, 0, outcome.code, outcome.message, attempt, outcome, method)
        : this.responseFailure(url, outcome, attempt, method);
    }
  }

  private responseFailure(url: string, response: HttpResponse, attempts: number, method: string): GraphError {
    const body = parseJson(response.body);
    const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    const code = typeof error?.code === 'string' ? error.code : `HTTP${response.status}`;
    const message = typeof error?.message === 'string' ? error.message : '';
    return this.failure(url, response.status, code, message, attempts, undefined, method);
  }

  private failure(url: string, status: number, code: string, message: string, attempts: number, cause?: unknown, method = 'GET'): GraphError {
    return new GraphError({ endpoint: `${method} ${new URL(url).pathname}`, status, graphCode: code, message: redact(message).slice(0, 500), attempts }, { cause });
  }
}

function stringField(body: unknown, name: string): string | undefined {
  const v = (body as Json | undefined)?.[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    return new TransportError('TRUNCATED', `response is not JSON: ${String(error)}`, true);
  }
}
