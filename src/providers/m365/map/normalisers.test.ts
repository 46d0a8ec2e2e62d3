// The record normalisers, on records shaped like the reference notes (A.2 / UAL schema) describe them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stableEventId } from '../../../core/event.ts';
import { RecordError } from '../../common/normalise.ts';
import { normaliseDirectoryAudit } from './directory-audit.ts';
import { normaliseDiagnosticRecord } from './diagnostic.ts';
import { laTableOf, normaliseLaRow, tenantOfResourceId } from './log-analytics.ts';
import { GLOBAL_ADMIN_TEMPLATE_ID } from './roles.ts';
import { normaliseSignIn } from './sign-in.ts';
import { normaliseGraphAuditLogRecord, normaliseUalRecord } from './ual-record.ts';

function throwsCode(f: () => unknown, code: string, skip = false): void {
  assert.throws(f, (e: unknown) => e instanceof RecordError && e.code === code && e.skip === skip);
}

const addMemberToRole = {
  id: 'Directory_abc_1',
  category: 'RoleManagement',
  result: 'success',
  activityDisplayName: 'Add member to role',
  activityDateTime: '2026-10-05T01:27:30.5Z',
  loggedByService: 'Core Directory',
  operationType: 'Assign',
  initiatedBy: { user: null, app: { appId: 'app-1', displayName: 'Rogue tool', servicePrincipalId: 'sp-1', servicePrincipalName: null } },
  targetResources: [
    {
      id: 'user-1',
      displayName: 'Support',
      type: 'User',
      userPrincipalName: 'support@example.com',
      modifiedProperties: [
        { displayName: 'Role.DisplayName', oldValue: null, newValue: '"Company Administrator"' },
        { displayName: 'Role.WellKnownObjectName', oldValue: null, newValue: '"TenantAdmins"' },
      ],
    },
    { id: 'role-object-1', type: 'Role', modifiedProperties: [] },
  ],
  additionalDetails: [{ key: 'User-Agent', value: 'curl/8' }],
};

describe('directoryAudit', () => {
  it('app actor, role target by template id, JSON-text values kept as written', () => {
    const e = normaliseDirectoryAudit(addMemberToRole, { fallbackTenant: 't1' });
    assert.equal(e.id, stableEventId('m365', 'entra.audit', 'Directory_abc_1'));
    assert.equal(e.time, '2026-10-05T01:27:30.500Z');
    assert.equal(e.tenant, 't1');
    assert.equal(e.action, 'role.assigned');
    assert.deepEqual(e.actor, { kind: 'app', id: 'sp-1', name: 'Rogue tool', userAgent: 'curl/8' });
    // no Role.TemplateId in the record: the well-known name finds the template, the record's name stays
    assert.deepEqual(e.targets, [
      { kind: 'user', id: 'user-1', name: 'support@example.com' },
      { kind: 'role', id: GLOBAL_ADMIN_TEMPLATE_ID, name: 'Company Administrator' },
    ]);
    assert.deepEqual(e.changes[0], { name: 'Role.DisplayName', old: null, new: '"Company Administrator"' });
    assert.equal(e.raw, addMemberToRole);
  });

  it('a record without time or activity is rejected with the field named', () => {
    throwsCode(() => normaliseDirectoryAudit({ ...addMemberToRole, activityDateTime: undefined }), 'import.record.no_time');
    throwsCode(() => normaliseDirectoryAudit({ ...addMemberToRole, activityDateTime: 'soon' }), 'import.record.bad_time');
    throwsCode(() => normaliseDirectoryAudit({ ...addMemberToRole, activityDisplayName: '' }), 'import.record.no_action');
  });

  it('a record without an id gets a content id that ignores the mapping result', () => {
    const { id: _id, ...noId } = addMemberToRole;
    const a = normaliseDirectoryAudit(noId);
    const b = normaliseDirectoryAudit({ ...noId });
    assert.equal(a.id, b.id);
    assert.notEqual(a.id, normaliseDirectoryAudit({ ...noId, activityDateTime: '2026-10-05T01:27:31Z' }).id);
  });
});

describe('signIn', () => {
  it('failure by error code; service principal sign-ins have an app actor', () => {
    const e = normaliseSignIn({ id: 's1', createdDateTime: '2026-10-05T01:00:00Z', userPrincipalName: 'a@example.com', userId: 'u1', ipAddress: '203.0.113.1', status: { errorCode: 50126 }, resourceTenantId: 'rt' });
    assert.equal(e.action, 'signin.failed');
    assert.equal(e.result, 'failure');
    assert.equal(e.tenant, 'rt');
    const sp = normaliseSignIn({ id: 's2', createdDateTime: '2026-10-05T01:00:00Z', servicePrincipalId: 'sp', servicePrincipalName: 'Backup', appId: 'app', status: { errorCode: 0 } });
    assert.deepEqual(sp.actor, { kind: 'app', id: 'sp', name: 'Backup' });
    assert.equal(sp.action, 'signin');
  });
});

describe('UAL record', () => {
  const record = {
    CreationTime: '2026-10-05T01:27:30',
    Id: 'ual-1',
    Operation: 'Add member to role.',
    OrganizationId: 'org-1',
    RecordType: 8,
    ResultStatus: 'Success',
    UserType: 0,
    Workload: 'AzureActiveDirectory',
    ObjectId: 'support@example.com',
    UserId: 'admin@example.com',
    ClientIP: '[2001:db8::1]:443',
    ModifiedProperties: [{ Name: 'Role.TemplateId', NewValue: GLOBAL_ADMIN_TEMPLATE_ID, OldValue: '' }],
    Actor: [{ ID: 'User_11111111-2222-4333-8444-555555555555', Type: 2 }, { ID: '11111111-2222-4333-8444-555555555555', Type: 2 }, { ID: 'admin@example.com', Type: 5 }],
    Target: [{ ID: 'User', Type: 2 }, { ID: '99999999-2222-4333-8444-555555555555', Type: 2 }, { ID: 'support@example.com', Type: 5 }],
  };

  it('actor, target, role and tenant', () => {
    const e = normaliseUalRecord(record, { fallbackTenant: 'ignored' });
    assert.equal(e.tenant, 'org-1');
    assert.equal(e.time, '2026-10-05T01:27:30.000Z');
    assert.equal(e.action, 'role.assigned');
    assert.deepEqual(e.actor, { kind: 'user', name: 'admin@example.com', id: '11111111-2222-4333-8444-555555555555', ip: '2001:db8::1' });
    assert.deepEqual(e.targets, [
      { kind: 'user', id: '99999999-2222-4333-8444-555555555555', name: 'support@example.com' },
      { kind: 'role', id: GLOBAL_ADMIN_TEMPLATE_ID, name: 'Global Administrator' },
    ]);
  });

  it('Exchange cmdlet parameters become changes; service principals are apps', () => {
    const e = normaliseUalRecord({
      CreationTime: '2026-10-05T02:00:00',
      Id: 'x1',
      Operation: 'Set-Mailbox',
      OrganizationId: 'org-1',
      UserType: 'ServicePrincipal',
      UserId: 'ServicePrincipal_abc',
      ResultStatus: 'True',
      Parameters: '[{"Name":"Identity","Value":"boss"},{"Name":"ForwardingSmtpAddress","Value":"smtp:x@evil.example"}]',
    });
    assert.equal(e.actor.kind, 'app');
    assert.equal(e.result, 'success');
    assert.deepEqual(e.changes, [
      { name: 'Identity', new: 'boss' },
      { name: 'ForwardingSmtpAddress', new: 'smtp:x@evil.example' },
    ]);
  });

  it('sign-in records fail on their error, whatever ResultStatus says', () => {
    const e = normaliseUalRecord({ CreationTime: '2026-10-05T02:00:00', Id: 'x2', Operation: 'UserLoginFailed', RecordType: 15, ResultStatus: 'Success', ErrorCode: '50126', LogonError: 'InvalidUserNameOrPassword', ApplicationId: 'app', ObjectId: 'res' });
    assert.equal(e.result, 'failure');
    assert.deepEqual(e.targets, [
      { kind: 'application', id: 'app' },
      { kind: 'resource', id: 'res' },
    ]);
  });

  it('Graph audit log query records: auditData wins, the summary fills gaps', () => {
    const e = normaliseGraphAuditLogRecord({ id: 'q1', createdDateTime: '2026-10-05T03:00:00Z', operation: 'Add user.', organizationId: 'org-2', userPrincipalName: 'admin@example.com', auditData: { Workload: 'AzureActiveDirectory' } });
    assert.equal(e.id, stableEventId('m365', 'ual', 'q1'));
    assert.equal(e.tenant, 'org-2');
    assert.equal(e.action, 'user.created');
    assert.equal(e.actor.name, 'admin@example.com');
  });
});

describe('Log Analytics rows', () => {
  it('tables by Type or by columns; TenantId (the workspace) is never the tenant', () => {
    assert.equal(laTableOf({ Type: 'AADNonInteractiveUserSignInLogs' }), 'SigninLogs');
    assert.equal(laTableOf({ Type: 'Application', InitiatedBy: '{}', TargetResources: '[]' }), 'AuditLogs');
    assert.equal(laTableOf({ OfficeWorkload: 'Exchange' }), 'OfficeActivity');
    assert.equal(tenantOfResourceId('/tenants/abc/providers/Microsoft.aadiam'), 'abc');
    const e = normaliseLaRow({ TenantId: 'workspace', TimeGenerated: '2026-10-05T01:00:00Z', OperationName: 'Add user', Id: 'Directory_1', InitiatedBy: '{"user":{"userPrincipalName":"a@example.com"}}', TargetResources: '[]', ResourceId: '/tenants/real-tenant/providers/Microsoft.aadiam', Type: 'AuditLogs' }, { fallbackTenant: 'fallback' });
    assert.equal(e.tenant, 'real-tenant');
    assert.equal(e.id, stableEventId('m365', 'entra.audit', 'Directory_1'));
  });

  it('skips other tables, aggregated rows and rows without time; rejects a bad time', () => {
    throwsCode(() => normaliseLaRow({ Type: 'DeviceEvents', TimeGenerated: '2026-10-05T01:00:00Z' }), 'import.skip.table', true);
    throwsCode(() => normaliseLaRow({ Type: 'SigninLogs', IPAddress: '1.2.3.4', disabledAccountLoginAttempts: '4' }), 'import.skip.aggregated', true);
    throwsCode(() => normaliseLaRow({ Type: 'OfficeActivity', Operation: 'New-InboxRule', OfficeId: 'o1' }), 'import.skip.no_time', true);
    throwsCode(() => normaliseLaRow({ Type: 'OfficeActivity', Operation: 'New-InboxRule', OfficeId: 'o1', TimeGenerated: 'yesterday' }), 'import.record.bad_time');
  });

  it('SigninLogs ResultType decides the result when Status is missing', () => {
    const e = normaliseLaRow({ Type: 'SigninLogs', Id: 's1', TimeGenerated: '2026-10-05T01:00:00Z', UserPrincipalName: 'a@example.com', ResultType: '50057', ResultDescription: 'User account is disabled.', AADTenantId: 't' });
    assert.equal(e.action, 'signin.failed');
    assert.equal(e.tenant, 't');
  });
});

describe('Azure Monitor diagnostic records', () => {
  it('sign-in categories and the record time fallback', () => {
    const e = normaliseDiagnosticRecord({ time: '2026-10-05T01:00:00Z', resourceId: '/tenants/t9/providers/Microsoft.aadiam', operationName: 'Sign-in activity', category: 'NonInteractiveUserSignInLogs', resultType: '0', properties: { id: 'n1', userPrincipalName: 'a@example.com' } });
    assert.equal(e.source, 'entra.signin');
    assert.equal(e.time, '2026-10-05T01:00:00.000Z');
    assert.equal(e.tenant, 't9');
    assert.equal(e.result, 'success');
    throwsCode(() => normaliseDiagnosticRecord({ time: 't', operationName: 'x', category: 'RiskyUsers', properties: {} }), 'import.skip.diagnostic_category', true);
  });
});
