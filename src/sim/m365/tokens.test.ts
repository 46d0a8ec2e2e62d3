// Token issuance and rejection at the fake identity platform, and token checks at Graph.
import assert from 'node:assert/strict';
import { createSign, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startFakeM365, type FakeM365 } from './start.ts';
import { call, clientSecretToken, errorOf, graph } from './testing/fake-client.ts';

const NOW = '2026-06-01T12:00:00Z';

function assertion(fake: FakeM365, options: { sha256Thumbprint?: string; audience?: string; expSeconds?: number } = {}): string {
  const header = { alg: 'PS256', typ: 'JWT', 'x5t#S256': Buffer.from(options.sha256Thumbprint ?? fake.clientCertificate.thumbprintSha256, 'hex').toString('base64url') };
  const now = Math.floor(Date.now() / 1000);
  const claims = { aud: options.audience ?? `${fake.authority}/oauth2/v2.0/token`, iss: fake.clientId, sub: fake.clientId, jti: randomUUID(), nbf: now, exp: now + (options.expSeconds ?? 600) };
  const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  const signature = createSign('sha256').update(input).sign({ key: fake.clientCertificate.privateKeyPem, padding: 6, saltLength: 32 });
  return `${input}.${signature.toString('base64url')}`;
}

function tokenRequest(fake: FakeM365, form: Record<string, string>) {
  return call(fake.caPem, `${fake.authority}/oauth2/v2.0/token`, { form });
}

describe('fake identity platform', () => {
  let fake: FakeM365;
  before(async () => {
    fake = await startFakeM365({ scenario: 'seed-case', now: NOW, deviceCode: { afterPolls: 1, userPrincipalName: 'a.nakamura@kitahama-design.example' } });
  });
  after(() => fake.close());

  it('serves OpenID metadata whose issuer and endpoints point at itself', async () => {
    const res = await call(fake.caPem, `${fake.authority}/v2.0/.well-known/openid-configuration`);
    const body = res.json as Record<string, string>;
    assert.equal(res.status, 200);
    assert.equal(body.issuer, `${fake.authority}/v2.0`);
    assert.equal(body.token_endpoint, `${fake.authority}/oauth2/v2.0/token`);
    assert.equal(body.device_authorization_endpoint, `${fake.authority}/oauth2/v2.0/devicecode`);
    const keys = await call(fake.caPem, body.jwks_uri ?? '');
    assert.equal((keys.json as { keys: unknown[] }).keys.length, 1);
  });

  it('issues an app-only token for the client secret, carrying the consented permissions as roles', async () => {
    const res = await tokenRequest(fake, { grant_type: 'client_credentials', client_id: fake.clientId, client_secret: fake.clientSecret, scope: 'https://graph.microsoft.com/.default' });
    assert.equal(res.status, 200);
    const body = res.json as { token_type: string; expires_in: number; access_token: string };
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.expires_in, 3599);
    const claims = JSON.parse(Buffer.from(body.access_token.split('.')[1] ?? '', 'base64url').toString()) as { roles: string[]; tid: string; aud: string };
    assert.equal(claims.tid, fake.tenantId);
    assert.equal(claims.aud, 'https://graph.microsoft.com');
    assert.ok(claims.roles.includes('AuditLog.Read.All'));
  });

  it('issues a token for a certificate assertion (x5t#S256, PS256) and refuses a foreign certificate', async () => {
    const ok = await tokenRequest(fake, {
      grant_type: 'client_credentials',
      client_id: fake.clientId,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion(fake),
      scope: 'https://graph.microsoft.com/.default',
    });
    assert.equal(ok.status, 200);
    const bad = await tokenRequest(fake, {
      grant_type: 'client_credentials',
      client_id: fake.clientId,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion(fake, { sha256Thumbprint: '00'.repeat(32) }),
      scope: 'https://graph.microsoft.com/.default',
    });
    assert.equal(bad.status, 401);
    assert.equal((bad.json as { error: string }).error, 'invalid_client');
    assert.deepEqual((bad.json as { error_codes: number[] }).error_codes, [700027]);
  });

  it('rejects a wrong secret, an unknown client, an unknown tenant and a scope without /.default', async () => {
    const base = { grant_type: 'client_credentials', client_id: fake.clientId, scope: 'https://graph.microsoft.com/.default' };
    const wrongSecret = await tokenRequest(fake, { ...base, client_secret: 'nope' });
    assert.equal(wrongSecret.status, 401);
    assert.deepEqual((wrongSecret.json as { error_codes: number[] }).error_codes, [7000215]);
    assert.match((wrongSecret.json as { error_description: string }).error_description, /^AADSTS7000215: Invalid client secret provided/);
    const unknownClient = await tokenRequest(fake, { ...base, client_id: randomUUID(), client_secret: 'x' });
    assert.equal(unknownClient.status, 400);
    assert.equal((unknownClient.json as { error: string }).error, 'unauthorized_client');
    const unknownTenant = await call(fake.caPem, `${fake.origin}/${randomUUID()}/oauth2/v2.0/token`, { form: { ...base, client_secret: fake.clientSecret } });
    assert.deepEqual((unknownTenant.json as { error_codes: number[] }).error_codes, [90002]);
    const badScope = await tokenRequest(fake, { ...base, client_secret: fake.clientSecret, scope: 'User.Read.All' });
    assert.deepEqual((badScope.json as { error_codes: number[] }).error_codes, [1002012]);
  });

  it('runs the device code flow: authorization_pending, then tokens for the signed-in user, then refresh', async () => {
    const start = await call(fake.caPem, `${fake.authority}/oauth2/v2.0/devicecode`, { form: { client_id: fake.clientId, scope: 'https://graph.microsoft.com/AuditLog.Read.All offline_access openid profile' } });
    assert.equal(start.status, 200);
    const { device_code: deviceCode, user_code: userCode, message } = start.json as Record<string, string>;
    assert.ok(message?.includes(userCode ?? '?'));
    const form = { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: fake.clientId, device_code: deviceCode ?? '' };
    const pending = await tokenRequest(fake, form);
    assert.equal(pending.status, 400);
    assert.equal((pending.json as { error: string }).error, 'authorization_pending');
    const done = await tokenRequest(fake, form);
    assert.equal(done.status, 200);
    const body = done.json as Record<string, string>;
    const claims = JSON.parse(Buffer.from(body.access_token?.split('.')[1] ?? '', 'base64url').toString()) as { scp: string; upn: string };
    assert.equal(claims.scp, 'AuditLog.Read.All');
    assert.equal(claims.upn, 'a.nakamura@kitahama-design.example');
    const me = await graph(fake, '/auditLogs/directoryAudits?$top=1', body.access_token ?? '');
    assert.equal(me.status, 200);
    const refreshed = await tokenRequest(fake, { grant_type: 'refresh_token', client_id: fake.clientId, refresh_token: body.refresh_token ?? '' });
    assert.equal(refreshed.status, 200);
    const again = await tokenRequest(fake, form);
    assert.equal((again.json as { error: string }).error, 'invalid_grant');
  });

  it('answers Graph with 401 InvalidAuthenticationToken for a missing, expired or forged token', async () => {
    const missing = await call(fake.caPem, `${fake.graphBaseUrl}/users`);
    assert.equal(missing.status, 401);
    assert.deepEqual(errorOf(missing), { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' });
    assert.match(String(missing.headers['www-authenticate']), /^Bearer realm=""/);
    const expired = await graph(fake, '/users', fake.mintToken({ expiresInSeconds: -60 }));
    assert.equal(expired.status, 401);
    assert.equal(errorOf(expired).message, 'Lifetime validation failed, the token is expired.');
    const good = await clientSecretToken(fake);
    const [h, c] = good.split('.');
    const forged = await graph(fake, '/users', `${h}.${c}.${Buffer.from('not a signature').toString('base64url')}`);
    assert.equal(forged.status, 401);
    assert.equal(errorOf(forged).message, 'Access token validation failure.');
    const garbage = await graph(fake, '/users', 'garbage');
    assert.equal(errorOf(garbage).code, 'InvalidAuthenticationToken');
  });
});
