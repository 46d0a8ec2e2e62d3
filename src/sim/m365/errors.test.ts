// Error behaviour: licence and permission 403s, 429s with and without Retry-After, 5xx, slow and
// dropped responses, the service throttles, and seeded fault schedules that repeat.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { startFakeM365, type FakeM365 } from './start.ts';
import { clientSecretToken, errorOf, graph } from './testing/fake-client.ts';
import type { SimResponse } from './testing/https-client.ts';

const SAMPLE_403 = JSON.parse(readFileSync(new URL('../../../../shared/data/samples/microsoft-docs-examples/error-403-nonpremium-signins.json', import.meta.url), 'utf8')) as {
  response: { error: { code: string; message: string } };
};

function assertErrorEnvelope(res: SimResponse): void {
  const error = (res.json as { error: Record<string, unknown> }).error;
  assert.deepEqual(Object.keys(error), ['code', 'message', 'innerError']);
  assert.deepEqual(Object.keys(error.innerError as object), ['date', 'request-id', 'client-request-id']);
  assert.equal((error.innerError as Record<string, string>)['request-id'], res.headers['request-id']);
}

describe('error behaviour', () => {
  let fake: FakeM365;
  let token: string;
  before(async () => {
    fake = await startFakeM365({ scenario: 'seed-case', now: '2026-06-01T12:00:00Z' });
    token = await clientSecretToken(fake);
  });
  after(() => fake.close());

  it('answers the exact non-premium 403 for sign-ins, the registration report and signInActivity on a Free tenant', async () => {
    for (const path of ['/auditLogs/signIns', '/reports/authenticationMethods/userRegistrationDetails', '/users?$select=id,signInActivity']) {
      const res = await graph(fake, path, token);
      assert.equal(res.status, 403, path);
      const { code, message } = SAMPLE_403.response.error;
      assert.deepEqual(errorOf(res), { code, message }, path);
      assertErrorEnvelope(res);
    }
    fake.setLicence('p1');
    try {
      for (const path of ['/auditLogs/signIns?$top=5', '/reports/authenticationMethods/userRegistrationDetails', '/users?$select=id,signInActivity']) {
        assert.equal((await graph(fake, path, token)).status, 200, path);
      }
    } finally {
      fake.setLicence('free');
    }
  });

  it('answers Authorization_RequestDenied when the token lacks the permission an endpoint needs', async () => {
    // Each endpoint works with its least-privileged permission alone, and not with an unrelated one.
    const table: [string, string][] = [
      ['/organization', 'Organization.Read.All'],
      ['/domains', 'Domain.Read.All'],
      ['/users', 'User.Read.All'],
      [`/users/${fake.scenario.characters.staff}/authentication/methods`, 'UserAuthenticationMethod.Read.All'],
      ['/directoryRoles', 'RoleManagement.Read.Directory'],
      ['/roleManagement/directory/roleAssignments', 'RoleManagement.Read.Directory'],
      ['/roleManagement/directory/roleDefinitions', 'RoleManagement.Read.Directory'],
      ['/directory/deletedItems/microsoft.graph.user', 'User.Read.All'],
      ['/subscribedSkus', 'Organization.Read.All'],
      ['/directory/subscriptions', 'Organization.Read.All'],
      ['/policies/identitySecurityDefaultsEnforcementPolicy', 'Policy.Read.All'],
      ['/policies/authorizationPolicy', 'Policy.Read.All'],
      ['/applications', 'Application.Read.All'],
      ['/servicePrincipals', 'Application.Read.All'],
      ['/auditLogs/directoryAudits?$top=1', 'AuditLog.Read.All'],
    ];
    fake.setFaults({ reportingThrottle: false, conditionalAccessThrottle: false });
    for (const [path, permission] of table) {
      const allowed = await graph(fake, path, fake.mintToken({ roles: [permission] }));
      assert.equal(allowed.status, 200, `${path} with ${permission}: ${allowed.text}`);
      const denied = await graph(fake, path, fake.mintToken({ roles: ['Mail.Read'] }));
      assert.equal(denied.status, 403, path);
      assert.deepEqual(errorOf(denied), { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
    }
    fake.setLicence('p1');
    try {
      const noAudit = await graph(fake, '/users?$select=id,signInActivity', fake.mintToken({ roles: ['User.Read.All'] }));
      assert.equal(errorOf(noAudit).code, 'Authorization_RequestDenied');
      assert.equal((await graph(fake, '/users?$select=id,signInActivity', fake.mintToken({ roles: ['User.Read.All', 'AuditLog.Read.All'] }))).status, 200);
    } finally {
      fake.setLicence('free');
    }
  });

  it('injects 429 with and without Retry-After, 503 and 504 with real-looking bodies, on a schedule', async () => {
    fake.setFaults({
      reportingThrottle: false,
      rules: [
        { kind: 'throttle', match: { class: 'users' }, at: [1], retryAfterSeconds: 5 },
        { kind: 'throttle-no-retry-after', match: { class: 'users' }, at: [2] },
        { kind: 'unavailable', match: { class: 'users' }, at: [3] },
        { kind: 'gateway-timeout', match: { class: 'users' }, at: [4] },
      ],
    });
    const statuses: SimResponse[] = [];
    for (let i = 0; i < 5; i++) statuses.push(await graph(fake, '/users?$top=1', token));
    const [throttled, bare, unavailable, timeout, fine] = statuses as [SimResponse, SimResponse, SimResponse, SimResponse, SimResponse];
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers['retry-after'], '5');
    assert.equal(errorOf(throttled).code, 'TooManyRequests');
    assert.match(errorOf(throttled).message, /^Too many requests from Identifier:.+ under category:throttle\.aad\.ags.*\. Please try again later\.$/);
    assertErrorEnvelope(throttled);
    assert.equal(bare.status, 429);
    assert.equal(bare.headers['retry-after'], undefined);
    assert.equal(unavailable.status, 503);
    assert.deepEqual(errorOf(unavailable), { code: 'serviceNotAvailable', message: 'Service unavailable' });
    assert.equal(unavailable.headers['retry-after'], '2');
    assert.equal(timeout.status, 504);
    assert.deepEqual(errorOf(timeout), { code: 'UnknownError', message: '' });
    assert.equal(timeout.headers['retry-after'], undefined);
    assert.equal(fine.status, 200);
    assert.deepEqual(
      fake.requestLog.entries.slice(-5).map((e) => [e.status, e.fault ?? null]),
      [[429, 'throttle'], [429, 'throttle-no-retry-after'], [503, 'unavailable'], [504, 'gateway-timeout'], [200, null]],
    );
  });

  it('slows responses down and drops connections mid-response', async () => {
    fake.setFaults({ rules: [{ kind: 'slow', match: { class: 'organization' }, delayMs: 300 }, { kind: 'drop', match: { class: 'domains' } }] });
    const started = Date.now();
    assert.equal((await graph(fake, '/organization', token)).status, 200);
    assert.ok(Date.now() - started >= 290);
    await assert.rejects(graph(fake, '/domains', token), /aborted|socket hang up|ECONNRESET/);
    assert.equal(fake.requestLog.entries.at(-1)?.status, 0);
    fake.setFaults({});
  });

  it('repeats a probabilistic fault pattern for the same seed', async () => {
    const pattern = async (seed: number): Promise<number[]> => {
      fake.setFaults({ seed, rules: [{ kind: 'unavailable', match: { class: 'users', method: 'GET' }, probability: 0.4 }] });
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await graph(fake, '/users?$top=1', token)).status);
      return out;
    };
    const first = await pattern(42);
    assert.deepEqual(await pattern(42), first);
    assert.ok(first.includes(503) && first.includes(200));
    assert.notDeepEqual(await pattern(43), first);
    fake.setFaults({});
  });

  it('throttles /auditLogs to 5 requests per 10 s per app, without Retry-After, and Conditional Access to 1 per second', async () => {
    fake.setFaults({});
    const statuses: SimResponse[] = [];
    for (let i = 0; i < 6; i++) statuses.push(await graph(fake, '/auditLogs/directoryAudits?$top=1', token));
    assert.deepEqual(statuses.map((s) => s.status), [200, 200, 200, 200, 200, 429]);
    const last = statuses[5] as SimResponse;
    assert.equal(last.headers['retry-after'], undefined);
    assert.equal(errorOf(last).code, 'TooManyRequests');
    const ca = [await graph(fake, '/identity/conditionalAccess/policies', token), await graph(fake, '/identity/conditionalAccess/policies', token)];
    assert.deepEqual(ca.map((r) => r.status), [200, 429]);
    fake.setFaults({ reportingThrottle: false, conditionalAccessThrottle: false });
  });

  it('fails the token endpoint on request and answers unknown Graph segments like Graph', async () => {
    fake.setFaults({ rules: [{ kind: 'unavailable', match: { class: 'identity' }, at: [1] }] });
    await assert.rejects(clientSecretToken(fake), /503/);
    assert.ok(await clientSecretToken(fake));
    const unknown = await graph(fake, '/nothingHere', token);
    assert.equal(unknown.status, 400);
    assert.deepEqual(errorOf(unknown), { code: 'BadRequest', message: "Resource not found for the segment 'nothingHere'." });
    const missing = await graph(fake, '/users/00000000-0000-0000-0000-000000000001', token);
    assert.equal(missing.status, 404);
    assert.equal(errorOf(missing).code, 'Request_ResourceNotFound');
    fake.setFaults({});
  });
});
