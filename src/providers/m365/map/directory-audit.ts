// One Entra directory audit record (Graph `directoryAudit`, also the `properties` of an Azure Monitor
// diagnostic record and the shape Log Analytics `AuditLogs` rows are converted to) → CanonicalEvent.
import type { Actor, CanonicalEvent, Change, EventResult, Target } from '../../../core/event.ts';
import { eventId, RecordError, requireTime, resolveTenant, type NormaliseOptions } from '../../common/normalise.ts';
import { firstStr, isNilGuid, isObj, str, text, type Obj } from '../../common/values.ts';
import { entraAction } from './entra-actions.ts';
import { withRoleTarget } from './role-target.ts';

export const ENTRA_AUDIT_SOURCE = 'entra.audit';

export interface DirectoryAuditRecord {
  id?: unknown;
  activityDateTime?: unknown;
  activityDisplayName?: unknown;
  category?: unknown;
  correlationId?: unknown;
  result?: unknown;
  resultReason?: unknown;
  loggedByService?: unknown;
  operationType?: unknown;
  initiatedBy?: unknown;
  targetResources?: unknown;
  additionalDetails?: unknown;
  [key: string]: unknown;
}

export function entraResult(value: unknown): EventResult {
  const s = str(value);
  if (s === undefined) return 'unknown';
  const l = s.toLowerCase();
  if (l === 'success') return 'success';
  if (l === 'failure' || l === 'timeout') return 'failure';
  return 'unknown';
}

function auditActor(initiatedBy: unknown, additionalDetails: unknown): Actor {
  const actor: Actor = { kind: 'unknown' };
  if (isObj(initiatedBy)) {
    const user = initiatedBy.user;
    const app = initiatedBy.app;
    if (isObj(user)) {
      const id = str(user.id);
      const name = firstStr(user.userPrincipalName, user.displayName);
      const ip = str(user.ipAddress);
      if ((id !== undefined && !isNilGuid(id)) || name !== undefined) {
        actor.kind = 'user';
        if (id !== undefined) actor.id = id;
        if (name !== undefined) actor.name = name;
      }
      if (ip !== undefined) actor.ip = ip;
    }
    if (actor.kind === 'unknown' && isObj(app)) {
      const id = firstStr(app.servicePrincipalId, app.appId);
      const name = firstStr(app.displayName, app.servicePrincipalName);
      if (id !== undefined || name !== undefined) {
        actor.kind = 'app';
        if (id !== undefined) actor.id = id;
        if (name !== undefined) actor.name = name;
      }
    }
  }
  if (Array.isArray(additionalDetails)) {
    for (const d of additionalDetails) {
      if (isObj(d) && d.key === 'User-Agent') {
        const ua = str(d.value);
        if (ua !== undefined) actor.userAgent = ua;
        break;
      }
    }
  }
  return actor;
}

/** Targets and the flattened modified properties of all targets. */
function auditTargets(targetResources: unknown): { targets: Target[]; changes: Change[] } {
  const targets: Target[] = [];
  const changes: Change[] = [];
  if (!Array.isArray(targetResources)) return { targets, changes };
  for (const r of targetResources) {
    if (!isObj(r)) continue;
    const type = firstStr(r.type, r.Type);
    const t: Target = { kind: type !== undefined ? type.toLowerCase() : 'unknown' };
    const id = str(r.id);
    const name = firstStr(r.userPrincipalName, r.displayName);
    if (id !== undefined) t.id = id;
    if (name !== undefined) t.name = name;
    targets.push(t);
    const props = r.modifiedProperties;
    if (Array.isArray(props)) {
      for (const p of props) {
        if (!isObj(p)) continue;
        const pname = str(p.displayName);
        if (pname === undefined) continue;
        const c: Change = { name: pname };
        const o = text(p.oldValue);
        const n = text(p.newValue);
        if (o !== undefined) c.old = o;
        if (n !== undefined) c.new = n;
        changes.push(c);
      }
    }
  }
  return { targets, changes };
}

/**
 * A directoryAudit record as a CanonicalEvent. Throws RecordError when the record has no activity name
 * or no valid time.
 */
export function normaliseDirectoryAudit(rec: DirectoryAuditRecord | Obj, opts: NormaliseOptions = {}): CanonicalEvent {
  const nativeAction = str(rec.activityDisplayName);
  if (nativeAction === undefined) throw new RecordError('import.record.no_action', { field: 'activityDisplayName' });
  const time = requireTime(rec.activityDateTime, 'activityDateTime');
  const actor = auditActor(rec.initiatedBy, rec.additionalDetails);
  const { targets, changes } = auditTargets(rec.targetResources);
  const result = entraResult(rec.result);
  const tenant = resolveTenant(str(rec.tenantId), opts);
  const id = eventId('m365', ENTRA_AUDIT_SOURCE, str(rec.id), { tenant, time, nativeAction, actor, targets, changes, result });
  return {
    id,
    tenant,
    provider: 'm365',
    source: ENTRA_AUDIT_SOURCE,
    time,
    action: entraAction(nativeAction, changes),
    nativeAction,
    actor,
    targets: withRoleTarget(targets, changes),
    changes,
    result,
    raw: opts.raw ?? rec,
  };
}
