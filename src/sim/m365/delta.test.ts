// Delta queries: a full first round ending in a deltaLink, then only the changes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GLOBAL_ADMINISTRATOR, HELPDESK_ADMINISTRATOR } from './tenant/catalog.ts';
import { startFakeM365, type FakeM365 } from './start.ts';
import { clientSecretToken, graph, graphAll } from './testing/fake-client.ts';

describe('delta queries', () => {
  let fake: FakeM365;
  let token: string;
  before(async () => {
    fake = await startFakeM365({ scenario: { id: 'benign', users: 230 }, seed: 5, now: '2026-06-01T12:00:00Z' });
    token = await clientSecretToken(fake);
  });
  after(() => fake.close());

  it('returns every user, then only created, changed and deleted ones', async () => {
    const first = await graphAll(fake, '/users/delta?$select=id,displayName,accountEnabled', token);
    assert.equal(first.items.length, fake.state.users.count);
    assert.ok(first.pages > 1, 'pages of 100');
    const deltaLink = String(first.last['@odata.deltaLink']);
    assert.match(deltaLink, /\/v1\.0\/users\/delta\?\$deltatoken=/);
    assert.equal(first.last['@odata.nextLink'], undefined);

    const quiet = await graphAll(fake, deltaLink, token);
    assert.equal(quiet.items.length, 0);

    const created = await graph(fake, '/users', token, { body: { displayName: 'Delta Person', userPrincipalName: 'delta.person@minato-trading.example', mailNickname: 'delta.person', accountEnabled: true } });
    assert.equal(created.status, 201);
    const newId = String((created.json as { id: string }).id);
    const victim = first.items[3]?.id as string;
    const changed = first.items[7]?.id as string;
    assert.equal((await graph(fake, `/users/${victim}`, token, { method: 'DELETE' })).status, 204);
    assert.equal((await graph(fake, `/users/${changed}`, token, { method: 'PATCH', body: { accountEnabled: false } })).status, 204);

    const second = await graphAll(fake, String(quiet.last['@odata.deltaLink']), token);
    const byId = new Map(second.items.map((u) => [u.id, u]));
    assert.equal(second.items.length, 3);
    assert.equal(byId.get(newId)?.displayName, 'Delta Person');
    assert.deepEqual(byId.get(victim), { id: victim, '@removed': { reason: 'changed' } });
    assert.equal(byId.get(changed)?.accountEnabled, false);
    assert.deepEqual(Object.keys(byId.get(changed) ?? {}).sort(), ['accountEnabled', 'displayName', 'id'], '$select carried in the token');

    // Hard delete: the next round says "deleted", not "changed".
    assert.equal((await graph(fake, `/directory/deletedItems/${victim}`, token, { method: 'DELETE' })).status, 204);
    const third = await graphAll(fake, String(second.last['@odata.deltaLink']), token);
    assert.deepEqual(third.items, [{ id: victim, '@removed': { reason: 'deleted' } }]);
  });

  it('returns directory roles with members@delta, then only membership changes', async () => {
    const first = await graph(fake, '/directoryRoles/delta', token);
    const body = first.json as { value: { roleTemplateId: string; 'members@delta': { id: string }[] }[]; '@odata.deltaLink': string };
    const ga = body.value.find((r) => r.roleTemplateId === GLOBAL_ADMINISTRATOR);
    assert.equal(ga?.['members@delta'].length, 2);
    const helpdeskUser = fake.scenario.characters.newHire ?? '';
    const added = await graph(fake, '/roleManagement/directory/roleAssignments', token, { body: { principalId: helpdeskUser, roleDefinitionId: HELPDESK_ADMINISTRATOR, directoryScopeId: '/' } });
    assert.equal(added.status, 201);
    const removedId = fake.state.roles.find(GLOBAL_ADMINISTRATOR, fake.scenario.characters.admin ?? '')?.id ?? '';
    assert.equal((await graph(fake, `/roleManagement/directory/roleAssignments/${removedId}`, token, { method: 'DELETE' })).status, 204);
    const second = await graph(fake, body['@odata.deltaLink'], token);
    const roles = (second.json as { value: { roleTemplateId: string; 'members@delta': Record<string, unknown>[] }[] }).value;
    assert.equal(roles.length, 2);
    assert.deepEqual(roles.find((r) => r.roleTemplateId === HELPDESK_ADMINISTRATOR)?.['members@delta'], [{ '@odata.type': '#microsoft.graph.user', id: helpdeskUser }]);
    assert.deepEqual(roles.find((r) => r.roleTemplateId === GLOBAL_ADMINISTRATOR)?.['members@delta'], [
      { '@odata.type': '#microsoft.graph.user', id: fake.scenario.characters.admin, '@removed': { reason: 'deleted' } },
    ]);
  });

  it('answers 400 syncStateNotFound to a delta link past its lifetime (7 days for directory objects)', async () => {
    const short = await startFakeM365({ scenario: { id: 'benign', users: 30 }, seed: 5, deltaTokenLifetimeMs: 200 });
    try {
      const t = await clientSecretToken(short);
      const first = await graphAll(short, '/users/delta?$select=id', t);
      const link = String(first.last['@odata.deltaLink']);
      assert.equal((await graph(short, link, t)).status, 200, 'fresh: usable');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const stale = await graph(short, link, t);
      assert.equal(stale.status, 400);
      assert.equal((stale.json as { error: { code: string } }).error.code, 'syncStateNotFound');
      assert.equal(short.state.deltaTokenLifetimeMs, 200);
      assert.equal(fake.state.deltaTokenLifetimeMs, 7 * 24 * 3_600_000, 'seven days by default');
    } finally {
      await short.close();
    }
  });
});
