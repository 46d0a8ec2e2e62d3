// Scenarios: reproducible from a seed, the seed case as DESIGN.md tells it, a benign month, and
// large tenants generated lazily.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildScenario } from './scenarios/registry.ts';
import { startFakeM365 } from './start.ts';
import { GLOBAL_ADMINISTRATOR, HELPDESK_ADMINISTRATOR, SKUS } from './tenant/catalog.ts';
import type { TenantState } from './tenant/tenant-state.ts';
import { clientSecretToken, errorOf, graph, graphAll } from './testing/fake-client.ts';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const DAY = 86_400_000;

function fingerprint(state: TenantState): string {
  const users = [...state.users.walk(0)].slice(0, 40).map(({ user }) => user);
  const audits = state.auditLog.page({ fromMs: 0, toMs: NOW, descending: true, limit: 300, scanBudget: 1e6 }).items;
  const signIns = state.signInLog.page({ fromMs: 0, toMs: NOW, descending: true, limit: 300, scanBudget: 1e6 }).items;
  return JSON.stringify({ users, audits, signIns, org: state.organization, subs: state.subscriptions, roles: state.roles.all() });
}

describe('scenarios', () => {
  it('are deterministic: the same seed gives the same tenant, another seed another', () => {
    const a = buildScenario('seed-case', { seed: 3, nowMs: NOW });
    const b = buildScenario('seed-case', { seed: 3, nowMs: NOW });
    const c = buildScenario('seed-case', { seed: 4, nowMs: NOW });
    assert.equal(fingerprint(a.state), fingerprint(b.state));
    assert.deepEqual(a.storyline, b.storyline);
    assert.notEqual(fingerprint(a.state), fingerprint(c.state));
  });

  it('seed case: the end state of the takeover', () => {
    const { state, characters, storyline } = buildScenario('seed-case', { seed: 1, nowMs: NOW });
    assert.equal(state.licence, 'free');
    assert.equal(state.securityDefaultsEnabled, false);
    assert.deepEqual(state.roles.membersOf(GLOBAL_ADMINISTRATOR), [characters.rogueAdmin]);
    assert.equal(state.users.get(characters.admin ?? ''), undefined);
    const deleted = state.deletedUsers.get(characters.admin ?? '');
    assert.ok(deleted && NOW - Date.parse(deleted.deletedDateTime) < 30 * DAY);
    assert.deepEqual(state.organization.technicalNotificationMails, ['it-notify.kitahama@mailbox.example']);
    const bought = state.subscriptions.find((s) => s.skuId === SKUS.businessBasic.skuId);
    assert.ok(bought && NOW - Date.parse(bought.createdDateTime) < 7 * DAY);
    assert.equal(bought.ownerId, characters.rogueAdmin);
    assert.equal(state.skus.find((s) => s.skuId === SKUS.businessBasic.skuId)?.prepaidEnabled, 5);
    const purchase = storyline.find((s) => s.what.startsWith('buys'));
    assert.equal(purchase?.auditActivity, null, 'purchases leave no audit row');
    const activities = state.auditLog.explicitRecords().map((r) => r.activityDisplayName);
    for (const step of storyline.filter((s) => s.auditActivity)) assert.ok(activities.includes(step.auditActivity ?? ''), step.what);
    assert.ok(storyline.some((s) => !s.malicious) && storyline.some((s) => s.malicious));
  });

  it('seed case over Graph: 7 days of audit history hide the start of the attack, sign-ins need P1', async () => {
    const fake = await startFakeM365({ scenario: 'seed-case', now: NOW, faults: { reportingThrottle: false } });
    try {
      const token = await clientSecretToken(fake);
      const { items } = await graphAll(fake, '/auditLogs/directoryAudits', token);
      const seen = new Set(items.map((r) => r.activityDisplayName));
      for (const visible of ['Remove member from role', 'Delete user', 'Change user license']) assert.ok(seen.has(visible), visible);
      for (const hidden of ['Add member to role', 'Set Company Information', 'Add user']) assert.ok(!seen.has(hidden), hidden);
      const signIns = await graph(fake, '/auditLogs/signIns', token);
      assert.equal(errorOf(signIns).code, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant');
      // What the tenant would show with P1: the attack from abroad, 30 days back.
      fake.setLicence('p1');
      const abroad = await graphAll(fake, "/auditLogs/signIns?$filter=ipAddress eq '203.0.113.77'", token);
      assert.ok(abroad.items.length >= 5);
      assert.ok(abroad.items.every((s) => (s.location as { countryOrRegion: string }).countryOrRegion === 'NL'));
      const all = await graphAll(fake, "/auditLogs/directoryAudits?$filter=activityDisplayName eq 'Add member to role'", token);
      assert.equal(all.items.length, 1);
    } finally {
      await fake.close();
    }
  });

  it('benign: a month of ordinary work, nothing malicious', () => {
    const { state, storyline, characters } = buildScenario('benign', { seed: 1, nowMs: NOW });
    assert.equal(state.licence, 'p1');
    assert.ok(storyline.every((s) => !s.malicious));
    assert.deepEqual(state.roles.membersOf(HELPDESK_ADMINISTRATOR), [characters.helpdesk]);
    assert.equal(state.roles.membersOf(GLOBAL_ADMINISTRATOR).length, 2);
    const activities = state.auditLog.explicitRecords().map((r) => r.activityDisplayName);
    assert.equal(activities.filter((a) => a === 'Reset password').length, 3);
    assert.ok(activities.includes('Change user license'));
    assert.equal(state.conditionalAccessPolicies.length, 1);
    assert.ok(Date.parse(storyline[0]?.at ?? '') < NOW - 25 * DAY);
  });

  it('scale: 100,000 users and 10,000,000 audit events are generated lazily and paged exactly', async () => {
    const started = Date.now();
    const heapBefore = process.memoryUsage().heapUsed;
    const fake = await startFakeM365({ scenario: { id: 'scale', users: 100_000, auditEvents: 10_000_000, signIns: 1_000_000 }, now: NOW, faults: { reportingThrottle: false } });
    try {
      assert.equal(fake.state.users.count, 100_000 + 5);
      assert.equal(fake.state.auditLog.size, 10_000_000 + fake.state.auditLog.explicitRecords().length);
      assert.ok(process.memoryUsage().heapUsed - heapBefore < 100 * 1024 * 1024, 'nothing big held in memory');
      const token = await clientSecretToken(fake);
      const from = new Date(NOW - 3 * DAY).toISOString();
      const to = new Date(NOW - 3 * DAY + 3600_000).toISOString();
      const before = fake.requestLog.entries.length;
      const { items, pages } = await graphAll(fake, `/auditLogs/directoryAudits?$filter=activityDateTime ge ${from} and activityDateTime le ${to}&$top=999&$select=id,activityDateTime`, token);
      const direct = fake.state.auditLog.page({ fromMs: Date.parse(from), toMs: Date.parse(to), descending: true, limit: 1e9, scanBudget: 1e9 }).items;
      assert.equal(items.length, direct.length);
      assert.ok(Math.abs(items.length - 10_000_000 / 30 / 24) < 100, `${items.length} events in one hour`);
      assert.equal(pages, Math.ceil(items.length / 999));
      assert.equal(fake.requestLog.entries.length - before, pages);
      const lastPage = await graph(fake, '/users?$top=999&$skiptoken=' + Buffer.from(JSON.stringify({ p: 99_500 })).toString('base64url'), token);
      assert.equal((lastPage.json as { value: unknown[] }).value.length, 505);
      assert.ok(Date.now() - started < 8000, `took ${Date.now() - started} ms`);
    } finally {
      await fake.close();
    }
  });
});
