// Test helper: one logical record (an Entra audit entry, a sign-in, a risk detection, a UAL record, a
// Google activity) rendered in each shape takeback imports, and turned into canonical events by the
// project's own normalisers, so a rule is tested on exactly what `takeback import` would store.
import type { CanonicalEvent } from '../../core/event.ts';
import { normaliseGoogleActivity } from '../../providers/gws/map/activity.ts';
import { normaliseDiagnosticRecord } from '../../providers/m365/map/diagnostic.ts';
import { normaliseDirectoryAudit } from '../../providers/m365/map/directory-audit.ts';
import { normaliseLaRow } from '../../providers/m365/map/log-analytics.ts';
import { normaliseSignIn } from '../../providers/m365/map/sign-in.ts';
import { normaliseUalRecord } from '../../providers/m365/map/ual-record.ts';

type Obj = Record<string, unknown>;

export const TENANT = '5b1c1a4e-3f0d-4c55-9a8e-2d7b6f0e9c31';
const RESOURCE_ID = `/tenants/${TENANT}/providers/Microsoft.aadiam`;

let counter = 0;
function nextId(): string {
  counter++;
  return `0000${counter.toString(16).padStart(4, '0')}-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

// ---- Entra audit ------------------------------------------------------------------------------------

export interface AuditSpec {
  activity: string;
  category?: string;
  service?: string;
  result?: string;
  resultReason?: string;
  operationType?: string;
  actor?: string;
  targets?: Array<{ type?: string; id?: string; displayName?: string | null; upn?: string; props?: Array<[string, string | null, string | null]> }>;
  details?: Array<[string, string]>;
  time?: string;
}

function graphAudit(s: AuditSpec, id: string): Obj {
  return {
    id,
    category: s.category ?? 'UserManagement',
    correlationId: id,
    result: s.result ?? 'success',
    resultReason: s.resultReason ?? '',
    activityDisplayName: s.activity,
    activityDateTime: s.time ?? '2026-10-05T01:27:30.1234567Z',
    loggedByService: s.service ?? 'Core Directory',
    operationType: s.operationType ?? 'Update',
    initiatedBy: { user: { id: 'a1b2c3d4-1111-4222-8333-444455556666', displayName: null, userPrincipalName: s.actor ?? 'admin@example.com', ipAddress: '203.0.113.45', roles: [] } },
    targetResources: (s.targets ?? []).map((t) => ({
      id: t.id ?? '9f8e7d6c-aaaa-4bbb-8ccc-ddddeeeeffff',
      displayName: t.displayName ?? null,
      type: t.type ?? 'User',
      ...(t.upn !== undefined ? { userPrincipalName: t.upn } : {}),
      modifiedProperties: (t.props ?? []).map(([displayName, oldValue, newValue]) => ({ displayName, oldValue, newValue })),
      administrativeUnits: [],
    })),
    additionalDetails: (s.details ?? []).map(([key, value]) => ({ key, value })),
  };
}

export type AuditShape = 'graph' | 'la' | 'diagnostic' | 'ual';

export function auditEvent(s: AuditSpec, shape: AuditShape): CanonicalEvent {
  const id = nextId();
  const g = graphAudit(s, id);
  switch (shape) {
    case 'graph':
      return normaliseDirectoryAudit(g, { fallbackTenant: TENANT });
    case 'diagnostic':
      return normaliseDiagnosticRecord({
        time: g.activityDateTime,
        resourceId: RESOURCE_ID,
        operationName: s.activity,
        operationVersion: '1.0',
        category: 'AuditLogs',
        tenantId: TENANT,
        resultSignature: 'None',
        durationMs: 0,
        callerIpAddress: '203.0.113.45',
        correlationId: id,
        Level: 4,
        properties: g,
      });
    case 'la':
      return normaliseLaRow({
        TenantId: '00000000-0000-0000-0000-000000000001',
        SourceSystem: 'Azure AD',
        TimeGenerated: g.activityDateTime,
        ResourceId: RESOURCE_ID,
        OperationName: s.activity,
        OperationVersion: '1.0',
        Category: g.category,
        ResultSignature: 'None',
        CorrelationId: id,
        Resource: 'Microsoft.aadiam',
        Level: '4',
        AdditionalDetails: JSON.stringify(g.additionalDetails),
        Id: id,
        InitiatedBy: JSON.stringify(g.initiatedBy),
        LoggedByService: g.loggedByService,
        Result: g.result,
        ResultReason: g.resultReason,
        TargetResources: JSON.stringify(g.targetResources),
        AADTenantId: TENANT,
        ActivityDisplayName: s.activity,
        ActivityDateTime: g.activityDateTime,
        AADOperationType: g.operationType,
        Type: 'AuditLogs',
      });
    case 'ual': {
      const targets = s.targets ?? [];
      const rec: Obj = {
        CreationTime: (s.time ?? '2026-10-05T01:27:30Z').replace(/(\.\d+)?Z$/, ''),
        Id: id,
        Operation: `${s.activity}.`,
        OrganizationId: TENANT,
        RecordType: 8,
        ResultStatus: (s.result ?? 'success') === 'success' ? 'Success' : 'Failure',
        UserKey: '10032001ABCDEF01',
        UserType: 0,
        Version: 1,
        Workload: 'AzureActiveDirectory',
        ObjectId: targets[0]?.upn ?? targets[0]?.displayName ?? '',
        UserId: s.actor ?? 'admin@example.com',
        ClientIP: '203.0.113.45',
        ModifiedProperties: targets.flatMap((t) => (t.props ?? []).map(([Name, OldValue, NewValue]) => ({ Name, NewValue: unquote(NewValue), OldValue: unquote(OldValue) }))),
        Actor: [{ ID: s.actor ?? 'admin@example.com', Type: 5 }],
        Target: targets.map((t) => ({ ID: t.upn ?? t.id ?? '', Type: 5 })),
        ExtendedProperties: [{ Name: 'additionalDetails', Value: JSON.stringify(Object.fromEntries(s.details ?? [])) }],
      };
      // The Purview export wraps the record in CSV columns, with AuditData parsed back into an object.
      return normaliseUalRecord(rec, { raw: { RecordId: id, CreationDate: `${String(rec.CreationTime)}.0000000Z`, RecordType: 'AzureActiveDirectory', Operation: rec.Operation, UserId: rec.UserId, AuditData: rec } });
    }
  }
}

function unquote(v: string | null): string {
  if (v === null) return '';
  try {
    const p: unknown = JSON.parse(v);
    return typeof p === 'string' ? p : v;
  } catch {
    return v;
  }
}

// ---- Entra sign-ins -----------------------------------------------------------------------------------

export interface SigninSpec {
  errorCode?: number;
  failureReason?: string;
  additionalDetails?: string;
  upn?: string;
  userAgent?: string;
  appId?: string;
  ip?: string;
  authenticationRequirement?: string;
  conditionalAccessStatus?: string;
  riskState?: string;
  riskLevelDuringSignIn?: string;
  device?: { deviceId?: string; isCompliant?: boolean | null; trustType?: string | null };
  networkLocationDetails?: unknown[];
  country?: string;
  resourceDisplayName?: string;
  clientAppUsed?: string;
  authenticationProtocol?: string;
  homeTenantId?: string;
  resourceTenantId?: string;
  time?: string;
}

export type SigninShape = 'graph' | 'la' | 'diagnostic';

function graphSignin(s: SigninSpec, id: string): Obj {
  return {
    id,
    createdDateTime: s.time ?? '2026-10-05T01:10:11Z',
    userDisplayName: 'Admin',
    userPrincipalName: s.upn ?? 'admin@example.com',
    userId: 'a1b2c3d4-1111-4222-8333-444455556666',
    appId: s.appId ?? 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c',
    appDisplayName: 'Azure Portal',
    ipAddress: s.ip ?? '203.0.113.45',
    clientAppUsed: s.clientAppUsed ?? 'Browser',
    userAgent: s.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64) Firefox/131.0',
    correlationId: id,
    conditionalAccessStatus: s.conditionalAccessStatus ?? 'notApplied',
    authenticationRequirement: s.authenticationRequirement ?? 'multiFactorAuthentication',
    authenticationProtocol: s.authenticationProtocol ?? 'none',
    isInteractive: true,
    riskState: s.riskState ?? 'none',
    riskLevelDuringSignIn: s.riskLevelDuringSignIn ?? 'none',
    resourceDisplayName: s.resourceDisplayName ?? 'Microsoft Graph',
    resourceId: '00000003-0000-0000-c000-000000000000',
    homeTenantId: s.homeTenantId ?? TENANT,
    resourceTenantId: s.resourceTenantId ?? TENANT,
    status: { errorCode: s.errorCode ?? 0, failureReason: s.failureReason ?? null, additionalDetails: s.additionalDetails ?? null },
    deviceDetail: {
      deviceId: s.device?.deviceId ?? 'dev-1',
      displayName: null,
      operatingSystem: 'Windows 10',
      browser: 'Edge',
      isCompliant: s.device !== undefined && 'isCompliant' in s.device ? s.device.isCompliant : true,
      isManaged: true,
      trustType: s.device !== undefined && 'trustType' in s.device ? s.device.trustType : 'Azure AD joined',
    },
    location: { city: 'Tokyo', state: 'Tokyo', countryOrRegion: s.country ?? 'JP' },
    networkLocationDetails: s.networkLocationDetails ?? [{ networkType: 'namedNetwork', networkNames: ['Office'] }],
  };
}

export function signinEvent(s: SigninSpec, shape: SigninShape): CanonicalEvent {
  const id = nextId();
  const g = graphSignin(s, id);
  const status = g.status as Obj;
  switch (shape) {
    case 'graph':
      return normaliseSignIn(g, { fallbackTenant: TENANT });
    case 'diagnostic':
      return normaliseDiagnosticRecord({
        time: g.createdDateTime,
        resourceId: RESOURCE_ID,
        operationName: 'Sign-in activity',
        operationVersion: '1.0',
        category: 'SignInLogs',
        tenantId: TENANT,
        resultType: String(s.errorCode ?? 0),
        resultSignature: 'None',
        resultDescription: s.failureReason ?? '',
        durationMs: 0,
        callerIpAddress: g.ipAddress,
        correlationId: id,
        identity: 'Admin',
        Level: 4,
        location: s.country ?? 'JP',
        properties: g,
      });
    case 'la':
      return normaliseLaRow({
        TenantId: '00000000-0000-0000-0000-000000000001',
        SourceSystem: 'Azure AD',
        TimeGenerated: g.createdDateTime,
        ResourceId: RESOURCE_ID,
        OperationName: 'Sign-in activity',
        Category: 'SignInLogs',
        ResultType: String(s.errorCode ?? 0),
        ResultDescription: s.failureReason ?? '',
        Identity: 'Admin',
        Location: s.country ?? 'JP',
        AppDisplayName: g.appDisplayName,
        AppId: g.appId,
        AuthenticationRequirement: g.authenticationRequirement,
        AuthenticationProtocol: g.authenticationProtocol,
        ClientAppUsed: g.clientAppUsed,
        ConditionalAccessStatus: g.conditionalAccessStatus,
        CreatedDateTime: g.createdDateTime,
        DeviceDetail: JSON.stringify(g.deviceDetail),
        Id: id,
        IPAddress: g.ipAddress,
        LocationDetails: JSON.stringify(g.location),
        NetworkLocationDetails: JSON.stringify(g.networkLocationDetails),
        ResourceDisplayName: g.resourceDisplayName,
        RiskState: g.riskState,
        RiskLevelDuringSignIn: g.riskLevelDuringSignIn,
        Status: JSON.stringify(status),
        UserAgent: g.userAgent,
        UserDisplayName: 'Admin',
        UserId: g.userId,
        UserPrincipalName: g.userPrincipalName,
        HomeTenantId: g.homeTenantId,
        ResourceTenantId: g.resourceTenantId,
        AADTenantId: TENANT,
        Type: 'SigninLogs',
      });
  }
}

// ---- Identity Protection risk detections (no importer yet: events are built as one would store them) ----

export type RiskShape = 'graph' | 'la';

export function riskEvent(s: { riskEventType: string; upn?: string; time?: string }, shape: RiskShape): CanonicalEvent {
  const id = nextId();
  const time = s.time ?? '2026-10-05T01:00:00.000Z';
  const upn = s.upn ?? 'admin@example.com';
  const raw: Obj =
    shape === 'graph'
      ? { id, requestId: id, riskEventType: s.riskEventType, riskState: 'atRisk', riskLevel: 'high', detectedDateTime: time, userPrincipalName: upn, ipAddress: '203.0.113.45' }
      : { TimeGenerated: time, Id: id, RiskEventType: s.riskEventType, RiskState: 'atRisk', RiskLevel: 'high', UserPrincipalName: upn, IpAddress: '203.0.113.45', Type: 'AADUserRiskEvents' };
  return { id, tenant: TENANT, provider: 'm365', source: 'entra.risk', time, action: 'risk.detected', nativeAction: s.riskEventType, actor: { kind: 'user', name: upn }, targets: [], changes: [], result: 'success', raw };
}

// ---- Unified Audit Log ----------------------------------------------------------------------------------

export type UalShape = 'api' | 'purview' | 'la';

export function ualEvent(fields: Obj, shape: UalShape): CanonicalEvent {
  const id = nextId();
  const rec: Obj = { CreationTime: '2026-10-05T01:27:30', Id: id, OrganizationId: TENANT, RecordType: 1, UserType: 0, UserId: 'admin@example.com', ClientIP: '203.0.113.45', ...fields };
  switch (shape) {
    case 'api':
      return normaliseUalRecord(rec);
    case 'purview':
      return normaliseUalRecord(rec, { raw: { RecordId: id, CreationDate: '2026-10-05T01:27:30.0000000Z', RecordType: String(rec.RecordType), Operation: rec.Operation, UserId: rec.UserId, AuditData: rec } });
    case 'la': {
      // OfficeActivity: renamed columns, nested values as JSON text.
      const row: Obj = { TenantId: '00000000-0000-0000-0000-000000000001', TimeGenerated: '2026-10-05T01:27:30Z', OfficeId: id, Type: 'OfficeActivity', SourceSystem: 'OfficeActivityManager' };
      for (const [k, v] of Object.entries(rec)) {
        const key = k === 'Workload' ? 'OfficeWorkload' : k === 'ObjectId' ? 'OfficeObjectId' : k === 'Id' ? 'OfficeId' : k;
        row[key] = typeof v === 'object' && v !== null ? JSON.stringify(v) : typeof v === 'number' ? String(v) : v;
      }
      return normaliseLaRow(row);
    }
  }
}

// ---- Google Workspace -----------------------------------------------------------------------------------

export interface GwsSpec {
  app: 'admin' | 'login';
  name: string;
  type?: string;
  params?: Record<string, string | boolean>;
  actor?: string;
  time?: string;
}

export type GwsShape = 'reports' | 'cloudlogging';

export function gwsEvent(s: GwsSpec, shape: GwsShape): CanonicalEvent {
  const id = nextId();
  const time = s.time ?? '2026-10-05T01:27:30.123Z';
  const params = Object.entries(s.params ?? {});
  if (shape === 'reports') {
    const activity: Obj = {
      kind: 'admin#reports#activity',
      id: { time, uniqueQualifier: String(counter), applicationName: s.app, customerId: 'C03az79cb' },
      actor: { callerType: 'USER', email: s.actor ?? 'admin@example.com', profileId: '104823457812345678901' },
      ipAddress: '203.0.113.45',
      events: [{ type: s.type ?? 'USER_SETTINGS', name: s.name, parameters: params.map(([name, v]) => (typeof v === 'boolean' ? { name, boolValue: v } : { name, value: v })) }],
    };
    return normaliseGoogleActivity(activity, { fallbackTenant: 'C03az79cb' })[0]!;
  }
  // Cloud Logging export: no importer reads it yet, so the event is built as one would store it.
  const raw: Obj = {
    protoPayload: {
      '@type': 'type.googleapis.com/google.cloud.audit.AuditLog',
      authenticationInfo: { principalEmail: s.actor ?? 'admin@example.com' },
      requestMetadata: { callerIp: '203.0.113.45' },
      serviceName: `${s.app}.googleapis.com`,
      methodName: `google.${s.app}.AdminService.${s.name}`,
      resourceName: 'organizations/123456789',
      metadata: {
        '@type': 'type.googleapis.com/ccc_hosted_reporting.ActivityProto',
        activityId: { timeUsec: '1791163650123000', uniqQualifier: String(counter) },
        event: [{ eventName: s.name, eventType: s.type ?? 'USER_SETTINGS', parameter: params.map(([name, v]) => (typeof v === 'boolean' ? { name, type: 'TYPE_BOOL', boolValue: v } : { name, type: 'TYPE_STRING', value: v })) }],
      },
    },
    insertId: id,
    resource: { type: 'audited_resource', labels: { service: `${s.app}.googleapis.com` } },
    timestamp: time,
    severity: 'NOTICE',
    logName: `organizations/123456789/logs/cloudaudit.googleapis.com%2Factivity`,
  };
  return { id, tenant: 'C03az79cb', provider: 'gws', source: `gws.${s.app}`, time, action: 'other', nativeAction: s.name, actor: { kind: 'user', name: s.actor ?? 'admin@example.com' }, targets: [], changes: [], result: 'success', raw };
}
