// Writes change the tenant and leave the audit rows the real service would, shaped as on the wire.
// Played as the recovery of the seed case: restore the admin, clean up after the attacker.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GLOBAL_ADMINISTRATOR } from './tenant/catalog.ts';
import type { DirectoryAuditRecord } from './tenant/log-records.ts';
import { startFakeM365, type FakeM365 } from './start.ts';
import { clientSecretToken, errorOf, graph } from './testing/fake-client.ts';

describe('writes and their audit records', () => {
  let fake: FakeM365;
  let token: string;
  let adminId: string;
  let rogueId: string;
  const newRows = (since: number): DirectoryAuditRecord[] => fake.state.auditLog.explicitRecords().slice(since);
  const mark = (): number => fake.state.auditLog.explicitRecords().length;
  const prop = (row: DirectoryAuditRecord | undefined, name: string, target = 0) => row?.targetResources[target]?.modifiedProperties.find((p) => p.displayName === name);

  before(async () => {
    fake = await startFakeM365({ scenario: 'seed-case', now: '2026-06-01T12:00:00Z', faults: { reportingThrottle: false } });
    token = await clientSecretToken(fake);
    adminId = fake.scenario.characters.admin ?? '';
    rogueId = fake.scenario.characters.rogueAdmin ?? '';
  });
  after(() => fake.close());

  it('lists the deleted admin in the recycle bin and restores him, writing "Restore user"', async () => {
    const bin = await graph(fake, '/directory/deletedItems/microsoft.graph.user', token);
    const entry = (bin.json as { value: Record<string, string>[] }).value.find((u) => u.id === adminId);
    assert.ok(entry?.deletedDateTime);
    assert.equal(entry.userPrincipalName, `${adminId.replace(/-/g, '')}k.tanaka@kitahama-design.example`);
    assert.equal((await graph(fake, `/users/${adminId}`, token)).status, 404);
    const before = mark();
    const restored = await graph(fake, `/directory/deletedItems/${adminId}/restore`, token, { method: 'POST' });
    assert.equal(restored.status, 200);
    assert.equal((restored.json as Record<string, string>)['@odata.type'], '#microsoft.graph.user');
    assert.equal((await graph(fake, `/users/${adminId}`, token)).status, 200);
    const [row] = newRows(before);
    assert.equal(row?.activityDisplayName, 'Restore user');
    assert.deepEqual(row?.initiatedBy, { user: null, app: { appId: fake.clientId, displayName: 'takeback collector', servicePrincipalId: fake.state.servicePrincipals.find((s) => s.appId === fake.clientId)?.id, servicePrincipalName: null } });
  });

  it('removes the attacker\'s Authenticator from the admin ("Admin deleted security info")', async () => {
    const methods = await graph(fake, `/users/${adminId}/authentication/methods`, token);
    const authenticator = (methods.json as { value: Record<string, string>[] }).value.find((m) => m['@odata.type'] === '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod');
    assert.equal(authenticator?.displayName, 'SM-A546B');
    const before = mark();
    assert.equal((await graph(fake, `/users/${adminId}/authentication/microsoftAuthenticatorMethods/${authenticator?.id}`, token, { method: 'DELETE' })).status, 204);
    const [row] = newRows(before);
    assert.equal(row?.activityDisplayName, 'Admin deleted security info');
    assert.equal(row?.loggedByService, 'Authentication Methods');
    assert.equal(row?.category, 'UserManagement');
    const password = await graph(fake, `/users/${adminId}/authentication/passwordMethods/28c10230-6103-485e-b985-444c60001490`, token, { method: 'DELETE' });
    assert.equal(password.status, 400);
  });

  it('makes the admin Global Administrator again ("Add member to role" with role details)', async () => {
    const before = mark();
    const res = await graph(fake, '/roleManagement/directory/roleAssignments', token, { body: { '@odata.type': '#microsoft.graph.unifiedRoleAssignment', principalId: adminId, roleDefinitionId: GLOBAL_ADMINISTRATOR, directoryScopeId: '/' } });
    assert.equal(res.status, 201);
    assert.match(String((res.json as { id: string }).id), /^lAPpYvVpN0KRkAEhdxReE.+-1$/);
    const [row] = newRows(before);
    assert.equal(row?.activityDisplayName, 'Add member to role');
    assert.equal(row?.category, 'RoleManagement');
    assert.equal(row?.operationType, 'Assign');
    assert.equal(row?.loggedByService, 'Core Directory');
    assert.equal(row?.targetResources[0]?.type, 'User');
    assert.equal(row?.targetResources[1]?.type, 'Role');
    assert.deepEqual(prop(row, 'Role.DisplayName'), { displayName: 'Role.DisplayName', oldValue: null, newValue: '"Global Administrator"' });
    assert.equal(prop(row, 'Role.TemplateId')?.newValue, `"${GLOBAL_ADMINISTRATOR}"`);
    assert.equal(prop(row, 'Role.WellKnownObjectName')?.newValue, '"TenantAdmins"');
    assert.equal(prop(row, 'Role.ObjectID')?.newValue, `"${row?.targetResources[1]?.id}"`);
  });

  it('revokes the rogue admin\'s sessions: "Update user" + "Update StsRefreshTokenValidFrom Timestamp" sharing a correlationId', async () => {
    const before = mark();
    const res = await graph(fake, `/users/${rogueId}/revokeSignInSessions`, token, { method: 'POST' });
    assert.equal(res.status, 200);
    assert.equal((res.json as { value: boolean }).value, true);
    const rows = newRows(before);
    assert.deepEqual(rows.map((r) => r.activityDisplayName), ['Update user', 'Update StsRefreshTokenValidFrom Timestamp']);
    assert.equal(rows[0]?.correlationId, rows[1]?.correlationId);
    const validFrom = prop(rows[0], 'StsRefreshTokensValidFrom');
    assert.match(String(validFrom?.newValue), /^\["\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"\]$/);
    assert.equal((JSON.parse(String(validFrom?.newValue)) as string[])[0], fake.state.users.get(rogueId)?.signInSessionsValidFromDateTime);
  });

  it('disables the rogue admin and removes it from the role', async () => {
    let before = mark();
    assert.equal((await graph(fake, `/users/${rogueId}`, token, { method: 'PATCH', body: { accountEnabled: false } })).status, 204);
    let rows = newRows(before);
    assert.deepEqual(rows.map((r) => r.activityDisplayName), ['Disable account', 'Update user']);
    assert.deepEqual(prop(rows[1], 'AccountEnabled'), { displayName: 'AccountEnabled', oldValue: '[true]', newValue: '[false]' });
    assert.equal(fake.state.users.get(rogueId)?.accountEnabled, false);
    const list = await graph(fake, `/roleManagement/directory/roleAssignments?$filter=principalId eq '${rogueId}'`, token);
    const assignment = (list.json as { value: { id: string }[] }).value[0];
    before = mark();
    assert.equal((await graph(fake, `/roleManagement/directory/roleAssignments/${assignment?.id}`, token, { method: 'DELETE' })).status, 204);
    rows = newRows(before);
    assert.equal(rows[0]?.activityDisplayName, 'Remove member from role');
    assert.equal(rows[0]?.operationType, 'Unassign');
    assert.deepEqual(prop(rows[0], 'Role.DisplayName'), { displayName: 'Role.DisplayName', oldValue: '"Global Administrator"', newValue: null });
  });

  it('puts the technical contact back (PATCH /organization answers 204, "Set Company Information")', async () => {
    const before = mark();
    const res = await graph(fake, `/organization/${fake.tenantId}`, token, { method: 'PATCH', body: { technicalNotificationMails: ['k.tanaka@kitahama-design.example'] } });
    assert.equal(res.status, 204);
    assert.equal(res.text, '');
    const org = await graph(fake, '/organization?$select=technicalNotificationMails', token);
    assert.deepEqual((org.json as { value: { technicalNotificationMails: string[] }[] }).value[0]?.technicalNotificationMails, ['k.tanaka@kitahama-design.example']);
    const [row] = newRows(before);
    assert.equal(row?.activityDisplayName, 'Set Company Information');
    assert.equal(row?.category, 'DirectoryManagement');
    assert.equal(row?.targetResources[0]?.type, 'Company');
    assert.deepEqual(prop(row, 'TechnicalNotificationMails'), { displayName: 'TechnicalNotificationMails', oldValue: '["it-notify.kitahama@mailbox.example"]', newValue: '["k.tanaka@kitahama-design.example"]' });
  });

  it('turns security defaults on ("Update security defaults") with a delegated token naming the user', async () => {
    const delegated = fake.mintToken({ userPrincipalName: 'k.tanaka@kitahama-design.example', scopes: ['Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess'] });
    const before = mark();
    assert.equal((await graph(fake, '/policies/identitySecurityDefaultsEnforcementPolicy', delegated, { method: 'PATCH', body: { isEnabled: true } })).status, 204);
    const policy = await graph(fake, '/policies/identitySecurityDefaultsEnforcementPolicy', delegated);
    assert.equal((policy.json as { isEnabled: boolean }).isEnabled, true);
    const [row] = newRows(before);
    assert.equal(row?.activityDisplayName, 'Update security defaults');
    assert.equal(row?.initiatedBy.app, null);
    assert.deepEqual(row?.initiatedBy.user, { id: adminId, displayName: null, userPrincipalName: 'k.tanaka@kitahama-design.example', ipAddress: '127.0.0.1' });
  });

  it('refuses writes without permission and then leaves no audit row', async () => {
    const before = mark();
    const readOnly = fake.mintToken({ roles: ['User.Read.All', 'Organization.Read.All'] });
    const res = await graph(fake, `/users/${rogueId}`, readOnly, { method: 'DELETE' });
    assert.equal(res.status, 403);
    assert.equal(errorOf(res).code, 'Authorization_RequestDenied');
    assert.equal((await graph(fake, `/organization/${fake.tenantId}`, readOnly, { method: 'PATCH', body: { technicalNotificationMails: ['x@y.example'] } })).status, 403);
    assert.equal(mark(), before);
  });

  it('soft-deletes a user for 30 days and refuses an app-only restore of a former admin', async () => {
    const staffId = fake.scenario.characters.staff ?? '';
    await graph(fake, '/roleManagement/directory/roleAssignments', token, { body: { principalId: staffId, roleDefinitionId: GLOBAL_ADMINISTRATOR, directoryScopeId: '/' } });
    const before = mark();
    assert.equal((await graph(fake, `/users/${staffId}`, token, { method: 'DELETE' })).status, 204);
    const [row] = newRows(before);
    assert.equal(row?.activityDisplayName, 'Delete user');
    assert.equal(row?.operationType, 'Delete');
    const restore = await graph(fake, `/directory/deletedItems/${staffId}/restore`, token, { method: 'POST' });
    assert.equal(restore.status, 403);
    assert.equal(mark(), before + 1);
    const deleted = fake.state.deletedUsers.get(staffId);
    assert.ok(deleted);
    deleted.deletedDateTime = new Date(fake.state.clock.now() - 31 * 86_400_000).toISOString();
    const bin = await graph(fake, '/directory/deletedItems/microsoft.graph.user', token);
    assert.ok(!(bin.json as { value: { id: string }[] }).value.some((u) => u.id === staffId), 'purged after 30 days');
  });
});
