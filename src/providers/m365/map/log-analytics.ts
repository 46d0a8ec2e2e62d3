// Log Analytics / Sentinel rows of the AuditLogs, SigninLogs (and the AAD*SignInLogs tables) and
// OfficeActivity tables, from CSV or JSON exports, → CanonicalEvent. Rows are converted to the Graph /
// UAL shapes and go through the same normalisers, so a record gets the same event id whichever way it
// was exported (LA `Id` = directoryAudit / signIn id, `OfficeId` = UAL `Id`).
//
// Column names are the table's (`TimeGenerated`, not `TimeGenerated [UTC]`: CSV readers strip the unit
// suffix and merge `X_dynamic` / `X_string` pairs before calling this). Dynamic columns may be JSON text.
//
// Tenant: `TenantId` in Log Analytics is the *workspace* id, not the Entra tenant, so it is never used;
// the tenant comes from `AADTenantId` / `OrganizationId` / the `/tenants/<id>/` of `ResourceId`.
import type { CanonicalEvent } from '../../../core/event.ts';
import { jsonArray, jsonObject, jsonOrValue } from '../../common/json-text.ts';
import { RecordError, type NormaliseOptions } from '../../common/normalise.ts';
import { toUtcIso } from '../../common/time.ts';
import { firstStr, isObj, str, type Obj } from '../../common/values.ts';
import { normaliseDirectoryAudit } from './directory-audit.ts';
import { normaliseSignIn } from './sign-in.ts';
import { normaliseUalRecord } from './ual-record.ts';

export type LaTable = 'AuditLogs' | 'SigninLogs' | 'OfficeActivity';

/** Log Analytics sign-in tables: all have the SigninLogs columns. */
export const LA_SIGNIN_TABLES: ReadonlySet<string> = new Set([
  'SigninLogs',
  'AADNonInteractiveUserSignInLogs',
  'AADServicePrincipalSignInLogs',
  'AADManagedIdentitySignInLogs',
]);

/** Which imported table a row belongs to: by its `Type` column, else by its columns (projections overwrite `Type`). */
export function laTableOf(row: Obj): LaTable | undefined {
  const type = row.Type;
  if (type === 'AuditLogs') return 'AuditLogs';
  if (type === 'OfficeActivity') return 'OfficeActivity';
  if (typeof type === 'string' && LA_SIGNIN_TABLES.has(type)) return 'SigninLogs';
  return laTableOfColumns((name) => name in row);
}

/** The table a set of columns belongs to (for CSV headers and rows without a usable `Type`). */
export function laTableOfColumns(has: (column: string) => boolean): LaTable | undefined {
  if (has('InitiatedBy') && (has('TargetResources') || has('ActivityDisplayName'))) return 'AuditLogs';
  if (has('OfficeWorkload') || (has('OfficeId') && has('Operation'))) return 'OfficeActivity';
  if (has('ResultType') && (has('UserPrincipalName') || has('AppDisplayName')) && (has('AuthenticationDetails') || has('IPAddress') || has('ConditionalAccessStatus'))) {
    return 'SigninLogs';
  }
  return undefined;
}

/** `/tenants/<id>/providers/Microsoft.aadiam` → `<id>`. */
export function tenantOfResourceId(resourceId: unknown): string | undefined {
  const s = str(resourceId);
  if (s === undefined) return undefined;
  const i = s.toLowerCase().indexOf('/tenants/');
  if (i < 0) return undefined;
  const start = i + 9;
  const end = s.indexOf('/', start);
  const id = end < 0 ? s.slice(start) : s.slice(start, end);
  return id === '' ? undefined : id;
}

function laEntraTenant(row: Obj): string | undefined {
  return firstStr(row.AADTenantId, tenantOfResourceId(row.ResourceId));
}

function noTime(table: LaTable): never {
  // A query result that projected the time away: a well-formed row that cannot go on a timeline.
  throw new RecordError('import.skip.no_time', { table }, true);
}

function auditLogsRow(row: Obj, opts: NormaliseOptions): CanonicalEvent {
  const name = firstStr(row.ActivityDisplayName, row.OperationName);
  if (name === undefined || (row.Id === undefined && row.InitiatedBy === undefined)) {
    throw new RecordError('import.skip.aggregated', { table: 'AuditLogs' }, true);
  }
  const time = firstStr(row.ActivityDateTime, row.TimeGenerated);
  if (time === undefined) noTime('AuditLogs');
  const rec: Obj = {
    id: row.Id,
    activityDateTime: time,
    activityDisplayName: name,
    category: row.Category,
    correlationId: row.CorrelationId,
    result: row.Result,
    resultReason: row.ResultReason,
    loggedByService: row.LoggedByService,
    operationType: row.AADOperationType,
    initiatedBy: jsonOrValue(row.InitiatedBy),
    targetResources: jsonOrValue(row.TargetResources),
    additionalDetails: jsonOrValue(row.AdditionalDetails),
  };
  return normaliseDirectoryAudit(rec, { ...opts, recordTenant: opts.recordTenant ?? laEntraTenant(row), raw: opts.raw ?? row });
}

/** The first authentication step's time: what a sign-in row has when its time columns were projected away. */
function firstStepTime(details: unknown): string | undefined {
  for (const d of jsonArray(details)) {
    if (isObj(d)) {
      const t = toUtcIso(d.authenticationStepDateTime);
      if (t !== undefined) return t;
    }
  }
  return undefined;
}

function signinRow(row: Obj, opts: NormaliseOptions): CanonicalEvent {
  if (row.Id === undefined && row.UserPrincipalName === undefined && row.UserId === undefined && row.AppId === undefined) {
    throw new RecordError('import.skip.aggregated', { table: 'SigninLogs' }, true);
  }
  const time = firstStr(row.CreatedDateTime, row.TimeGenerated) ?? firstStepTime(row.AuthenticationDetails);
  if (time === undefined) noTime('SigninLogs');
  let status = jsonObject(row.Status);
  const resultType = str(row.ResultType);
  if ((status === undefined || status.errorCode === undefined) && resultType !== undefined) {
    status = { ...status, errorCode: resultType, failureReason: row.ResultDescription };
  }
  const rec: Obj = {
    id: row.Id,
    createdDateTime: time,
    userId: row.UserId,
    userPrincipalName: row.UserPrincipalName,
    userDisplayName: row.UserDisplayName,
    appId: row.AppId,
    appDisplayName: row.AppDisplayName,
    ipAddress: row.IPAddress,
    userAgent: row.UserAgent,
    resourceId: row.ResourceIdentity,
    resourceDisplayName: row.ResourceDisplayName,
    servicePrincipalId: row.ServicePrincipalId,
    servicePrincipalName: row.ServicePrincipalName,
    resourceTenantId: row.ResourceTenantId,
    homeTenantId: row.HomeTenantId,
    status,
  };
  return normaliseSignIn(rec, { ...opts, recordTenant: opts.recordTenant ?? laEntraTenant(row), raw: opts.raw ?? row });
}

function officeActivityRow(row: Obj, opts: NormaliseOptions): CanonicalEvent {
  if (str(row.Operation) === undefined) throw new RecordError('import.skip.aggregated', { table: 'OfficeActivity' }, true);
  const time = str(row.TimeGenerated) ?? str(row.CreationTime);
  if (time === undefined) noTime('OfficeActivity');
  const rec: Obj = {
    Id: firstStr(row.OfficeId, row.SourceRecordId),
    CreationTime: time,
    Operation: row.Operation,
    OrganizationId: row.OrganizationId,
    RecordType: row.RecordType,
    UserType: row.UserType,
    UserKey: row.UserKey,
    UserId: row.UserId,
    Workload: row.OfficeWorkload,
    ResultStatus: row.ResultStatus,
    ObjectId: row.OfficeObjectId,
    ClientIP: firstStr(row.ClientIP, row.Client_IPAddress),
    ActorIpAddress: row.ActorIpAddress,
    UserAgent: row.UserAgent,
    ItemType: row.ItemType,
    Actor: row.Actor,
    Target: row.AADTarget,
    ExtendedProperties: row.ExtendedProperties,
    ModifiedProperties: row.ModifiedProperties,
    Parameters: row.Parameters,
    LogonError: row.LogonError,
    TargetUserOrGroupName: row.TargetUserOrGroupName,
    TargetUserOrGroupType: row.TargetUserOrGroupType,
    MailboxOwnerUPN: row.MailboxOwnerUPN,
  };
  return normaliseUalRecord(rec, { ...opts, recordTenant: opts.recordTenant ?? str(row.OrganizationId), raw: opts.raw ?? row });
}

/**
 * A Log Analytics row as an event. Throws RecordError: skipped for rows of other tables, aggregated
 * query results and rows without any time column; rejected for rows whose time is not a time.
 */
export function normaliseLaRow(row: Obj, opts: NormaliseOptions = {}, table: LaTable | undefined = laTableOf(row)): CanonicalEvent {
  switch (table) {
    case 'AuditLogs':
      return auditLogsRow(row, opts);
    case 'SigninLogs':
      return signinRow(row, opts);
    case 'OfficeActivity':
      return officeActivityRow(row, opts);
    default:
      throw new RecordError('import.skip.table', { table: str(row.Type) ?? '?' }, true);
  }
}
