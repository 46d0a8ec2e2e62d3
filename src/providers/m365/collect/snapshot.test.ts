// A full snapshot of the seed case as a responder needs it, the per-source statuses a missing
// permission produces, and the incremental cycle a watch runs (users by delta, constant cost).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Snapshot } from '../../../core/snapshot.ts';
import { GLOBAL_ADMINISTRATOR } from '../../../sim/m365/tenant/catalog.ts';
import { READ_ONLY_APP_PERMISSIONS } from '../../../sim/m365/graph/permissions.ts';
import { startFakeM365, type FakeM365 } from '../../../sim/m365/start.ts';
import { clientSecretToken, graph as simGraph } from '../../../sim/m365/testing/fake-client.ts';
import { GraphClient } from '../graph.ts';
import { fakeConnection } from '../testing/fake-connection.ts';
import { CURSOR_KEYS, memoryCursors } from './cursors.ts';
import { daysLeft } from './deleted-users.ts';
import { collectSnapshot } from './snapshot.ts';

const NOW = '2026-06-01T12:00:00Z';

describe('collectSnapshot: the seed case', () => {
  let fake: FakeM365;
  let snapshot: Snapshot;
  before(async () => {
    fake = await startFakeM365({ scenario: 'seed-case', now: NOW });
    snapshot = await collectSnapshot(fakeConnection(fake), { cursors: memoryCursors(), now: new Date(NOW) });
  });
  after(() => fake.close());

  it('names the tenant by its GUID', () => {
    assert.equal(snapshot.tenant, fake.tenantId);
    assert.equal(snapshot.info?.displayName, 'Kitahama Design Co., Ltd.');
    assert.deepEqual(snapshot.info?.domains.map((d) => [d.name, d.isInitial, d.authentication]), [
      ['kitahama-design.example', false, 'managed'],
      ['kitahamadesign.onmicrosoft.com', true, 'managed'],
    ]);
  });

  it('finds the rogue Global Administrator by role template id, with his methods', () => {
    const rogue = fake.scenario.characters.rogueAdmin;
    const globalAdmins = snapshot.roleAssignments.filter((a) => a.roleTemplateId === GLOBAL_ADMINISTRATOR).map((a) => a.principalId);
    assert.deepEqual(globalAdmins, [rogue]);
    const principal = snapshot.principals.find((p) => p.id === rogue);
    assert.equal(principal?.name, 'IT Support');
    assert.deepEqual(principal?.authMethods?.map((m) => m.type), ['password']);
    // Auth methods are read for admins only.
    assert.equal(snapshot.principals.filter((p) => p.authMethods).length, 1);
  });

  it('lists the deleted original admin with the days left to restore him', () => {
    const deleted = snapshot.deletedPrincipals.find((p) => p.id === fake.scenario.characters.admin);
    assert.equal(deleted?.name, 'Kenji Tanaka');
    assert.equal(deleted?.deletedAt, '2026-05-28T18:11:00Z');
    assert.equal(deleted?.restorableUntil, '2026-06-27T18:11:00.000Z');
    assert.equal(daysLeft(deleted, new Date(NOW)), 26);
  });

  it('shows the licence bought three days ago', () => {
    const bought = snapshot.subscriptions.find((s) => s.skuPartNumber === 'O365_BUSINESS_ESSENTIALS');
    assert.equal(bought?.createdAt, '2026-05-29T19:30:00Z');
    assert.equal(bought?.totalLicenses, 5);
    assert.equal(bought?.isTrial, false);
  });

  it('shows the technical contact the attacker set', () => {
    assert.deepEqual(snapshot.info?.notificationContacts.technical, ['it-notify.kitahama@mailbox.example']);
  });

  it('detects a Free tenant: 7 days of audit, sign-ins unlicensed naming Entra ID P1 (not an error)', () => {
    assert.deepEqual(snapshot.licence, { tier: 'Free', auditRetentionDays: 7, signInLogs: false });
    const signIns = snapshot.sources.signIns;
    assert.equal(signIns?.state, 'unlicensed');
    assert.equal(signIns.state === 'unlicensed' ? signIns.licence : '', 'Microsoft Entra ID P1');
    assert.deepEqual(snapshot.sources.directoryAudits, { state: 'ok' });
    const notOk = Object.entries(snapshot.sources).filter(([, s]) => s.state !== 'ok').map(([name]) => name);
    assert.deepEqual(notOk, ['signIns']);
  });

  it('keeps the users delta link for the next cycle, tied to this snapshot', async () => {
    const cursors = memoryCursors();
    const again = await collectSnapshot(fakeConnection(fake), { cursors, now: new Date('2026-06-01T12:05:00Z') });
    const cursor = JSON.parse(cursors.values.get(CURSOR_KEYS.usersDelta) ?? '{}') as { deltaLink?: string; snapshotAt?: string };
    assert.match(cursor.deltaLink ?? '', /\/v1\.0\/users\/delta\?\$deltatoken=/);
    assert.equal(cursor.snapshotAt, again.collectedAt);
  });
});

describe('collectSnapshot: a token without Policy.Read.All', () => {
  it('reports exactly "denied: Policy.Read.All" for the policy sources and reads the rest', async () => {
    const fake = await startFakeM365({ scenario: 'benign', now: NOW, appPermissions: READ_ONLY_APP_PERMISSIONS.filter((p) => p !== 'Policy.Read.All') });
    try {
      const snapshot = await collectSnapshot(fakeConnection(fake), { cursors: memoryCursors() });
      const denied = Object.entries(snapshot.sources).filter(([, s]) => s.state !== 'ok');
      assert.deepEqual(
        denied.map(([name, s]) => [name, s.state, s.state === 'denied' ? s.permission : '']),
        [
          ['authorizationPolicy', 'denied', 'Policy.Read.All'],
          ['conditionalAccess', 'denied', 'Policy.Read.All'],
          ['securityDefaults', 'denied', 'Policy.Read.All'],
        ],
      );
      // Unknown is not "off": the policies are absent, not false or empty.
      assert.deepEqual(snapshot.policies, {});
      assert.equal(snapshot.licence?.tier, 'P1');
      assert.ok(snapshot.principals.length > 40);
    } finally {
      await fake.close();
    }
  });
});

describe('collectSnapshot: an incremental cycle', () => {
  it('applies user changes from the delta link at a cost that does not grow with the tenant', async () => {
    const requestsFor = async (users: number): Promise<{ full: number; quiet: number; changed: Snapshot; fake: FakeM365 }> => {
      // Six snapshots would otherwise wait on the reporting (5 per 10 s) and Conditional Access (1 per s) limits.
      const fake = await startFakeM365({ scenario: { id: 'scale', users, auditEvents: 100, signIns: 100 }, now: NOW, faults: { reportingThrottle: false, conditionalAccessThrottle: false } });
      const graph = new GraphClient(fakeConnection(fake), { limits: { reporting: { concurrency: 2 }, conditionalAccess: { concurrency: 1 } } });
      try {
        const cursors = memoryCursors();
        const graphRequests = (): number => fake.requestLog.count((e) => e.class !== 'identity');
        const first = await collectSnapshot(graph, { cursors, now: new Date('2026-06-01T12:00:00Z') });
        const full = graphRequests();
        fake.requestLog.clear();
        const second = await collectSnapshot(graph, { cursors, previous: first, now: new Date('2026-06-01T12:05:00Z') });
        const quiet = graphRequests();
        const { collectedAt: _a, ...firstRest } = first;
        const { collectedAt: _b, ...secondRest } = second;
        assert.deepEqual(secondRest, firstRest);
        // A change: a new user and a deleted one arrive through the delta link.
        const token = await clientSecretToken(fake);
        const created = await simGraph(fake, '/users', token, { body: { displayName: 'Late Hire', userPrincipalName: 'late.hire@minato-trading.example', mailNickname: 'late.hire', accountEnabled: true, passwordProfile: { password: 'Passw0rd-Passw0rd!' } } });
        assert.equal(created.status, 201);
        const helpdesk = fake.scenario.characters.helpdesk ?? '';
        assert.equal((await simGraph(fake, `/users/${helpdesk}`, token, { method: 'DELETE' })).status, 204);
        const changed = await collectSnapshot(graph, { cursors, previous: second, now: new Date('2026-06-01T12:10:00Z') });
        return { full, quiet, changed, fake };
      } finally {
        graph.close();
        await fake.close();
      }
    };
    const small = await requestsFor(1_000);
    const large = await requestsFor(5_000);
    assert.ok(large.full > small.full, `full: ${small.full} vs ${large.full}`);
    assert.equal(large.quiet, small.quiet);
    assert.ok(small.quiet <= 20, `quiet cycle: ${small.quiet} requests`);
    const helpdesk = large.fake.scenario.characters.helpdesk;
    assert.ok(large.changed.principals.some((p) => p.upn === 'late.hire@minato-trading.example'), 'the new user is in');
    assert.ok(!large.changed.principals.some((p) => p.id === helpdesk), 'the deleted user is out');
    assert.ok(large.changed.deletedPrincipals.some((p) => p.id === helpdesk), 'the deleted user is in the recycle bin');
    // The deleted helpdesk admin no longer holds his role.
    assert.ok(!large.changed.roleAssignments.some((a) => a.principalId === helpdesk), 'his role went with him');
  });
});

describe('collectSnapshot: a delta link past its lifetime', () => {
  it('reads all users again when Graph says syncStateNotFound, and keeps a fresh link', async () => {
    const fake = await startFakeM365({ scenario: 'seed-case', now: NOW, deltaTokenLifetimeMs: 200, faults: { reportingThrottle: false, conditionalAccessThrottle: false } });
    const graph = new GraphClient(fakeConnection(fake));
    try {
      const cursors = memoryCursors();
      const first = await collectSnapshot(graph, { cursors, now: new Date('2026-06-01T12:00:00Z') });
      const oldLink = cursors.values.get(CURSOR_KEYS.usersDelta);
      await new Promise((resolve) => setTimeout(resolve, 300));
      fake.requestLog.clear();
      const second = await collectSnapshot(graph, { cursors, previous: first, now: new Date('2026-06-08T12:00:00Z') });
      assert.ok(fake.requestLog.entries.some((e) => e.path.includes('$deltatoken=') && e.status === 400), 'the old link was refused');
      assert.equal(second.sources.users?.state, 'ok');
      assert.deepEqual(second.principals, first.principals);
      assert.notEqual(cursors.values.get(CURSOR_KEYS.usersDelta), oldLink);
    } finally {
      graph.close();
      await fake.close();
    }
  });
});
