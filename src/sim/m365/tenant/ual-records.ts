// The Unified Audit Log (Purview audit) records the real service writes for the same directory changes
// and sign-ins (reference A.3, "UAL (Management API) AzureActiveDirectory record schema"): every
// directory audit row of Core Directory becomes an AzureActiveDirectory record (RecordType 8) named
// after the Entra activity plus "."; security-info changes show up as "Update user." with their
// StrongAuthentication* properties; sign-ins become AzureActiveDirectoryStsLogon records (RecordType
// 15) UserLoggedIn / UserLoginFailed. Purchases leave nothing, as in Entra.
//
// The UAL is a view of the tenant's two logs, so every record either log gets (story steps, live
// writes, generated background) has its UAL twin, with a stable id; only the retention differs.
import type { DirectoryAuditRecord, ModifiedProperty, SignInRecord } from './log-records.ts';
import { guidFor } from '../util/ids.ts';

/** Purview Audit (Standard) keeps 180 days whatever the Entra ID licence (reference A.4). */
export const UAL_RETENTION_DAYS = 180;

export type UalRecordType = 'AzureActiveDirectory' | 'AzureActiveDirectoryStsLogon';

export const UAL_RECORD_TYPE_NUMBER: Record<UalRecordType, number> = { AzureActiveDirectory: 8, AzureActiveDirectoryStsLogon: 15 };

export interface UalModifiedProperty {
  Name: string;
  NewValue: string;
  OldValue: string;
}

/** What an operation knows about its UAL record that the Entra row does not say (security info details). */
export interface UalHint {
  operation: string;
  modifiedProperties: UalModifiedProperty[];
}

/** One UAL record: the raw fields (PascalCase) and the time it counts under. */
export interface UalRecord {
  recordType: UalRecordType;
  /** Epoch ms. */
  t: number;
  data: Record<string, unknown>;
}

export interface UalContext {
  seed: number;
  tenantId: string;
  hints: ReadonlyMap<string, UalHint>;
}

/** UAL CreationTime: whole seconds, no zone (read as UTC). */
function creationTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** UAL writes Entra's JSON values pretty-printed with CRLF; role names and the property list bare. */
function ualValue(name: string, value: string | null): string {
  const bare = name.startsWith('Role.') || name === 'Included Updated Properties' || name.startsWith('TargetId.');
  if (value === null) return bare ? '' : '[]';
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return value;
  }
  if (typeof parsed === 'string') return bare ? parsed : JSON.stringify([parsed], null, 2).replace(/\n/g, '\r\n');
  return JSON.stringify(parsed, null, 2).replace(/\n/g, '\r\n');
}

function modified(list: ModifiedProperty[]): UalModifiedProperty[] {
  return list.map((p) => ({ Name: p.displayName, NewValue: ualValue(p.displayName, p.newValue), OldValue: ualValue(p.displayName, p.oldValue) }));
}

const CONTACT_PROPERTIES = new Set([
  'TechnicalNotificationMails',
  'SecurityComplianceNotificationMails',
  'SecurityComplianceNotificationPhones',
  'MarketingNotificationEmails',
  'PrivacyProfile',
  'Included Updated Properties',
]);

/** Core Directory activities whose UAL operation is not simply the activity name plus "." (reference A.3). */
const RENAMED: Record<string, string> = {
  'Reset password': 'Reset user password.',
};

/** The UAL operation for an Entra row, or undefined when the UAL has no such record. */
function operationOf(record: DirectoryAuditRecord): string | undefined {
  const activity = record.activityDisplayName;
  switch (record.loggedByService) {
    case 'Core Directory':
      if (activity === 'Set Company Information') {
        const names = record.targetResources[0]?.modifiedProperties.map((p) => p.displayName) ?? [];
        return names.every((n) => CONTACT_PROPERTIES.has(n)) ? 'Set company contact information.' : 'Set company information.';
      }
      return RENAMED[activity] ?? `${activity}.`;
    case 'Authentication Methods':
      // Core Directory logs the change to the user's strong-authentication data as "Update user".
      return /security info$/.test(activity) && !/started|canceled/.test(activity) ? 'Update user.' : undefined;
    case 'Self-service Password Management':
      return /password/i.test(activity) ? 'Change user password.' : undefined;
    default:
      return undefined;
  }
}

function userTargetList(id: string, upn: string | null): { ID: string; Type: number }[] {
  const list = [
    { ID: `User_${id}`, Type: 2 },
    { ID: id, Type: 2 },
    { ID: 'User', Type: 2 },
  ];
  if (upn) list.push({ ID: upn, Type: 5 });
  return list;
}

function common(ctx: UalContext, id: string, t: number, recordType: UalRecordType, operation: string): Record<string, unknown> {
  return {
    CreationTime: creationTime(t),
    Id: id,
    Operation: operation,
    OrganizationId: ctx.tenantId,
    RecordType: UAL_RECORD_TYPE_NUMBER[recordType],
    ResultStatus: 'Success',
  };
}

/** The UAL twin of a directory audit row; undefined for rows the UAL does not carry. */
export function ualFromDirectoryAudit(ctx: UalContext, record: DirectoryAuditRecord): UalRecord | undefined {
  const hint = ctx.hints.get(record.id);
  const operation = hint?.operation ?? operationOf(record);
  if (operation === undefined) return undefined;
  const t = Date.parse(record.activityDateTime);
  const user = record.initiatedBy.user;
  const app = record.initiatedBy.app;
  const target = record.targetResources[0];
  const userAgent = record.additionalDetails.find((d) => d.key === 'User-Agent')?.value;
  const details = Object.fromEntries(record.additionalDetails.filter((d) => d.key !== 'User-Agent').map((d) => [d.key, d.value]));
  let properties = hint?.modifiedProperties ?? modified(target?.modifiedProperties ?? []);
  if (!hint && record.loggedByService === 'Authentication Methods') {
    properties = [{ Name: 'StrongAuthenticationMethod', NewValue: '[]', OldValue: '[]' }, { Name: 'Included Updated Properties', NewValue: 'StrongAuthenticationMethod', OldValue: '' }];
  }
  const ip = user?.ipAddress ?? '';
  const data: Record<string, unknown> = {
    ...common(ctx, guidFor(ctx.seed, 'ual', record.id), t, 'AzureActiveDirectory', operation),
    UserKey: user ? user.id : (app?.servicePrincipalId ?? ''),
    UserType: user ? 0 : 5,
    Version: 1,
    Workload: 'AzureActiveDirectory',
    ClientIP: ip,
    ObjectId: target?.userPrincipalName ?? target?.id ?? '',
    UserId: user ? user.userPrincipalName : `ServicePrincipal_${app?.servicePrincipalId ?? ''}`,
    AzureActiveDirectoryEventType: 1,
    ExtendedProperties: [
      { Name: 'additionalDetails', Value: JSON.stringify(details) },
      { Name: 'extendedAuditEventCategory', Value: target?.type === 'User' ? 'User' : (target?.type ?? 'User') },
      ...(userAgent ? [{ Name: 'UserAgent', Value: userAgent }] : []),
    ],
    ModifiedProperties: properties,
    Actor: user
      ? [
          { ID: user.userPrincipalName, Type: 5 },
          { ID: user.id, Type: 2 },
        ]
      : [
          { ID: app?.displayName ?? '', Type: 1 },
          { ID: app?.servicePrincipalId ?? '', Type: 2 },
          { ID: app?.appId ?? '', Type: 0 },
        ],
    ActorContextId: ctx.tenantId,
    ActorIpAddress: ip,
    InterSystemsId: record.correlationId,
    IntraSystemId: guidFor(ctx.seed, 'ual-intra', record.id),
    SupportTicketId: '',
    Target: !target ? [] : target.type === 'User' ? userTargetList(target.id, target.userPrincipalName) : [{ ID: target.id, Type: 2 }, { ID: target.type, Type: 2 }],
    TargetContextId: ctx.tenantId,
  };
  return { recordType: 'AzureActiveDirectory', t, data };
}

/** Why a failed sign-in failed, in the UAL's words (LogonError). */
const LOGON_ERRORS: Record<number, string> = {
  50126: 'InvalidUserNameOrPassword',
  50074: 'UserStrongAuthClientAuthNRequiredInterrupt',
  50076: 'UserStrongAuthClientAuthNRequired',
  50053: 'IdsLocked',
  50057: 'UserDisabled',
  50034: 'UserAccountNotFound',
};

/** The UAL twin of a sign-in. */
export function ualFromSignIn(ctx: UalContext, record: SignInRecord): UalRecord {
  const t = Date.parse(record.createdDateTime);
  const failed = record.status.errorCode !== 0;
  const data: Record<string, unknown> = {
    ...common(ctx, guidFor(ctx.seed, 'ual', record.id), t, 'AzureActiveDirectoryStsLogon', failed ? 'UserLoginFailed' : 'UserLoggedIn'),
    UserKey: record.userId,
    UserType: 0,
    Version: 1,
    Workload: 'AzureActiveDirectory',
    ClientIP: record.ipAddress,
    ObjectId: record.resourceId,
    UserId: record.userPrincipalName,
    AzureActiveDirectoryEventType: 1,
    ExtendedProperties: [
      { Name: 'ResultStatusDetail', Value: 'Success' },
      { Name: 'UserAgent', Value: record.userAgent },
      { Name: 'RequestType', Value: 'Login:login' },
    ],
    ModifiedProperties: [],
    Actor: [
      { ID: record.userId, Type: 0 },
      { ID: record.userPrincipalName, Type: 5 },
    ],
    ActorContextId: ctx.tenantId,
    ActorIpAddress: record.ipAddress,
    InterSystemsId: record.correlationId,
    IntraSystemId: record.id,
    SupportTicketId: '',
    Target: [{ ID: record.resourceId, Type: 0 }],
    TargetContextId: ctx.tenantId,
    ApplicationId: record.appId,
    DeviceProperties: [
      { Name: 'OS', Value: record.deviceDetail.operatingSystem },
      { Name: 'BrowserType', Value: record.deviceDetail.browser.split(' ')[0] ?? '' },
      { Name: 'IsCompliantAndManaged', Value: 'False' },
    ],
    ErrorNumber: String(record.status.errorCode),
    ...(failed ? { LogonError: LOGON_ERRORS[record.status.errorCode] ?? 'OtherError' } : {}),
  };
  return { recordType: 'AzureActiveDirectoryStsLogon', t, data };
}
