import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redact } from './redact.ts';

describe('redact', () => {
  it('removes the given secrets and anything token-shaped', () => {
    const secret = 'Xy7~verySecretValue.123';
    const text = [
      `AADSTS7000215: Invalid client secret provided: ${secret}`,
      'Authorization: Bearer eyJ0eXAiOiJKV1QifQ.eyJ0aWQiOiJ4In0.c2lnbmF0dXJl',
      'body client_secret=abc123&client_id=1 refresh_token=0.AAAA',
      '{"access_token":"abc","expires_in":3599}',
      '-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----',
    ].join('\n');
    const out = redact(text, [secret]);
    assert.ok(!out.includes(secret));
    assert.ok(!out.includes('eyJ0'));
    assert.ok(!out.includes('abc123'));
    assert.ok(!out.includes('0.AAAA'));
    assert.ok(!out.includes('MIIEvQ'));
    assert.match(out, /"access_token":"\[redacted\]","expires_in":3599/);
    assert.match(out, /client_id=1/);
  });

  it('leaves ordinary text alone, and ignores secrets too short to be real', () => {
    assert.equal(redact('Insufficient privileges to complete the operation.', ['a', '']), 'Insufficient privileges to complete the operation.');
  });
});
