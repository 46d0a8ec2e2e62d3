// One Entra sign-in (Graph `signIn`; also Azure Monitor diagnostic `properties` and the shape Log
// Analytics `SigninLogs` rows and Entra portal sign-in CSV rows are converted to) → CanonicalEvent.
import type { Actor, CanonicalEvent, EventResult, Target } from '../../../core/event.ts';
import { eventId, requireTime, resolveTenant, type NormaliseOptions } from '../../common/normalise.ts';
import { firstStr, isObj, str, type Obj } from '../../common/values.ts';

export const ENTRA_SIGNIN_SOURCE = 'entra.signin';

/** Sign-ins have no activity name of their own; this is what Log Analytics calls them. */
export const SIGNIN_NATIVE_ACTION = 'Sign-in activity';

export interface SignInRecord {
  id?: unknown;
  createdDateTime?: unknown;
  userId?: unknown;
  userPrincipalName?: unknown;
  userDisplayName?: unknown;
  appId?: unknown;
  appDisplayName?: unknown;
  ipAddress?: unknown;
  userAgent?: unknown;
  resourceId?: unknown;
  resourceDisplayName?: unknown;
  resourceTenantId?: unknown;
  homeTenantId?: unknown;
  servicePrincipalId?: unknown;
  servicePrincipalName?: unknown;
  /** `{errorCode, failureReason}`: errorCode 0 is success. */
  status?: unknown;
  [key: string]: unknown;
}

/** The sign-in's error code: a number, or undefined when the record does not say. */
export function signInErrorCode(status: unknown): number | undefined {
  if (!isObj(status)) return undefined;
  const c = status.errorCode;
  if (typeof c === 'number') return c;
  if (typeof c === 'string' && c.trim() !== '') {
    const n = Number(c);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function signInResult(status: unknown): EventResult {
  const code = signInErrorCode(status);
  if (code === undefined) return 'unknown';
  return code === 0 ? 'success' : 'failure';
}

export function normaliseSignIn(rec: SignInRecord | Obj, opts: NormaliseOptions = {}): CanonicalEvent {
  const time = requireTime(rec.createdDateTime, 'createdDateTime');
  const actor: Actor = { kind: 'unknown' };
  const userId = str(rec.userId);
  const upn = firstStr(rec.userPrincipalName, rec.userDisplayName);
  if (userId !== undefined || upn !== undefined) {
    actor.kind = 'user';
    if (userId !== undefined) actor.id = userId;
    if (upn !== undefined) actor.name = upn;
  } else {
    const spId = str(rec.servicePrincipalId);
    const spName = firstStr(rec.servicePrincipalName, rec.appDisplayName);
    if (spId !== undefined || spName !== undefined) {
      actor.kind = 'app';
      if (spId !== undefined) actor.id = spId;
      if (spName !== undefined) actor.name = spName;
    }
  }
  const ip = str(rec.ipAddress);
  if (ip !== undefined) actor.ip = ip;
  const ua = str(rec.userAgent);
  if (ua !== undefined) actor.userAgent = ua;

  const targets: Target[] = [];
  const appId = str(rec.appId);
  const appName = str(rec.appDisplayName);
  if (appId !== undefined || appName !== undefined) {
    const t: Target = { kind: 'application' };
    if (appId !== undefined) t.id = appId;
    if (appName !== undefined) t.name = appName;
    targets.push(t);
  }
  const resId = str(rec.resourceId);
  const resName = str(rec.resourceDisplayName);
  if (resId !== undefined || resName !== undefined) {
    const t: Target = { kind: 'resource' };
    if (resId !== undefined) t.id = resId;
    if (resName !== undefined) t.name = resName;
    targets.push(t);
  }

  const result = signInResult(rec.status);
  const tenant = resolveTenant(firstStr(rec.tenantId, rec.resourceTenantId, rec.homeTenantId), opts);
  const nativeAction = SIGNIN_NATIVE_ACTION;
  const changes: [] = [];
  const id = eventId('m365', ENTRA_SIGNIN_SOURCE, str(rec.id), { tenant, time, nativeAction, actor, targets, changes, result });
  return {
    id,
    tenant,
    provider: 'm365',
    source: ENTRA_SIGNIN_SOURCE,
    time,
    action: result === 'failure' ? 'signin.failed' : 'signin',
    nativeAction,
    actor,
    targets,
    changes,
    result,
    raw: opts.raw ?? rec,
  };
}
