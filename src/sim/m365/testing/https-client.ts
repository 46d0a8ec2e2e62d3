// A tiny HTTPS client for tests: Node's https.request with the fake's CA, no global trust changes.
import { request as httpsRequest } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';

export interface SimResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  json: unknown;
}

export interface SimRequest {
  method?: string;
  token?: string;
  body?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
}

export function call(caPem: string, url: string, options: SimRequest = {}): Promise<SimResponse> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  let payload: string | undefined;
  if (options.form) {
    payload = new URLSearchParams(options.form).toString();
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  } else if (options.body !== undefined) {
    payload = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (payload !== undefined) headers['Content-Length'] = String(Buffer.byteLength(payload));
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { method: options.method ?? (payload === undefined ? 'GET' : 'POST'), headers, ca: caPem }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** Follows @odata.nextLink until the end and returns every item and the number of pages. */
export async function collectAll(caPem: string, url: string, token: string): Promise<{ items: Record<string, unknown>[]; pages: number; last: Record<string, unknown> }> {
  const items: Record<string, unknown>[] = [];
  let next: string | undefined = url;
  let pages = 0;
  let last: Record<string, unknown> = {};
  while (next) {
    const res = await call(caPem, next, { token });
    if (res.status !== 200) throw new Error(`GET ${next} -> ${res.status} ${res.text}`);
    last = res.json as Record<string, unknown>;
    items.push(...(last.value as Record<string, unknown>[]));
    pages++;
    next = typeof last['@odata.nextLink'] === 'string' ? last['@odata.nextLink'] : undefined;
  }
  return { items, pages, last };
}
