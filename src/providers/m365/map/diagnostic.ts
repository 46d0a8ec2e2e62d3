// Azure Monitor diagnostic-settings records (storage account / Event Hub export of Entra logs):
// `{time, resourceId, operationName, category, tenantId, properties: {…}}`, where `properties` is the
// Graph-shaped directoryAudit (category AuditLogs) or signIn (the sign-in categories).
import type { CanonicalEvent } from '../../../core/event.ts';
import { RecordError, type NormaliseOptions } from '../../common/normalise.ts';
import { isObj, str, type Obj } from '../../common/values.ts';
import { normaliseDirectoryAudit } from './directory-audit.ts';
import { normaliseSignIn } from './sign-in.ts';
import { tenantOfResourceId } from './log-analytics.ts';

const SIGNIN_CATEGORIES: ReadonlySet<string> = new Set([
  'SignInLogs',
  'NonInteractiveUserSignInLogs',
  'ServicePrincipalSignInLogs',
  'ManagedIdentitySignInLogs',
]);

export function isDiagnosticRecord(o: Obj): boolean {
  return typeof o.operationName === 'string' && typeof o.category === 'string' && isObj(o.properties) && ('time' in o || 'resourceId' in o);
}

export function normaliseDiagnosticRecord(rec: Obj, opts: NormaliseOptions = {}): CanonicalEvent {
  const category = str(rec.category) ?? '';
  const props = isObj(rec.properties) ? rec.properties : {};
  const recordTenant = opts.recordTenant ?? str(rec.tenantId) ?? tenantOfResourceId(rec.resourceId);
  const next: NormaliseOptions = { ...opts, raw: opts.raw ?? rec };
  if (recordTenant !== undefined) next.recordTenant = recordTenant;
  if (category === 'AuditLogs') {
    const p: Obj =
      props.activityDateTime === undefined || props.activityDisplayName === undefined
        ? { ...props, activityDateTime: props.activityDateTime ?? rec.time, activityDisplayName: props.activityDisplayName ?? rec.operationName }
        : props;
    return normaliseDirectoryAudit(p, next);
  }
  if (SIGNIN_CATEGORIES.has(category)) {
    let p = props;
    if (p.createdDateTime === undefined || (p.status === undefined && rec.resultType !== undefined)) {
      p = { ...p, createdDateTime: p.createdDateTime ?? rec.time };
      if (p.status === undefined && rec.resultType !== undefined) p.status = { errorCode: rec.resultType, failureReason: rec.resultDescription };
    }
    return normaliseSignIn(p, next);
  }
  throw new RecordError('import.skip.diagnostic_category', { category }, true);
}
