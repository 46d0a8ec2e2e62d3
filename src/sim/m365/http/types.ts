// What the server hands to handlers and what they give back.
import type { IncomingHttpHeaders } from 'node:http';

export interface IncomingCall {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
  remoteAddress: string;
  requestId: string;
}

export interface Reply {
  status: number;
  /** JSON-serialised unless `text` is set; omitted for 204. */
  body?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** Classes of requests: fault rules and throttles target them. */
export type RequestClass =
  | 'identity'
  | 'organization'
  | 'domains'
  | 'users'
  | 'authMethods'
  | 'roles'
  | 'deletedItems'
  | 'billing'
  | 'policies'
  | 'conditionalAccess'
  | 'applications'
  | 'auditLogs'
  | 'reports'
  | 'auditQueries'
  | 'unknown';

export function formBody(call: IncomingCall): URLSearchParams {
  return new URLSearchParams(call.body.toString('utf8'));
}
