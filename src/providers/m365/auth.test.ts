// Sign-in through @azure/msal-node against the fake identity platform over HTTPS: client secret,
// certificate and device code each get a token Graph accepts; a wrong secret fails without showing it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFakeM365, type FakeM365 } from '../../sim/m365/start.ts';
import { certificateThumbprint } from './auth.ts';
import { M365AuthError } from './errors.ts';
import { GraphClient } from './graph.ts';
import { fakeConnection } from './testing/fake-connection.ts';

describe('m365 sign-in', () => {
  let fake: FakeM365;
  let dir: string;
  before(async () => {
    fake = await startFakeM365({
      scenario: 'seed-case',
      now: '2026-06-01T12:00:00Z',
      deviceCode: { userPrincipalName: 'a.nakamura@kitahama-design.example', intervalSeconds: 0 },
    });
    dir = mkdtempSync(join(tmpdir(), 'takeback-auth-'));
  });
  after(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const organizationName = async (graph: GraphClient): Promise<unknown> => (await graph.get('/organization?$select=displayName')).value;

  for (const kind of ['secret', 'certificate'] as const) {
    it(`gets an app-only token with a client ${kind} and reads Graph with it`, async () => {
      const graph = new GraphClient(fakeConnection(fake, kind));
      try {
        assert.deepEqual(await organizationName(graph), [{ displayName: 'Kitahama Design Co., Ltd.' }]);
      } finally {
        graph.close();
      }
    });
  }

  it('computes the certificate thumbprint msal sends', () => {
    assert.equal(certificateThumbprint(fake.clientCertificate.certPem), fake.clientCertificate.thumbprintSha256.toLowerCase());
  });

  it('signs in with a device code, then silently from the token cache file', async () => {
    const cache = join(dir, 'tokens.json');
    const prompts: string[] = [];
    const conn = fakeConnection(fake, { kind: 'deviceCode', onPrompt: (m) => prompts.push(m), tokenCachePath: cache });
    const first = new GraphClient(conn);
    try {
      assert.equal(((await first.get('/organization?$select=id')).value as unknown[]).length, 1);
    } finally {
      first.close();
    }
    assert.equal(prompts.length, 1);
    assert.match(prompts[0] ?? '', /devicelogin/);
    assert.equal(statSync(cache).mode & 0o777, 0o600);
    // A new process (a new client) finds the account in the cache and needs no second prompt.
    const second = new GraphClient(conn);
    try {
      assert.equal(((await second.get('/organization?$select=id')).value as unknown[]).length, 1);
    } finally {
      second.close();
    }
    assert.equal(prompts.length, 1);
  });

  it('fails a wrong secret with a typed error that does not contain the secret', async () => {
    const wrong = 'wrong-secret-value-0123456789';
    const graph = new GraphClient({ ...fakeConnection(fake), auth: { kind: 'secret', secret: wrong } });
    try {
      await assert.rejects(graph.get('/organization'), (error: unknown) => {
        assert.ok(error instanceof M365AuthError);
        assert.equal(error.code, 'm365.auth.failed');
        assert.equal(error.params.reason, 'invalid_client');
        assert.ok(!JSON.stringify(error.params).includes(wrong));
        assert.ok(!error.message.includes(wrong));
        return true;
      });
    } finally {
      graph.close();
    }
  });
});
