import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HttpResponse } from './http.ts';
import { TransportError } from './http.ts';
import { DEFAULT_RETRY, isRetryable, retryAfterMs, retryDelayMs } from './retry.ts';

const response = (status: number, headers: Record<string, string> = {}): HttpResponse => ({ status, headers, body: Buffer.alloc(0) });

describe('retry', () => {
  it('retries throttling, transient 5xx and dropped connections, not refusals or TLS failures', () => {
    for (const status of [429, 500, 502, 503, 504]) assert.equal(isRetryable(response(status)), true, String(status));
    for (const status of [400, 401, 403, 404, 501]) assert.equal(isRetryable(response(status)), false, String(status));
    assert.equal(isRetryable(new TransportError('ECONNRESET', 'reset', true)), true);
    assert.equal(isRetryable(new TransportError('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'untrusted', false)), false);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    assert.equal(retryAfterMs(response(429, { 'retry-after': '5' })), 5000);
    assert.equal(retryAfterMs(response(429, { 'retry-after': new Date(61_000).toUTCString() }), 1_000), 60_000);
    assert.equal(retryAfterMs(response(429)), undefined);
    assert.equal(retryAfterMs(response(429, { 'retry-after': 'soon' })), undefined);
  });

  it('waits exactly Retry-After (capped), else a full-jitter draw under a doubling ceiling', () => {
    assert.equal(retryDelayMs(DEFAULT_RETRY, 1, response(429, { 'retry-after': '3' })), 3000);
    assert.equal(retryDelayMs(DEFAULT_RETRY, 1, response(429, { 'retry-after': '99999' })), DEFAULT_RETRY.maxRetryAfterMs);
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    assert.equal(retryDelayMs(policy, 1, undefined, () => 0.999), 99);
    assert.equal(retryDelayMs(policy, 3, undefined, () => 0.5), 200);
    assert.equal(retryDelayMs(policy, 10, undefined, () => 0.999), 999);
    assert.equal(retryDelayMs(policy, 10, undefined, () => 0), 0);
  });
});
