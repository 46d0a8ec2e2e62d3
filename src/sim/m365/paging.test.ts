// Paging with $top and @odata.nextLink, $filter and $select, and the audit retention window.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFakeM365, type FakeM365 } from './start.ts';
import { clientSecretToken, errorOf, graph, graphAll } from './testing/fake-client.ts';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const DAY = 86_400_000;

describe('paging and query options', () => {
  let fake: FakeM365;
  let token: string;
  before(async () => {
    // 1,234 generated users and 20,000 audit events over 30 days; P1 keeps 30 days of history.
    fake = await startFakeM365({ scenario: { id: 'scale', users: 1234, auditEvents: 20_000, signIns: 10_000, days: 30 }, seed: 11, now: NOW, faults: { reportingThrottle: false } });
    token = await clientSecretToken(fake);
  });
  after(() => fake.close());

  it('pages through every user with $top and nextLink, counts exact', async () => {
    const expected = fake.state.users.count;
    const { items, pages, last } = await graphAll(fake, '/users?$top=100&$select=id,userPrincipalName', token);
    assert.equal(items.length, expected);
    assert.equal(new Set(items.map((u) => u.id)).size, expected);
    assert.equal(pages, Math.ceil(expected / 100));
    assert.equal(last['@odata.nextLink'], undefined);
    assert.deepEqual(Object.keys(items[0] ?? {}).sort(), ['id', 'userPrincipalName']);
    const first = await graph(fake, '/users?$top=100&$select=id,userPrincipalName', token);
    assert.match(String((first.json as Record<string, unknown>)['@odata.nextLink']), /^https:\/\/127\.0\.0\.1:\d+\/v1\.0\/users\?\$top=100&\$select=id%2CuserPrincipalName&\$skiptoken=/);
  });

  it('returns the default user properties without $select and refuses a page size over 999', async () => {
    const res = await graph(fake, '/users?$top=1', token);
    const user = (res.json as { value: Record<string, unknown>[] }).value[0] ?? {};
    assert.deepEqual(Object.keys(user).sort(), ['businessPhones', 'displayName', 'givenName', 'id', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName']);
    const tooBig = await graph(fake, '/users?$top=1000', token);
    assert.equal(tooBig.status, 400);
    assert.deepEqual(errorOf(tooBig), { code: 'Request_UnsupportedQuery', message: "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive." });
  });

  it('filters users on properties, and refuses unsupported ones', async () => {
    const { items } = await graphAll(fake, "/users?$filter=userType eq 'Guest'&$select=id,userType&$top=999", token);
    let guests = 0;
    for (const { user } of fake.state.users.walk(0)) if (user.userType === 'Guest') guests++;
    assert.equal(items.length, guests);
    assert.ok(guests > 0);
    const bad = await graph(fake, "/users?$filter=aboutMe eq 'x'", token);
    assert.equal(bad.status, 400);
    assert.equal(errorOf(bad).code, 'Request_UnsupportedQuery');
  });

  it('filters directory audits on activityDateTime ge/le and pages the window exactly', async () => {
    const from = new Date(NOW - 10 * DAY).toISOString();
    const to = new Date(NOW - 8 * DAY).toISOString();
    const { items, pages } = await graphAll(fake, `/auditLogs/directoryAudits?$filter=activityDateTime ge ${from} and activityDateTime le ${to}&$top=200`, token);
    // The background events are spread evenly: about 2/30 of 20,000 fall in two days.
    assert.ok(Math.abs(items.length - 1333) < 5, `got ${items.length}`);
    assert.equal(pages, Math.ceil(items.length / 200));
    const times = items.map((a) => Date.parse(String(a.activityDateTime)));
    assert.ok(times.every((t) => t >= Date.parse(from) && t <= Date.parse(to) + 1));
    assert.ok(times.every((t, i) => i === 0 || t <= (times[i - 1] ?? 0)), 'newest first');
    const ascending = await graphAll(fake, `/auditLogs/directoryAudits?$filter=activityDateTime ge ${from} and activityDateTime le ${to}&$orderby=activityDateTime asc&$top=999`, token);
    assert.equal(ascending.items.length, items.length);
    assert.equal(ascending.items[0]?.id, items.at(-1)?.id);
  });

  it('filters directory audits on activityDisplayName and initiatedBy/user/id', async () => {
    const adminId = fake.scenario.characters.admin ?? '';
    const byAdmin = await graphAll(fake, `/auditLogs/directoryAudits?$filter=initiatedBy/user/id eq '${adminId}'`, token);
    const expected = fake.state.auditLog.explicitRecords().filter((r) => r.initiatedBy.user?.id === adminId);
    assert.deepEqual(byAdmin.items.map((r) => r.id).sort(), expected.map((r) => r.id).sort());
    const roles = await graphAll(fake, "/auditLogs/directoryAudits?$filter=activityDisplayName eq 'Add member to role'", token);
    assert.equal(roles.items.length, 1);
    const target = (roles.items[0]?.targetResources as { modifiedProperties: { displayName: string; newValue: string }[] }[])[0];
    assert.equal(target?.modifiedProperties.find((p) => p.displayName === 'Role.DisplayName')?.newValue, '"Helpdesk Administrator"');
  });

  it('keeps only the retention window: 30 days with P1, 7 days on Free', async () => {
    const oldest = async (): Promise<number> => {
      const res = await graph(fake, '/auditLogs/directoryAudits?$orderby=activityDateTime asc&$top=1', token);
      return Date.parse(String((res.json as { value: { activityDateTime: string }[] }).value[0]?.activityDateTime));
    };
    assert.ok(NOW - (await oldest()) > 25 * DAY);
    fake.setLicence('free');
    try {
      const age = NOW - (await oldest());
      assert.ok(age <= 7 * DAY && age > 6 * DAY, `oldest is ${age / DAY} days old`);
    } finally {
      fake.setLicence('p1');
    }
  });

  it('pages sign-ins and filters them by user and status', async () => {
    const someone = fake.state.signInLog.page({ fromMs: 0, toMs: NOW, descending: true, limit: 1, scanBudget: 10 }).items[0];
    const userId = someone?.userId ?? '';
    const { items } = await graphAll(fake, `/auditLogs/signIns?$filter=userId eq '${userId}' and status/errorCode eq 0&$top=50`, token);
    assert.ok(items.length > 0);
    assert.ok(items.every((s) => s.userId === userId && (s.status as { errorCode: number }).errorCode === 0));
  });

  it('accepts signInEventTypes only on beta, as the live service does', async () => {
    const filter = "$filter=signInEventTypes/any(t: t eq 'nonInteractiveUser')&$top=20";
    const v1 = await graph(fake, `/auditLogs/signIns?${filter}`, token);
    assert.equal(v1.status, 400);
    const beta = await graph(fake, `${fake.graphBetaUrl}/auditLogs/signIns?${filter}`, token);
    assert.equal(beta.status, 200);
    const rows = (beta.json as { value: { isInteractive: boolean; signInEventTypes: string[] }[] }).value;
    assert.ok(rows.length > 0 && rows.every((r) => !r.isInteractive && r.signInEventTypes[0] === 'nonInteractiveUser'));
  });
});
