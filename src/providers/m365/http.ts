// One HTTPS exchange on Node's https module with a keep-alive agent. Node 20's global fetch cannot
// trust an extra CA without undici, and msal and Graph must both reach the fake tenant in-process,
// so both go through here. A response cut short (dropped socket, body shorter than promised) is a
// TransportError, never a short body.
import { Agent, request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { rootCertificates } from 'node:tls';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Socket inactivity limit. */
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** No (complete) response arrived. `retryable` is false for failures a retry cannot fix (TLS trust, DNS). */
export class TransportError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
    this.name = 'TransportError';
  }
}

// Connection-level failures that a new attempt can get past.
const TRANSIENT = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'ECONNREFUSED', 'EAI_AGAIN', 'ENOTCONN', 'ERR_STREAM_PREMATURE_CLOSE', 'TRUNCATED', 'TIMEOUT']);

export function createAgent(ca?: string): Agent {
  // `ca` replaces the system roots, so an extra CA is added to them rather than used alone.
  return new Agent({ keepAlive: true, maxSockets: 16, ...(ca ? { ca: [...rootCertificates, ca] } : {}) });
}

function decode(body: Buffer, encoding: string | undefined): Buffer {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
      return gunzipSync(body);
    case 'deflate':
      return inflateSync(body);
    case 'br':
      return brotliDecompressSync(body);
    default:
      return body;
  }
}

function transportError(error: unknown): TransportError {
  if (error instanceof TransportError) return error;
  const code = (error as { code?: unknown }).code;
  const name = typeof code === 'string' ? code : 'ECONNRESET';
  const message = error instanceof Error ? error.message : String(error);
  return new TransportError(name, message, TRANSIENT.has(name), { cause: error });
}

export function send(agent: Agent, req: HttpRequest): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      reject(transportError(error));
    };
    const headers: Record<string, string> = { 'Accept-Encoding': 'gzip, deflate, br', ...(req.headers ?? {}) };
    if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));
    const outgoing = request(req.url, { method: req.method, headers, agent, timeout: req.timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      res.on('close', () => {
        if (settled) return;
        const raw = Buffer.concat(chunks);
        const promised = Number(res.headers['content-length']);
        if (!res.complete || (Number.isFinite(promised) && raw.length < promised)) {
          fail(new TransportError('TRUNCATED', `response ended after ${raw.length} bytes`, true));
          return;
        }
        let body: Buffer;
        try {
          body = decode(raw, res.headers['content-encoding']);
        } catch (error) {
          fail(new TransportError('TRUNCATED', `response body could not be decoded: ${String(error)}`, true));
          return;
        }
        settled = true;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    outgoing.on('timeout', () => outgoing.destroy(new TransportError('TIMEOUT', `no data for ${req.timeoutMs} ms`, true)));
    outgoing.on('error', fail);
    if (req.body !== undefined) outgoing.write(req.body);
    outgoing.end();
  });
}

/** A header's single value (Node gives arrays for repeated headers). */
export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
