// msal's network client: the same https agent (and extra CA) as Graph, and the same retry policy,
// so a throttled or dropped token request is retried here and msal only sees the final answer.
// Device-code polling answers 400 authorization_pending, which is not retried: msal polls itself.
import type { Agent } from 'node:https';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { send, TransportError, type HttpResponse } from './http.ts';
import { isRetryable, retryDelayMs, sleep, type RetryPolicy } from './retry.ts';

export class MsalNetwork implements INetworkModule {
  constructor(
    private readonly agent: Agent,
    private readonly retry: RetryPolicy,
    private readonly timeoutMs: number,
  ) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.exchange<T>('GET', url, options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.exchange<T>('POST', url, options);
  }

  private async exchange<T>(method: 'GET' | 'POST', url: string, options: NetworkRequestOptions | undefined, timeout?: number): Promise<NetworkResponse<T>> {
    let attempt = 0;
    for (;;) {
      attempt++;
      let outcome: HttpResponse | TransportError;
      try {
        outcome = await send(this.agent, { method, url, headers: options?.headers, body: method === 'POST' ? (options?.body ?? '') : undefined, timeoutMs: timeout ?? this.timeoutMs });
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        outcome = error;
      }
      if (attempt < this.retry.maxAttempts && isRetryable(outcome)) {
        await sleep(retryDelayMs(this.retry, attempt, outcome instanceof TransportError ? undefined : outcome));
        continue;
      }
      if (outcome instanceof TransportError) throw outcome;
      return { status: outcome.status, headers: flatHeaders(outcome), body: parseBody<T>(outcome.body) };
    }
  }
}

function flatHeaders(response: HttpResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function parseBody<T>(body: Buffer): T {
  const text = body.toString('utf8');
  try {
    return (text ? JSON.parse(text) : {}) as T;
  } catch {
    // msal reads `error`/`error_description`; a non-JSON body (a proxy's HTML page) becomes one.
    return { error: 'invalid_response', error_description: text.slice(0, 200) } as T;
  }
}
