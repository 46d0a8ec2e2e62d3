// Every property the fake returns exists on its Graph v1.0 type (or a base type) with a compatible
// type, checked against the real CSDL in shared/data/msgraph-metadata.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { loadCsdl, type CsdlModel } from './schema/csdl-reader.ts';
import { checkShape } from './schema/shape-check.ts';
import { startFakeM365, type FakeM365 } from './start.ts';
import { GLOBAL_ADMINISTRATOR } from './tenant/catalog.ts';
import { clientSecretToken, graph } from './testing/fake-client.ts';

const CSDL = fileURLToPath(new URL('../../../../shared/data/msgraph-metadata/cleanMetadata-v1.0.xml', import.meta.url));

/** Every property of user the fake can return, so $select asks for all of them. */
const ALL_USER_PROPERTIES =
  'id,accountEnabled,assignedLicenses,businessPhones,createdDateTime,creationType,department,displayName,givenName,jobTitle,lastPasswordChangeDateTime,mail,mailNickname,mobilePhone,officeLocation,onPremisesSyncEnabled,otherMails,preferredLanguage,proxyAddresses,signInSessionsValidFromDateTime,surname,usageLocation,userPrincipalName,userType,signInActivity';

describe('response shapes against the Graph v1.0 schema', () => {
  let model: CsdlModel;
  let fake: FakeM365;
  let token: string;
  const checked = new Map<string, number>();

  const check = (value: unknown, type: string, where: string): void => {
    const problems = checkShape(model, value, `microsoft.graph.${type}`, where);
    assert.deepEqual(problems, [], problems.join('\n'));
    checked.set(type, (checked.get(type) ?? 0) + 1);
  };
  const list = async (path: string, type: string): Promise<Record<string, unknown>[]> => {
    const res = await graph(fake, path, token);
    assert.equal(res.status, 200, `${path}: ${res.text}`);
    const value = (res.json as { value: Record<string, unknown>[] }).value;
    assert.ok(value.length > 0, `${path} returned nothing to check`);
    value.forEach((item, i) => check(item, type, `${path}[${i}]`));
    return value;
  };
  const one = async (path: string, type: string, init?: Parameters<typeof graph>[3]): Promise<Record<string, unknown>> => {
    const res = await graph(fake, path, token, init);
    assert.ok(res.status === 200 || res.status === 201, `${path}: ${res.status} ${res.text}`);
    check(res.json, type, path);
    return res.json as Record<string, unknown>;
  };

  before(async () => {
    model = loadCsdl(CSDL);
    fake = await startFakeM365({ scenario: { id: 'benign', users: 60 }, now: '2026-06-01T12:00:00Z', faults: { reportingThrottle: false, conditionalAccessThrottle: false }, auditLogQueries: { delayMs: 0 } });
    token = await clientSecretToken(fake);
    // Give one user every kind of method, and one domain a federation, so every shape is exercised.
    const user = fake.state.users.get(fake.scenario.characters.helpdesk ?? '');
    assert.ok(user);
    const at = '2026-05-01T00:00:00Z';
    fake.state.users.put({
      ...user,
      methods: [
        ...user.methods,
        { kind: 'microsoftAuthenticator', id: '11111111-1111-4111-8111-111111111111', createdDateTime: at, displayName: 'iPhone 15', phoneAppVersion: '6.8.14' },
        { kind: 'email', id: '3ddfcfc8-9383-446f-83cc-3ab9be4be18f', createdDateTime: null, emailAddress: 'd.ito@home.example' },
        { kind: 'phone', id: '3179e48a-750b-4051-897c-87b9720928f7', createdDateTime: null, phoneNumber: '+81 80 0000 0000', phoneType: 'mobile' },
        { kind: 'fido2', id: '22222222-2222-4222-8222-222222222222', createdDateTime: at, displayName: 'YubiKey 5' },
        { kind: 'softwareOath', id: '33333333-3333-4333-8333-333333333333', createdDateTime: at },
        { kind: 'temporaryAccessPass', id: '44444444-4444-4444-8444-444444444444', createdDateTime: at },
      ],
    });
    fake.state.domains.push({
      id: 'fed.minato-trading.example', authenticationType: 'Federated', isDefault: false, isInitial: false, isVerified: true, isRoot: false,
      supportedServices: ['Email'], passwordValidityPeriodInDays: null, passwordNotificationWindowInDays: null,
      federation: { id: '55555555-5555-4555-8555-555555555555', displayName: 'Contoso IdP', issuerUri: 'http://idp.example/adfs/services/trust', passiveSignInUri: 'https://idp.example/adfs/ls/', activeSignInUri: 'https://idp.example/adfs/services/trust/2005/usernamemixed', signOutUri: 'https://idp.example/adfs/ls/', metadataExchangeUri: 'https://idp.example/adfs/services/trust/mex', signingCertificate: 'MIIC' },
    });
  });
  after(() => fake.close());

  it('reads the CSDL types it needs', () => {
    assert.ok(model.size > 1000);
    assert.equal(model.get('microsoft.graph.user')?.baseType, 'microsoft.graph.directoryObject');
    assert.ok(model.get('microsoft.graph.operationResult')?.members.has('success'));
  });

  it('matches the schema for every entity type served', async () => {
    const helpdesk = fake.scenario.characters.helpdesk ?? '';
    await list('/organization', 'organization');
    await list('/domains', 'domain');
    await list('/domains/fed.minato-trading.example/federationConfiguration', 'internalDomainFederation');
    await list('/users?$top=999', 'user');
    await list(`/users?$top=999&$select=${ALL_USER_PROPERTIES}`, 'user');
    await one(`/users/${helpdesk}?$select=${ALL_USER_PROPERTIES}`, 'user');
    await list('/users/delta', 'user');
    const methods = await list(`/users/${helpdesk}/authentication/methods`, 'authenticationMethod');
    assert.equal(new Set(methods.map((m) => m['@odata.type'])).size, 7);
    const roles = await list('/directoryRoles', 'directoryRole');
    await list(`/directoryRoles/${String(roles[0]?.id)}/members`, 'directoryObject');
    await list(`/directoryRoles(roleTemplateId='${GLOBAL_ADMINISTRATOR}')/members`, 'directoryObject');
    await list('/directoryRoles/delta', 'directoryRole');
    await list('/roleManagement/directory/roleAssignments?$expand=principal', 'unifiedRoleAssignment');
    await list('/roleManagement/directory/roleAssignments?$expand=roleDefinition', 'unifiedRoleAssignment');
    await list('/roleManagement/directory/roleDefinitions', 'unifiedRoleDefinition');
    await list('/subscribedSkus', 'subscribedSku');
    await list('/directory/subscriptions', 'companySubscription');
    await one('/policies/identitySecurityDefaultsEnforcementPolicy', 'identitySecurityDefaultsEnforcementPolicy');
    await one('/policies/authorizationPolicy', 'authorizationPolicy');
    await list('/identity/conditionalAccess/policies', 'conditionalAccessPolicy');
    await list('/applications', 'application');
    await list('/servicePrincipals', 'servicePrincipal');
    await list('/auditLogs/directoryAudits?$top=300', 'directoryAudit');
    await list('/auditLogs/signIns?$top=300', 'signIn');
    await list('/reports/authenticationMethods/userRegistrationDetails', 'userRegistrationDetails');
    // Purview audit search: served on /beta (v1.0 answers 404 as observed live), checked against the v1.0 types.
    const query = await one(`${fake.graphBetaUrl}/security/auditLog/queries`, 'security.auditLogQuery', {
      body: { displayName: 'schema', filterStartDateTime: '2026-04-01T00:00:00Z', filterEndDateTime: '2026-06-01T00:00:00Z', recordTypeFilters: ['azureActiveDirectory', 'azureActiveDirectoryStsLogon'], operationFilters: [] },
    });
    await list(`${fake.graphBetaUrl}/security/auditLog/queries`, 'security.auditLogQuery');
    await one(`${fake.graphBetaUrl}/security/auditLog/queries/${String(query.id)}`, 'security.auditLogQuery');
    const records = await list(`${fake.graphBetaUrl}/security/auditLog/queries/${String(query.id)}/records?$top=1000`, 'security.auditLogRecord');
    assert.deepEqual(new Set(records.map((r) => r.auditLogRecordType)), new Set(['AzureActiveDirectory', 'AzureActiveDirectoryStsLogon']));
    const created = await one('/users', 'user', { body: { displayName: 'Schema Check', userPrincipalName: 'schema.check@minato-trading.example', mailNickname: 'schema.check', usageLocation: 'JP' } });
    await one(`/users/${String(created.id)}/assignLicense`, 'user', { body: { addLicenses: [{ skuId: fake.state.skus[0]?.skuId, disabledPlans: [] }], removeLicenses: [] } });
    await graph(fake, `/users/${String(created.id)}`, token, { method: 'DELETE' });
    await list('/directory/deletedItems/microsoft.graph.user', 'user');
    await one(`/directory/deletedItems/${String(created.id)}/restore`, 'directoryObject', { method: 'POST' });
    // The story's own rows (roles, licences, resets) are among the audit rows checked.
    const kinds = new Set(fake.state.auditLog.explicitRecords().map((r) => r.activityDisplayName));
    for (const activity of ['Add member to role', 'Change user license', 'Reset password', 'Add user', 'Delete user', 'Restore user']) assert.ok(kinds.has(activity), activity);
    await list('/auditLogs/directoryAudits?$top=999', 'directoryAudit');
    assert.ok([...checked.values()].every((n) => n > 0));
  });
});
