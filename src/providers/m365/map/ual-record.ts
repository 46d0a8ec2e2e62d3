// One Unified Audit Log record (the `AuditData` of a Purview export, a Management Activity API content
// record, the `auditData` of a Graph audit log query record; Log Analytics `OfficeActivity` rows are
// converted to this shape) → CanonicalEvent.
import type { Actor, ActorKind, CanonicalEvent, Change, EventResult, Target } from '../../../core/event.ts';
import { jsonArray } from '../../common/json-text.ts';
import { eventId, RecordError, requireTime, resolveTenant, type NormaliseOptions } from '../../common/normalise.ts';
import { cleanIp, firstStr, isGuid, isObj, str, text, type Obj } from '../../common/values.ts';
import { ualAction } from './ual-actions.ts';
import { withRoleTarget } from './role-target.ts';

export const UAL_SOURCE = 'ual';

/** UAL `UserType` (number or name) → actor kind. 0 Regular, 1 Reserved, 2 Admin, 3 DcAdmin: people. */
function kindOfUserType(v: unknown, userId: string | undefined): ActorKind {
  switch (v) {
    case 0:
    case 1:
    case 2:
    case 3:
    case '0':
    case '1':
    case '2':
    case '3':
    case 'Regular':
    case 'Reserved':
    case 'Admin':
    case 'DcAdmin':
      return 'user';
    case 4:
    case 7:
    case 8:
    case '4':
    case '7':
    case '8':
    case 'System':
    case 'CustomPolicy':
    case 'SystemPolicy':
      return 'system';
    case 5:
    case 6:
    case '5':
    case '6':
    case 'Application':
    case 'ServicePrincipal':
      return 'app';
  }
  if (userId === undefined) return 'unknown';
  if (userId.startsWith('ServicePrincipal_')) return 'app';
  if (userId.includes('@')) return 'user';
  return 'unknown';
}

/** `[{Name, Value}]` lists (ExtendedProperties, DeviceProperties) as a lookup. */
function nameValue(list: unknown, name: string): string | undefined {
  if (!Array.isArray(list)) return undefined;
  for (const e of list) if (isObj(e) && e.Name === name) return str(e.Value);
  return undefined;
}

/** The first GUID among `[{ID, Type}]` entries (UAL Actor / Target lists). */
function guidOf(list: unknown[]): string | undefined {
  for (const e of list) {
    if (!isObj(e)) continue;
    const id = str(e.ID);
    if (id !== undefined && isGuid(id)) return id;
  }
  return undefined;
}

function ualActor(r: Obj): Actor {
  const userId = str(r.UserId);
  const actor: Actor = { kind: kindOfUserType(r.UserType, userId) };
  if (userId !== undefined) actor.name = userId;
  const actorList = jsonArray(r.Actor);
  const id = actorList.length > 0 ? guidOf(actorList) : undefined;
  if (id !== undefined) actor.id = id;
  else {
    const fromExt = nameValue(r.ExtendedProperties, 'actorObjectId');
    if (fromExt !== undefined) actor.id = fromExt;
  }
  const ip = cleanIp(firstStr(r.ActorIpAddress, r.ClientIP, r.ClientIPAddress, r.ClientIp));
  if (ip !== undefined) actor.ip = ip;
  const ua = firstStr(r.UserAgent, nameValue(r.ExtendedProperties, 'UserAgent'));
  if (ua !== undefined) actor.userAgent = ua;
  return actor;
}

const CLASS_NAMES: Record<string, string> = {
  User: 'user',
  Group: 'group',
  ServicePrincipal: 'serviceprincipal',
  Application: 'application',
  Role: 'role',
  Device: 'device',
  Policy: 'policy',
  Contact: 'contact',
  Directory: 'directory',
  Company: 'directory',
};

/** The UAL `Target` list names one object several ways (class name, object id, UPN, PUID): fold them. */
function targetFromList(list: unknown[]): Target | undefined {
  let kind: string | undefined;
  let id: string | undefined;
  let name: string | undefined;
  let upn = false;
  for (const e of list) {
    if (!isObj(e)) continue;
    const v = str(e.ID);
    if (v === undefined) continue;
    const type = e.Type;
    if (type === 5 || type === '5') {
      if (name === undefined) upn = true;
      name ??= v;
    } else if (type === 1 || type === 4 || type === '1' || type === '4') {
      name ??= v;
    } else if (type === 2 || type === '2') {
      const cls = CLASS_NAMES[v];
      if (cls !== undefined) kind ??= cls;
      else if (isGuid(v)) id ??= v;
    }
  }
  if (id === undefined && name === undefined) return undefined;
  // A UPN names a user when the record gives no class name.
  const t: Target = { kind: kind ?? (upn ? 'user' : 'unknown') };
  if (id !== undefined) t.id = id;
  if (name !== undefined) t.name = name;
  return t;
}

function isStsLogon(r: Obj): boolean {
  const rt = r.RecordType;
  return rt === 15 || rt === '15' || rt === 'AzureActiveDirectoryStsLogon';
}

function ualTargets(r: Obj): Target[] {
  const targets: Target[] = [];
  if (isStsLogon(r)) {
    // Sign-ins: the client application and the resource it asked for (as the sign-in normaliser names them).
    const appId = str(r.ApplicationId);
    if (appId !== undefined) targets.push({ kind: 'application', id: appId });
    const resource = str(r.ObjectId);
    if (resource !== undefined) targets.push({ kind: 'resource', id: resource });
    return targets;
  }
  const list = jsonArray(r.Target);
  const fromList = list.length > 0 ? targetFromList(list) : undefined;
  const objectId = str(r.ObjectId);
  if (fromList !== undefined) {
    if (fromList.name === undefined && objectId !== undefined) fromList.name = objectId;
    targets.push(fromList);
  } else if (objectId !== undefined) {
    const itemType = str(r.ItemType);
    targets.push({ kind: itemType !== undefined ? itemType.toLowerCase() : 'object', name: objectId });
  }
  const tug = str(r.TargetUserOrGroupName);
  if (tug !== undefined) {
    const type = str(r.TargetUserOrGroupType);
    targets.push({ kind: type === undefined || type === 'Member' || type === 'Guest' ? 'user' : 'group', name: tug });
  }
  const owner = str(r.MailboxOwnerUPN);
  if (owner !== undefined && owner !== str(r.UserId)) targets.push({ kind: 'mailbox', name: owner });
  return targets;
}

/** ModifiedProperties `[{Name, OldValue, NewValue}]` (Exchange: bare names) and cmdlet Parameters `[{Name, Value}]`. */
function ualChanges(r: Obj): Change[] {
  const changes: Change[] = [];
  for (const p of jsonArray(r.ModifiedProperties)) {
    if (typeof p === 'string') {
      changes.push({ name: p });
      continue;
    }
    if (!isObj(p)) continue;
    const name = str(p.Name);
    if (name === undefined) continue;
    const c: Change = { name };
    const o = text(p.OldValue);
    const n = text(p.NewValue);
    if (o !== undefined) c.old = o;
    if (n !== undefined) c.new = n;
    changes.push(c);
  }
  for (const p of jsonArray(r.Parameters)) {
    if (!isObj(p)) continue;
    const name = str(p.Name);
    if (name === undefined) continue;
    const c: Change = { name };
    const n = text(p.Value);
    if (n !== undefined) c.new = n;
    changes.push(c);
  }
  return changes;
}

function ualResult(r: Obj): EventResult {
  // Sign-in style records: ResultStatus only says the request was handled; the error decides.
  const logonError = str(r.LogonError);
  if (logonError !== undefined) return 'failure';
  const errorCode = r.ErrorCode;
  if (errorCode !== undefined && errorCode !== null && errorCode !== '' && errorCode !== '0' && errorCode !== 0) return 'failure';
  if (typeof r.LoginStatus === 'number' && r.LoginStatus !== 0) return 'failure';
  const s = str(r.ResultStatus);
  if (s === undefined) return 'unknown';
  switch (s.toLowerCase()) {
    case 'success':
    case 'succeeded':
    case 'true':
    case 'partiallysucceeded':
      return 'success';
    case 'failed':
    case 'failure':
    case 'false':
      return 'failure';
    default:
      return 'unknown';
  }
}

/** A UAL record (PascalCase, as the Management Activity API and Purview's AuditData write it). */
export function normaliseUalRecord(r: Obj, opts: NormaliseOptions = {}): CanonicalEvent {
  const nativeAction = str(r.Operation);
  if (nativeAction === undefined) throw new RecordError('import.record.no_action', { field: 'Operation' });
  const time = requireTime(r.CreationTime, 'CreationTime');
  const changes = ualChanges(r);
  const actor = ualActor(r);
  const targets = ualTargets(r);
  const result = ualResult(r);
  const tenant = resolveTenant(str(r.OrganizationId), opts);
  const id = eventId('m365', UAL_SOURCE, str(r.Id), { tenant, time, nativeAction, actor, targets, changes, result });
  return {
    id,
    tenant,
    provider: 'm365',
    source: UAL_SOURCE,
    time,
    action: ualAction(nativeAction, changes),
    nativeAction,
    actor,
    targets: withRoleTarget(targets, changes),
    changes,
    result,
    raw: opts.raw ?? r,
  };
}

/**
 * A Graph `security/auditLog/queries/{id}/records` record: camelCase summary fields around the raw UAL
 * record in `auditData`. The UAL fields win; the summary fills what auditData lacks.
 */
export function normaliseGraphAuditLogRecord(rec: Obj, opts: NormaliseOptions = {}): CanonicalEvent {
  const data = isObj(rec.auditData) ? rec.auditData : {};
  const merged: Obj = { ...data };
  const fill = (key: string, value: unknown): void => {
    if (str(merged[key]) === undefined && str(value) !== undefined) merged[key] = value;
  };
  fill('Id', rec.id);
  fill('CreationTime', rec.createdDateTime);
  fill('Operation', rec.operation);
  fill('OrganizationId', rec.organizationId);
  fill('UserId', firstStr(rec.userPrincipalName, rec.userId));
  fill('ClientIP', rec.clientIp);
  fill('ObjectId', rec.objectId);
  if (merged.UserType === undefined && rec.userType !== undefined) merged.UserType = rec.userType;
  return normaliseUalRecord(merged, { ...opts, raw: opts.raw ?? rec });
}
