// The HTTPS server on 127.0.0.1: reads each request, applies injected faults and latency, hands it
// to the identity platform or Graph, writes the reply and logs it.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IdentityEndpoints } from '../auth/identity-endpoints.ts';
import type { FaultInjector } from '../faults/fault-injector.ts';
import { gatewayTimeout, graphError, serviceUnavailable, tooManyRequests } from '../graph/errors.ts';
import type { GraphService } from '../graph/graph-service.ts';
import type { RequestLog } from './request-log.ts';
import type { IncomingCall, Reply, RequestClass } from './types.ts';

export interface FakeServerDeps {
  tls: { keyPem: string; certPem: string };
  identity: () => IdentityEndpoints;
  graph: () => GraphService;
  faults: FaultInjector;
  log: RequestLog;
  latencyMs: () => number;
  tenantId: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function encode(reply: Reply, call: IncomingCall): { headers: Record<string, string>; payload: Buffer } {
  const headers: Record<string, string> = {
    'request-id': call.requestId,
    'client-request-id': String(call.headers['client-request-id'] ?? call.requestId),
    'Cache-Control': 'no-store, no-cache',
    ...(reply.headers ?? {}),
  };
  let payload = Buffer.alloc(0);
  if (reply.text !== undefined) {
    payload = Buffer.from(reply.text, 'utf8');
    headers['Content-Type'] = reply.contentType ?? 'text/plain; charset=utf-8';
  } else if (reply.body !== undefined && reply.status !== 204) {
    payload = Buffer.from(JSON.stringify(reply.body), 'utf8');
    headers['Content-Type'] = reply.contentType ?? 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
  }
  headers['Content-Length'] = String(payload.length);
  return { headers, payload };
}

export class FakeServer {
  private readonly server: Server;

  constructor(private readonly deps: FakeServerDeps) {
    this.server = createServer({ key: deps.tls.keyPem, cert: deps.tls.certPem }, (req, res) => {
      this.serve(req, res).catch((error: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'generalException', message: String(error) } }));
        } else res.destroy();
      });
    });
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const call: IncomingCall = {
      method: (req.method ?? 'GET').toUpperCase(),
      url: new URL(req.url ?? '/', `https://${req.headers.host ?? '127.0.0.1'}`),
      headers: req.headers,
      body,
      remoteAddress: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
      requestId: randomUUID(),
    };
    const match = this.deps.graph().match(call);
    const cls: RequestClass = match ? match.class : 'identity';
    const decision = this.deps.faults.decide(cls, call.method, match ? match.path : call.url.pathname);
    const delay = this.deps.latencyMs() + decision.delayMs;
    if (delay > 0) await sleep(delay);
    const failure = decision.failure;
    let reply: Reply;
    if (failure && failure.kind !== 'drop') {
      reply = this.faultReply(call, failure.kind, failure.retryAfterSeconds);
    } else if (match) {
      reply = this.deps.graph().handle(call, match);
    } else {
      reply = this.deps.identity().handle(call) ?? graphError(call, 404, 'NotFound', `No such endpoint: ${call.url.pathname}`);
    }
    const { headers, payload } = encode(reply, call);
    const path = `${call.url.pathname}${call.url.search}`;
    const logged = { time: new Date().toISOString(), method: call.method, path, class: cls, ...(failure ? { fault: failure.kind } : {}) };
    if (failure?.kind === 'drop') {
      // Headers promise the whole body; half of it arrives, then the socket dies.
      this.deps.log.add({ ...logged, status: 0 });
      if (payload.length === 0) {
        req.socket.destroy();
        return;
      }
      res.writeHead(reply.status, headers);
      res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => res.destroy());
      return;
    }
    this.deps.log.add({ ...logged, status: reply.status });
    res.writeHead(reply.status, headers);
    res.end(payload);
  }

  private faultReply(call: IncomingCall, kind: 'throttle' | 'throttle-no-retry-after' | 'unavailable' | 'gateway-timeout', retryAfter: number): Reply {
    switch (kind) {
      case 'throttle':
        return tooManyRequests(call, this.deps.tenantId, 'throttle.aad.ags', retryAfter);
      case 'throttle-no-retry-after':
        return tooManyRequests(call, this.deps.tenantId, 'throttle.aad.ags');
      case 'unavailable':
        return serviceUnavailable(call, retryAfter);
      case 'gateway-timeout':
        return gatewayTimeout(call);
    }
  }
}
