// Purview audit search through Graph (security/auditLog/queries): the UAL twins of the tenant's
// directory changes and sign-ins, kept 180 days on a Free tenant; query status, paging and filters;
// v1.0's 404 as observed live; 403 without AuditLogsQuery.Read.All; 429 on rapid creation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFakeM365, type FakeM365 } from './start.ts';
import { clientSecretToken, errorOf, graph } from './testing/fake-client.ts';

const NOW = '2026-06-01T12:00:00Z';
const DAY = 86_400_000;

type Rec = Record<string, unknown> & { auditData: Record<string, unknown> };

describe('audit log queries (security/auditLog/queries)', () => {
  let fake: FakeM365;
  let token: string;
  const beta = (path: string): string => `${fake.graphBetaUrl}${path}`;

  before(async () => {
    fake = await startFakeM365({ scenario: 'seed-case', now: NOW, auditLogQueries: { delayMs: 200 }, faults: { auditQueryThrottle: false } });
    token = await clientSecretToken(fake);
  });
  after(() => fake.close());

  const create = async (body: Record<string, unknown>): Promise<string> => {
    const res = await graph(fake, beta('/security/auditLog/queries'), token, { method: 'POST', body });
    assert.equal(res.status, 201, res.text);
    return String((res.json as { id: string }).id);
  };
  const waitFor = async (id: string): Promise<string[]> => {
    const seen: string[] = [];
    for (let i = 0; i < 50; i++) {
      const res = await graph(fake, beta(`/security/auditLog/queries/${id}`), token);
      assert.equal(res.status, 200, res.text);
      const status = String((res.json as { status: string }).status);
      if (seen.at(-1) !== status) seen.push(status);
      if (status === 'succeeded' || status === 'failed') return seen;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('query never ended');
  };
  const allRecords = async (id: string, top?: number): Promise<{ records: Rec[]; pages: number }> => {
    let url: string | undefined = beta(`/security/auditLog/queries/${id}/records${top ? `?$top=${top}` : ''}`);
    const records: Rec[] = [];
    let pages = 0;
    while (url) {
      const res = await graph(fake, url, token);
      assert.equal(res.status, 200, res.text);
      const body = res.json as { value: Rec[]; '@odata.nextLink'?: string };
      records.push(...body.value);
      pages++;
      url = body['@odata.nextLink'];
    }
    return { records, pages };
  };

  it('runs notStarted → running → succeeded, then pages the attack from three weeks ago', async () => {
    const res = await graph(fake, beta('/security/auditLog/queries'), token, {
      method: 'POST',
      body: { displayName: 'test', filterStartDateTime: new Date(Date.parse(NOW) - 30 * DAY).toISOString(), filterEndDateTime: NOW, recordTypeFilters: ['azureActiveDirectory', 'azureActiveDirectoryStsLogon'] },
    });
    assert.equal(res.status, 201, res.text);
    const created = res.json as Record<string, unknown>;
    assert.equal(created.status, 'notStarted');
    assert.deepEqual(created.recordTypeFilters, ['AzureActiveDirectory', 'AzureActiveDirectoryStsLogon']);
    const id = String(created.id);
    const seen = await waitFor(id);
    assert.deepEqual(seen.at(-1), 'succeeded');
    assert.ok(seen.includes('running') || seen.includes('notStarted'));

    const { records, pages } = await allRecords(id, 100);
    assert.ok(pages > 3, `pages: ${pages}`);
    assert.equal(new Set(records.map((r) => r.id)).size, records.length, 'no record twice');
    const times = records.map((r) => Date.parse(String(r.createdDateTime)));
    assert.deepEqual(times, [...times].sort((a, b) => a - b), 'oldest first');
    const ops = new Set(records.map((r) => r.operation));
    for (const op of ['UserLoggedIn', 'UserLoginFailed', 'Add user.', 'Add member to role.', 'Set company contact information.', 'Remove member from role.', 'Delete user.', 'Change user license.', 'Update user.']) {
      assert.ok(ops.has(op), op);
    }
    const addUser = records.find((r) => r.operation === 'Add user.' && String(r.objectId).startsWith('it-support@'));
    assert.ok(addUser, 'the rogue account created three weeks ago');
    assert.ok(Date.parse(NOW) - Date.parse(String(addUser.createdDateTime)) > 14 * DAY);
    assert.equal(addUser.auditLogRecordType, 'AzureActiveDirectory');
    assert.equal(addUser.auditData.RecordType, 8);
    assert.equal(addUser.auditData['RecordType@odata.type'], '#Int64');
    assert.equal(addUser.auditData['@odata.type'], '#microsoft.graph.security.defaultAuditData');
    assert.match(String(addUser.auditData.CreationTime), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    assert.ok(addUser.clientIp, 'the attacker IP');
    // Security info: Core Directory's "Update user." with the Authenticator's details.
    const securityInfo = records.find((r) => r.operation === 'Update user.' && JSON.stringify(r.auditData.ModifiedProperties).includes('StrongAuthenticationPhoneAppDetail'));
    assert.ok(securityInfo);
    assert.match(JSON.stringify(securityInfo.auditData.ModifiedProperties), /SM-A546B/);
    const failed = records.find((r) => r.operation === 'UserLoginFailed');
    assert.equal(failed?.auditLogRecordType, 'AzureActiveDirectoryStsLogon');
    assert.equal(failed?.auditData.RecordType, 15);
    assert.equal(failed?.auditData.LogonError, 'InvalidUserNameOrPassword');
    assert.ok((failed?.auditData.ExtendedProperties as { Name: string }[]).some((p) => p.Name === 'UserAgent'));
    // A purchase leaves no record: nothing mentions the Business Basic subscription.
    assert.ok(!records.some((r) => /O365_BUSINESS_ESSENTIALS|Business Basic/.test(JSON.stringify(r))));
    // The same query read again gives the same records (stable ids).
    const again = await allRecords(id, 1000);
    assert.deepEqual(again.records.map((r) => r.id), records.map((r) => r.id));
  });

  it('keeps 180 days whatever the Entra licence, while the directory audit log keeps 7', async () => {
    const audits = await graph(fake, '/auditLogs/directoryAudits?$top=999', token);
    const oldest = Math.min(...(audits.json as { value: { activityDateTime: string }[] }).value.map((r) => Date.parse(r.activityDateTime)));
    assert.ok(Date.parse(NOW) - oldest <= 7 * DAY + 60_000);
    const id = await create({ filterStartDateTime: '2020-01-01T00:00:00Z', filterEndDateTime: NOW, recordTypeFilters: ['azureActiveDirectory'] });
    await waitFor(id);
    const { records } = await allRecords(id, 1000);
    assert.ok(records.every((r) => r.auditLogRecordType === 'AzureActiveDirectory'));
    assert.ok(records.some((r) => Date.parse(NOW) - Date.parse(String(r.createdDateTime)) > 20 * DAY));
  });

  it('filters by operation, and only reads records once the query has succeeded', async () => {
    fake.setAuditLogQueries({ delayMs: 60_000 });
    const slow = await create({ filterStartDateTime: '2026-01-01T00:00:00Z', filterEndDateTime: NOW, operationFilters: ['Delete user.'] });
    const early = await graph(fake, beta(`/security/auditLog/queries/${slow}/records`), token);
    assert.equal(early.status, 400);
    fake.setAuditLogQueries({ delayMs: 0 });
    const { records } = await allRecords(slow);
    assert.deepEqual(records.map((r) => r.operation), ['Delete user.']);
    fake.setAuditLogQueries({ delayMs: 200 });
  });

  it('ends as failed when told to', async () => {
    fake.setAuditLogQueries({ outcome: 'failed', delayMs: 0 });
    try {
      const id = await create({ filterStartDateTime: '2026-05-01T00:00:00Z', filterEndDateTime: NOW });
      assert.deepEqual(await waitFor(id), ['failed']);
    } finally {
      fake.setAuditLogQueries({ outcome: 'succeeded', delayMs: 200 });
    }
  });

  it('answers 404 UnknownError on v1.0 as a live tenant did, unless switched on', async () => {
    const res = await graph(fake, '/security/auditLog/queries', token, { method: 'POST', body: { filterStartDateTime: '2026-05-01T00:00:00Z', filterEndDateTime: NOW } });
    assert.equal(res.status, 404);
    assert.equal(errorOf(res).code, 'UnknownError');
    fake.setAuditLogQueries({ v1: 'served' });
    try {
      const served = await graph(fake, '/security/auditLog/queries', token, { method: 'POST', body: { filterStartDateTime: '2026-05-01T00:00:00Z', filterEndDateTime: NOW } });
      assert.equal(served.status, 201, served.text);
    } finally {
      fake.setAuditLogQueries({ v1: 'unknownError' });
    }
  });

  it('refuses without AuditLogsQuery.Read.All', async () => {
    const weak = fake.mintToken({ roles: ['AuditLog.Read.All', 'Directory.Read.All'] });
    const res = await graph(fake, beta('/security/auditLog/queries'), weak, { method: 'POST', body: { filterStartDateTime: '2026-05-01T00:00:00Z', filterEndDateTime: NOW } });
    assert.equal(res.status, 403);
    assert.equal(errorOf(res).code, 'Authorization_RequestDenied');
  });

  it('answers 429 to rapid query creation', async () => {
    fake.setFaults({ auditQueryThrottle: { limit: 2, windowMs: 10_000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await graph(fake, beta('/security/auditLog/queries'), token, { method: 'POST', body: { filterStartDateTime: '2026-05-01T00:00:00Z', filterEndDateTime: NOW } });
        statuses.push(res.status);
        if (res.status === 429) assert.equal(errorOf(res).code, 'TooManyRequests');
      }
      assert.deepEqual(statuses, [201, 201, 429]);
      // Polling is not creation: it is not throttled.
      const list = await graph(fake, beta('/security/auditLog/queries'), token);
      assert.equal(list.status, 200);
    } finally {
      fake.setFaults({ auditQueryThrottle: false });
    }
  });
});
