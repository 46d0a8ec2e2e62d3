// The real client libraries against the fake: @azure/msal-node (client secret, certificate, device
// code) and @microsoft/microsoft-graph-client (paging, filter, PATCH, retry on 429, error mapping).
// They run in a child process because Node reads NODE_EXTRA_CA_CERTS only at start-up.
// Skipped when the packages are not installed (they are not project dependencies yet).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import { startFakeM365 } from './start.ts';

const require = createRequire(import.meta.url);
function installed(name: string): string | undefined {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return undefined;
  }
}
const msalVersion = installed('@azure/msal-node');
const graphVersion = installed('@microsoft/microsoft-graph-client');
const skip = !msalVersion || !graphVersion ? 'needs @azure/msal-node and @microsoft/microsoft-graph-client (not installed)' : false;

describe('real SDKs against the fake tenant', { skip }, () => {
  it(`msal-node ${msalVersion ?? '?'} and microsoft-graph-client ${graphVersion ?? '?'} sign in, page, patch and retry`, async () => {
    const fake = await startFakeM365({
      scenario: 'seed-case',
      now: '2026-06-01T12:00:00Z',
      // Poll without waiting: the pending-then-approved sequence is what matters here, not the 5 s interval.
      deviceCode: { userPrincipalName: 'a.nakamura@kitahama-design.example', intervalSeconds: 0 },
      faults: { reportingThrottle: false, rules: [{ kind: 'throttle', match: { class: 'billing' }, at: [1], retryAfterSeconds: 1 }] },
    });
    try {
      const settings = {
        authority: fake.authority,
        knownAuthority: fake.knownAuthority,
        graphRoot: fake.graphRoot,
        clientId: fake.clientId,
        clientSecret: fake.clientSecret,
        thumbprintSha256: fake.clientCertificate.thumbprintSha256,
        privateKeyPem: fake.clientCertificate.privateKeyPem,
        tenantId: fake.tenantId,
      };
      const child = fileURLToPath(new URL('./testing/sdk-check-child.ts', import.meta.url));
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child], {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: fake.caFile, SDK_CHECK_SETTINGS: JSON.stringify(settings) },
        timeout: 60_000,
      });
      const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
      assert.equal(result.secretToken, true);
      assert.equal(result.certificateToken, true);
      assert.deepEqual((result.deviceCode as Record<string, unknown>).token, true);
      assert.equal((result.deviceCode as Record<string, unknown>).username, 'a.nakamura@kitahama-design.example');
      assert.equal(result.users, fake.state.users.count);
      assert.equal(result.uniqueUsers, fake.state.users.count);
      assert.equal(result.deleteUserRows, 1);
      assert.deepEqual(result.technicalNotificationMails, ['owner@kitahama-design.example']);
      const retried = result.retried as { skus: number; waitedMs: number };
      assert.equal(retried.skus, 2);
      assert.ok(retried.waitedMs >= 900, `waited ${retried.waitedMs} ms`);
      assert.deepEqual(result.signIns, { statusCode: 403, code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant' });
      // Only the fake was asked: msal needed nothing from login.microsoftonline.com.
      const identityCalls = fake.requestLog.entries.filter((e) => e.class === 'identity').map((e) => e.path.replace(/\?.*/, ''));
      assert.ok(identityCalls.every((p) => p.startsWith(`/${fake.tenantId}/`)), identityCalls.join(', '));
    } finally {
      await fake.close();
    }
  });
});
